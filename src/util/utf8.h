/* utf8.h - the one UTF-8 decoder of reisregister. */
#ifndef RR_UTF8_H
#define RR_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes the sequence at s (n >= 1 bytes available). Returns its length
 * (1 to 4) and sets *cp, or returns 0 when the bytes are not a character:
 * a stray or truncated sequence, an overlong form, a surrogate, or a code
 * point past U+10FFFF. Reads at most 4 bytes and never past n. */
size_t rr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);

#endif
