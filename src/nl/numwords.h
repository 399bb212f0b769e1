/* numwords.h - Dutch numbers written as words, folded (fold.h):
 * "een"/"één" 1 … "twaalf" 12, "dertien" … "twintig", the tens up to
 * "negentig", "honderd", compounds like "vijfentwintig" and
 * "tweeëntwintig" (folded "tweeentwintig"), "duizend"; ordinals
 * "eerste" … "twintigste", "dertigste", "veertigste", "vijftigste" and
 * their compounds. Nothing allocates. */
#ifndef RR_NUMWORDS_H
#define RR_NUMWORDS_H

/* The number a folded word names, or -1. "geen" is 0. */
long rr_number_word(const char *folded);
/* The number an ordinal word names ("vijftigste" 50, "derde" 3), or -1. */
long rr_ordinal_word(const char *folded);

#endif
