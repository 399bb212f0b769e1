/* doc_stream.c - a canonical JSON document read one record at a time
 * (doc_stream.h). */
#include "doc_stream.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../util/buf.h"

#define MAX_KEY 256

struct rr_doc_stream {
	FILE *f;
	char *name;
	long off;       /* bytes read */
	long line, col; /* of the next byte, from 1 */
	long pline, pcol;
	int back;       /* a byte put back, or -2 */
	rr_buf rec;     /* the bytes of the element being read */
};

const char *rr_doc_stream_name(const rr_doc_stream *ds)
{
	return ds->name;
}

rr_err rr_doc_stream_open(const char *path, rr_doc_stream **out, rr_diag *d)
{
	rr_doc_stream *ds = calloc(1, sizeof *ds);
	char chunk[65536];
	size_t n;

	*out = NULL;
	if (!ds || !(ds->name = strdup(path))) {
		free(ds);
		return RR_ENOMEM;
	}
	if (strcmp(path, "-") != 0) {
		ds->f = fopen(path, "rb");
	} else if ((ds->f = tmpfile())) {
		/* standard input, kept in a file to be read again */
		while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
			if (fwrite(chunk, 1, n, ds->f) != n)
				break;
		if (ferror(stdin) || ferror(ds->f)) {
			rr_diag_add(d, "%s: read error", path);
			rr_doc_stream_close(ds);
			return RR_EIO;
		}
	}
	if (!ds->f) {
		rr_diag_add(d, "%s: cannot open: %s", path, strerror(errno));
		rr_doc_stream_close(ds);
		return RR_EINVAL;
	}
	rr_buf_init(&ds->rec, RR_DOC_MAX_RECORD);
	*out = ds;
	return RR_OK;
}

void rr_doc_stream_close(rr_doc_stream *ds)
{
	if (!ds)
		return;
	if (ds->f)
		fclose(ds->f);
	rr_buf_free(&ds->rec);
	free(ds->name);
	free(ds);
}

static rr_err seek(rr_doc_stream *ds, long off)
{
	if (fseek(ds->f, off, SEEK_SET) != 0)
		return RR_EIO;
	ds->off = off;
	ds->line = ds->col = 1;
	ds->back = -2;
	return RR_OK;
}

static int get(rr_doc_stream *ds)
{
	int c;
	if (ds->back != -2) {
		c = ds->back;
		ds->back = -2;
	} else {
		c = getc_unlocked(ds->f);
	}
	if (c == EOF)
		return c;
	ds->off++;
	ds->pline = ds->line;
	ds->pcol = ds->col;
	if (c == '\n') {
		ds->line++;
		ds->col = 1;
	} else if ((c & 0xC0) != 0x80) {
		ds->col++;
	}
	return c;
}

static void unget(rr_doc_stream *ds, int c)
{
	if (c == EOF)
		return;
	ds->back = c;
	ds->off--;
	ds->line = ds->pline;
	ds->col = ds->pcol;
}

static int skip_ws(rr_doc_stream *ds)
{
	int c;
	do
		c = get(ds);
	while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	return c;
}

static rr_err syntax(rr_doc_stream *ds, rr_diag *d, const char *what)
{
	rr_diag_add(d, "%s: line %ld, column %ld: %s", ds->name, ds->line, ds->col, what);
	return RR_EINVAL;
}

/* Reads the rest of a string whose opening quote was read; appends its
 * bytes (quotes included) to out if out. */
static rr_err read_string(rr_doc_stream *ds, rr_buf *out, rr_diag *d)
{
	int c, esc = 0;
	if (out)
		rr_buf_addc(out, '"');
	for (;;) {
		if ((c = get(ds)) == EOF)
			return syntax(ds, d, "end of file inside a string");
		if (c == '\0')
			return syntax(ds, d, "not a text file (contains NUL bytes)");
		if (out)
			rr_buf_addc(out, (char)c);
		if (esc)
			esc = 0;
		else if (c == '\\')
			esc = 1;
		else if (c == '"')
			return RR_OK;
	}
}

/* Reads one value whose first byte c was read; its bytes go to out if out.
 * Only its end is found here: the parser checks the rest. */
static rr_err read_value(rr_doc_stream *ds, int c, rr_buf *out, rr_diag *d)
{
	long depth = 0;
	rr_err e;

	for (;; c = get(ds)) {
		if (c == EOF)
			return syntax(ds, d, "unexpected end of file");
		if (c == '\0')
			return syntax(ds, d, "not a text file (contains NUL bytes)");
		if (c == '"') {
			if ((e = read_string(ds, out, d)))
				return e;
			if (depth == 0)
				return RR_OK;
			continue;
		}
		if (c == '[' || c == '{') {
			depth++;
		} else if (c == ']' || c == '}') {
			if (depth == 0) {
				unget(ds, c);
				return RR_OK;
			}
			depth--;
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' || c == '\n' ||
					  c == '\r')) {
			unget(ds, c);
			return RR_OK;
		}
		if (out)
			rr_buf_addc(out, (char)c);
		if (depth == 0 && (c == ']' || c == '}'))
			return RR_OK;
	}
}

