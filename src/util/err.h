/* err.h - the one error type of reisregister, and a list of diagnostics.
 *
 * Every fallible function returns rr_err. Messages meant for a person (which
 * record, which field, why) go into an rr_diag that the caller owns. */
#ifndef RR_ERR_H
#define RR_ERR_H

#include <stddef.h>

typedef enum {
	RR_OK = 0,
	RR_EINVAL,    /* bad input: a field, a file, a request */
	RR_EUSAGE,    /* wrong command-line usage */
	RR_ENOTFOUND, /* no such record */
	RR_ECONFLICT, /* not allowed in the record's current state */
	RR_ETOOBIG,   /* input over a size limit */
	RR_EPERM,     /* not allowed for this user */
	RR_ENOMEM,
	RR_EIO,
	RR_EDB,       /* the storage backend failed */
	RR_EUNAVAIL,  /* the database cannot be written or reached now (disk full,
	               * read-only, connection lost, locked): try again later */
	RR_EEXISTS    /* a create met a record that already has the id */
} rr_err;

const char *rr_strerror(rr_err e);

/* CLI exit status: 0 success, 1 bad input, 2 usage, 3 internal. */
int rr_exit_code(rr_err e);

#define RR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

/* A bounded list of messages. Owns its strings; free with rr_diag_free.
 * A message may name the field it is about (rr_diag_add_at), so that a form
 * can show it next to that field: field[i] is that name or NULL (field is
 * NULL until the first named message). */
typedef struct rr_diag {
	char **msg;
	char **field;
	size_t n, cap;
	size_t dropped; /* messages past RR_DIAG_MAX, counted but not kept */
} rr_diag;

#define RR_DIAG_MAX 1000

void rr_diag_add(rr_diag *d, const char *fmt, ...) RR_PRINTF(2, 3);
/* A message about one field: a record path ("end", "report.submitted",
 * "costs[1].amount_eur") or a form field's name. */
void rr_diag_add_at(rr_diag *d, const char *field, const char *fmt, ...) RR_PRINTF(3, 4);
/* The field message i is about, or NULL. */
const char *rr_diag_field(const rr_diag *d, size_t i);
/* Renames the field of every message about field `from` to `to` (a path of
 * the model to the name of a form field). */
void rr_diag_rename(rr_diag *d, const char *from, const char *to);
void rr_diag_free(rr_diag *d);
/* Writes every message, one a line, each preceded by prefix. */
void rr_diag_print(const rr_diag *d, const char *prefix, void *file);

#endif