/* Parses the element in ds->rec that started at line, col. */
static rr_err parse_element(rr_doc_stream *ds, long line, long col, json_t **out, rr_diag *d)
{
	json_error_t je;

	if (rr_buf_err(&ds->rec)) {
		rr_diag_add(d, "%s: line %ld: a record larger than %zu MiB", ds->name, line,
			    RR_DOC_MAX_RECORD >> 20);
		return RR_ETOOBIG;
	}
	*out = json_loadb(rr_buf_cstr(&ds->rec), ds->rec.len, JSON_REJECT_DUPLICATES, &je);
	if (!*out) {
		rr_diag_add(d, "%s: line %ld, column %ld: %s", ds->name, line + je.line - 1,
			    je.line <= 1 ? col + je.column - 1 : (long)je.column, je.text);
		return RR_EINVAL;
	}
	return RR_OK;
}

/* Reads the array whose '[' was read, calling fn for each element. */
static rr_err read_array(rr_doc_stream *ds, const char *key, long offset, rr_doc_stream_fn fn,
			 void *ctx, rr_diag *d)
{
	size_t i = 0;
	int c = skip_ws(ds);
	rr_err e;

	if (c == ']')
		return RR_OK;
	for (;; i++) {
		long line = ds->line, col = ds->col - 1;
		json_t *rec = NULL;
		rr_buf_reset(&ds->rec);
		if ((e = read_value(ds, c, &ds->rec, d)) ||
		    (e = parse_element(ds, line, col, &rec, d)))
			return e;
		e = fn(ctx, key, i, rec, offset);
		json_decref(rec);
		if (e)
			return e;
		c = skip_ws(ds);
		if (c == ']')
			return RR_OK;
		if (c != ',')
			return syntax(ds, d, "expected ',' or ']' after an element of an array");
		c = skip_ws(ds);
	}
}

/* A key's text: the quoted bytes parsed as a JSON string. */
static rr_err read_key(rr_doc_stream *ds, char *key, rr_diag *d)
{
	json_t *k;
	rr_err e;

	rr_buf_reset(&ds->rec);
	if ((e = read_string(ds, &ds->rec, d)))
		return e;
	k = json_loadb(rr_buf_cstr(&ds->rec), ds->rec.len, JSON_DECODE_ANY, NULL);
	if (!json_is_string(k) || ds->rec.len > MAX_KEY) {
		json_decref(k);
		return syntax(ds, d, "a key that is not a valid string");
	}
	snprintf(key, MAX_KEY + 1, "%s", json_string_value(k));
	json_decref(k);
	return RR_OK;
}

rr_err rr_doc_stream_scan(rr_doc_stream *ds, rr_doc_stream_fn fn, void *ctx, rr_diag *d)
{
	char key[MAX_KEY + 1];
	int c;
	rr_err e;

	if ((e = seek(ds, 0)))
		return e;
	if ((c = skip_ws(ds)) != '{') {
		if (c == EOF)
			return syntax(ds, d, "the file is empty");
		rr_diag_add(d, "%s: the document must be a JSON object", ds->name);
		return RR_EINVAL;
	}
	c = skip_ws(ds);
	while (c != '}') {
		long offset;
		if (c != '"')
			return syntax(ds, d, "expected a key in quotes");
		if ((e = read_key(ds, key, d)))
			return e;
		if (skip_ws(ds) != ':')
			return syntax(ds, d, "expected ':' after a key");
		c = skip_ws(ds);
		offset = ds->off - 1;
		if (c == '[') {
			if (!(e = fn(ctx, key, RR_DOC_MEMBER, NULL, offset)))
				e = read_array(ds, key, offset, fn, ctx, d);
		} else if (!(e = read_value(ds, c, NULL, d))) {
			e = fn(ctx, key, RR_DOC_MEMBER, NULL, -1);
		}
		if (e)
			return e;
		c = skip_ws(ds);
		if (c == ',') {
			if ((c = skip_ws(ds)) != '"')
				return syntax(ds, d, "expected a key after ','");
		} else if (c != '}') {
			return syntax(ds, d, "expected ',' or '}' after a value");
		}
	}
	if (skip_ws(ds) != EOF)
		return syntax(ds, d, "text after the end of the document");
	return ferror(ds->f) ? RR_EIO : RR_OK;
}

rr_err rr_doc_stream_member(rr_doc_stream *ds, const char *key, long offset,
			    rr_doc_stream_fn fn, void *ctx, rr_diag *d)
{
	rr_err e;

	if ((e = seek(ds, offset)))
		return e;
	if (get(ds) != '[')
		return syntax(ds, d, "the file changed while it was read");
	return read_array(ds, key, offset, fn, ctx, d);
}
