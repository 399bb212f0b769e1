/* import_extract.c - the text of an imported file (plain text, HTML through
 * libxml2's HTML parser, Markdown), and small text helpers. */
#include "../nl/fold.h"
#include "../util/utf8.h"
#include "import_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#define IMP_FILE_MAX ((size_t)32 << 20)

/* ---- helpers ---- */

size_t imp_eol(const char *t, size_t pos, size_t to)
{
	while (pos < to && t[pos] != '\n')
		pos++;
	return pos;
}

rr_err imp_lines(const char *t, size_t n, imp_line **out, size_t *count)
{
	size_t nl = 0, cap = 0;
	imp_line *ln = NULL;

	for (size_t pos = 0; pos < n;) {
		size_t le = imp_eol(t, pos, n), s = pos, te = le;
		imp_trim(t, &s, &te);
		pos = le + 1;
		if (s == te)
			continue;
		if (nl == cap) {
			size_t nc = cap ? cap * 2 : 256;
			imp_line *x = realloc(ln, nc * sizeof *x);
			if (!x) {
				free(ln);
				return RR_ENOMEM;
			}
			ln = x;
			cap = nc;
		}
		ln[nl++] = (imp_line){s, te};
	}
	*out = ln;
	*count = nl;
	return RR_OK;
}

size_t imp_cells(const char *t, size_t s, size_t e, imp_line *out, size_t max)
{
	size_t n = 0, a = s;
	bool any = false;
	for (size_t i = s; i <= e && n < max; i++) {
		if (i < e && t[i] != '\t' && t[i] != '|')
			continue;
		if (i < e)
			any = true;
		size_t cs = a, ce = i;
		imp_trim(t, &cs, &ce);
		/* "| a | b |": the empty cells outside the bars do not count */
		if (!(ce == cs && (a == s || i == e)))
			out[n++] = (imp_line){cs, ce};
		a = i + 1;
	}
	return any ? n : 0;
}

void imp_trim(const char *t, size_t *s, size_t *e)
{
	while (*s < *e && (t[*s] == ' ' || t[*s] == '\t' || t[*s] == '\r'))
		(*s)++;
	while (*e > *s && (t[*e - 1] == ' ' || t[*e - 1] == '\t' || t[*e - 1] == '\r'))
		(*e)--;
}

bool imp_prefix(const char *t, size_t pos, size_t to, const char *word)
{
	size_t n = strlen(word);
	if (pos > to || to - pos < n)
		return false;
	return strncasecmp(t + pos, word, n) == 0;
}

static bool letter(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Punctuation and symbols outside ASCII (quotes, dashes, no-break space,
 * superscripts) do not belong to words. cp is a decoded code point. */
static bool cp_letter(unsigned int cp)
{
	if (cp < 0x80)
		return isalnum((int)cp);
	if (cp >= 0xA0 && cp <= 0xBF)
		return false;
	if (cp == 0xD7 || cp == 0xF7)
		return false;
	if (cp >= 0x2000 && cp <= 0x20CF)
		return false;
	return true;
}

static unsigned int decode_at(const char *t, size_t i, size_t to)
{
	const unsigned char *u = (const unsigned char *)t;
	unsigned int cp = u[i];
	size_t len = cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 : cp >= 0xC0 ? 2 : 1;
	if (len == 1 || i + len > to)
		return cp;
	cp &= len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07;
	for (size_t k = 1; k < len; k++)
		cp = (cp << 6) | (u[i + k] & 0x3F);
	return cp;
}

bool imp_word_start(const char *t, size_t pos)
{
	size_t k;
	if (pos == 0)
		return true;
	k = pos - 1;
	while (k > 0 && pos - k < 4 && ((unsigned char)t[k] & 0xC0) == 0x80)
		k--;
	return !cp_letter(decode_at(t, k, pos));
}

bool imp_word_end(const char *t, size_t pos, size_t to)
{
	return pos >= to || !cp_letter(decode_at(t, pos, to));
}

size_t imp_find_word(const char *t, size_t from, size_t to, const char *word,
		     bool prefix_ok)
{
	size_t n = strlen(word);
	for (size_t i = from; i + n <= to; i++) {
		if (strncasecmp(t + i, word, n) == 0 && imp_word_start(t, i) &&
		    (prefix_ok || imp_word_end(t, i + n, to)))
			return i;
	}
	return to;
}

size_t imp_copy(char *out, size_t cap, const char *t, size_t s, size_t e)
{
	size_t o = 0;
	bool sp = false;

	if (!cap)
		return 0;
	imp_trim(t, &s, &e);
	for (size_t i = s; i < e; i++) {
		unsigned char c = (unsigned char)t[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			sp = true;
			continue;
		}
		if (sp && o) {
			if (o + 1 >= cap)
				break;
			out[o++] = ' ';
		}
		sp = false;
		if (o + 1 >= cap)
			break;
		out[o++] = (char)c;
	}
	/* never end inside a UTF-8 sequence */
	while (o && ((unsigned char)out[o - 1] & 0xC0) == 0x80) {
		size_t k = o - 1;
		while (k && ((unsigned char)out[k] & 0xC0) == 0x80)
			k--;
		unsigned char lead = (unsigned char)out[k];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
		if (o - k == need)
			break;
		o = k;
	}
	if (o && ((unsigned char)out[o - 1]) >= 0xC0)
		o--;
	out[o] = '\0';
	return o;
}

void imp_slug(rr_buf *b, const char *t, size_t s, size_t e, size_t max)
{
	/* folded as the search and the gazetteer fold ("Dobruška" → dobruska,
	 * "Wrocław" → wroclaw), words joined by '-' */
	char f[512];
	size_t start = b->len, n = rr_fold(t + s, e - s < 400 ? e - s : 400, f, sizeof f);
	bool dash = false;

	for (size_t i = 0; i < n && b->len - start < max; i++) {
		char c = f[i];
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
			dash = b->len > start;
			continue;
		}
		if (dash)
			rr_buf_addc(b, '-');
		dash = false;
		rr_buf_addc(b, c);
	}
}

size_t imp_superscript(const char *t, size_t pos, size_t to)
{
	const unsigned char *u = (const unsigned char *)t + pos;
	if (pos + 2 <= to && u[0] == 0xC2 && (u[1] == 0xB9 || u[1] == 0xB2 || u[1] == 0xB3))
		return 2;
	if (pos + 3 <= to && u[0] == 0xE2 && u[1] == 0x81 &&
	    (u[2] == 0xB0 || (u[2] >= 0xB4 && u[2] <= 0xB9)))
		return 3;
	return 0;
}

/* ---- bytes to UTF-8 ---- */

/* Length of a valid UTF-8 sequence at s[i], 0 when invalid. */
static size_t utf8_len(const unsigned char *s, size_t i, size_t n)
{
	uint32_t cp;
	return rr_utf8_decode(s + i, n - i, &cp);
}

static void add_cp(rr_buf *b, unsigned int cp)
{
	if (cp < 0x80) {
		rr_buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		rr_buf_addc(b, (char)(0xC0 | (cp >> 6)));
		rr_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
	} else {
		rr_buf_addc(b, (char)(0xE0 | (cp >> 12)));
		rr_buf_addc(b, (char)(0x80 | ((cp >> 6) & 0x3F)));
		rr_buf_addc(b, (char)(0x80 | (cp & 0x3F)));
	}
}

static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
	0x2039, 0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
	0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

/* Checks the bytes and writes clean UTF-8 to out: CR LF and CR become LF,
 * form feeds and vertical tabs become LF, other control bytes refuse the
 * file. Invalid UTF-8 is repaired when it is rare (U+FFFD) or when the
 * file is Windows-1252 throughout. */
static rr_err to_utf8(const unsigned char *s, size_t n, rr_buf *out, rr_diag *d,
		      rr_diag *notes)
{
	size_t bad = 0, multi = 0, ctrl = 0, i;
	bool cp = false;

	if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
		s += 3, n -= 3;
	for (i = 0; i < n; i++) {
		size_t l;
		if (s[i] == 0) {
			rr_diag_add(d, "contains NUL bytes at offset %zu: a binary file, not text", i);
			return RR_EINVAL;
		}
		if (s[i] < 0x20 && s[i] != '\n' && s[i] != '\r' && s[i] != '\t' &&
		    s[i] != '\f' && s[i] != '\v')
			ctrl++;
		l = utf8_len(s, i, n);
		if (!l)
			bad++;
		else if (l > 1)
			multi++, i += l - 1;
	}
	if (ctrl > 8 || ctrl * 100 > n) {
		rr_diag_add(d, "contains %zu control bytes: a binary file, not text", ctrl);
		return RR_EINVAL;
	}
	if (bad && (multi == 0)) {
		for (i = 0; i < n; i++)
			if (s[i] >= 0x80 && s[i] < 0xA0 && !cp1252[s[i] - 0x80]) {
				rr_diag_add(d, "is not UTF-8 and not Windows-1252 (byte 0x%02X "
					       "at offset %zu): cannot be read as text", s[i], i);
				return RR_EINVAL;
			}
		cp = true;
		rr_diag_add(notes, "not UTF-8: read as Windows-1252 (%zu bytes converted)", bad);
	} else if (bad && (bad > 16 || bad * 100 > n)) {
		rr_diag_add(d, "is not valid UTF-8 (%zu invalid bytes): cannot be repaired", bad);
		return RR_EINVAL;
	} else if (bad) {
		rr_diag_add(notes, "%zu invalid UTF-8 bytes replaced by U+FFFD", bad);
	}
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		size_t l;
		if (c == '\r') {
			rr_buf_addc(out, '\n');
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
			continue;
		}
		if (c == '\f' || c == '\v') {
			rr_buf_addc(out, '\n');
			continue;
		}
		if (c < 0x20 && c != '\n' && c != '\t') {
			rr_buf_addc(out, ' ');
			continue;
		}
		if (c == 0x7F) {
			rr_buf_addc(out, ' ');
			continue;
		}
		if (cp) {
			add_cp(out, c < 0x80 ? c : c < 0xA0 ? cp1252[c - 0x80] : c);
			continue;
		}
		l = utf8_len(s, i, n);
		if (!l) {
			add_cp(out, 0xFFFD);
			continue;
		}
		/* no-break and thin spaces read as spaces */
		if ((l == 2 && c == 0xC2 && s[i + 1] == 0xA0) ||
		    (l == 3 && c == 0xE2 && s[i + 1] == 0x80 &&
		     (s[i + 2] == 0xAF || s[i + 2] == 0x89 || s[i + 2] == 0x87)))
			rr_buf_addc(out, ' ');
		else
			rr_buf_add(out, s + i, l);
		i += l - 1;
	}
	return rr_buf_err(out);
}

/* ---- HTML ---- */

static bool is_block(const char *n)
{
	static const char *const blocks[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6",
		"li", "ul", "ol", "tr", "table", "section", "article", "header", "footer",
		"main", "aside", "blockquote", "pre", "dt", "dd", "dl", "hr", "form",
		"figure", "figcaption", "address", "title", "body", "nav", "caption",
		"details", "summary", "fieldset", NULL};
	for (const char *const *b = blocks; *b; b++)
		if (!strcasecmp(n, *b))
			return true;
	return false;
}

static bool is_skipped(const char *n)
{
	return !strcasecmp(n, "script") || !strcasecmp(n, "style") ||
	       !strcasecmp(n, "noscript") || !strcasecmp(n, "template") ||
	       !strcasecmp(n, "svg") || !strcasecmp(n, "iframe") || !strcasecmp(n, "object");
}

static void newline(rr_buf *b, int want)
{
	int have = 0;
	while (b->len && (b->data[b->len - 1] == ' '))
		b->len--;
	if (b->len == 0)
		return;
	for (size_t i = b->len; i > 0 && b->data[i - 1] == '\n' && have < 2; i--)
		have++;
	while (have++ < want)
		rr_buf_addc(b, '\n');
}

static void add_text(rr_buf *b, const char *s, bool pre)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (!pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
			if (b->len && b->data[b->len - 1] != ' ' && b->data[b->len - 1] != '\n')
				rr_buf_addc(b, ' ');
			continue;
		}
		rr_buf_addc(b, (char)c);
	}
}

/* Walks the tree without recursion; blocks become lines, paragraphs and
 * headings blank-line separated, list items "- " lines. */
static void walk(xmlNodePtr root, rr_buf *b)
{
	xmlNodePtr n = root;
	int pre = 0;

	while (n) {
		bool down = false;
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (n->content)
				add_text(b, (const char *)n->content, pre > 0);
		} else if (n->type == XML_ELEMENT_NODE && n->name) {
			const char *nm = (const char *)n->name;
			if (!is_skipped(nm) && strcasecmp(nm, "head") != 0) {
				if (!strcasecmp(nm, "br")) {
					newline(b, 1);
				} else if (is_block(nm)) {
					newline(b, (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6') ||
						   !strcasecmp(nm, "p") ? 2 : 1);
					if (!strcasecmp(nm, "li"))
						rr_buf_addstr(b, "- ");
				} else if (!strcasecmp(nm, "td") || !strcasecmp(nm, "th")) {
					rr_buf_addc(b, '\t');
				}
				if (!strcasecmp(nm, "pre"))
					pre++;
				down = n->children != NULL;
			}
		}
		if (down) {
			n = n->children;
			continue;
		}
		/* leave finished elements, closing their blocks */
		while (n && n != root && !n->next) {
			n = n->parent;
			if (n && n->type == XML_ELEMENT_NODE && n->name) {
				if (!strcasecmp((const char *)n->name, "pre") && pre)
					pre--;
				if (is_block((const char *)n->name))
					newline(b, 1);
			}
		}
		if (!n || n == root)
			break;
		n = n->next;
	}
}

static rr_err html_text(const char *utf8, size_t n, rr_buf *out, rr_diag *d)
{
	htmlDocPtr doc;
	xmlNodePtr root;
	size_t letters = 0;

	if (n > (size_t)INT32_MAX) {
		rr_diag_add(d, "too large");
		return RR_ETOOBIG;
	}
	doc = htmlReadMemory(utf8, (int)n, NULL, "UTF-8",
			     HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
	if (!doc || !(root = xmlDocGetRootElement(doc))) {
		if (doc)
			xmlFreeDoc(doc);
		rr_diag_add(d, "is not parseable as HTML");
		return RR_EINVAL;
	}
	walk(root, out);
	xmlFreeDoc(doc);
	for (size_t i = 0; i < out->len; i++)
		if (letter((unsigned char)out->data[i]))
			letters++;
	if (rr_buf_err(out))
		return rr_buf_err(out);
	if (letters == 0) {
		rr_diag_add(d, "is malformed HTML: no text found in it (an unclosed comment "
			       "or tag swallows the page, or it is empty)");
		return RR_EINVAL;
	}
	return RR_OK;
}

/* ---- Markdown: markup removed, structure kept as lines ---- */

static void markdown_text(const char *s, size_t n, rr_buf *out)
{
	size_t i = 0;
	while (i < n) {
		size_t e = imp_eol(s, i, n), j = i;
		while (j < e && (s[j] == ' '))
			j++;
		if (j < e && s[j] == '#') {
			while (j < e && s[j] == '#')
				j++;
			while (j < e && s[j] == ' ')
				j++;
		} else if (j + 1 < e && (s[j] == '*' || s[j] == '+') && s[j + 1] == ' ') {
			rr_buf_addstr(out, "- ");
			j += 2;
		}
		for (; j < e; j++) {
			char c = s[j];
			if ((c == '*' || c == '_') && j + 1 < e && s[j + 1] == c) {
				j++;
				continue;
			}
			if (c == '\\' && j + 1 < e && ispunct((unsigned char)s[j + 1])) {
				rr_buf_addc(out, s[++j]);
				continue;
			}
			if (c == ']' && j + 1 < e && s[j + 1] == '(') {
				size_t k = j + 2;
				while (k < e && s[k] != ')')
					k++;
				if (k < e) {
					j = k;
					continue;
				}
			}
			if (c == '[' && memchr(s + j, ']', e - j))
				continue;
			rr_buf_addc(out, c);
		}
		if (e < n)
			rr_buf_addc(out, '\n');
		i = e + 1;
	}
}

static bool ends_with(const char *name, const char *ext)
{
	size_t a = strlen(name), b = strlen(ext);
	return a >= b && !strcasecmp(name + a - b, ext);
}

static bool looks_html(const char *s, size_t n)
{
	size_t i = 0, lim = n < 1024 ? n : 1024;
	while (i < lim && isspace((unsigned char)s[i]))
		i++;
	if (i >= lim || s[i] != '<')
		return false;
	for (size_t k = i; k + 5 <= lim; k++)
		if (!strncasecmp(s + k, "<html", 5) || !strncasecmp(s + k, "<!doc", 5) ||
		    !strncasecmp(s + k, "<body", 5) || !strncasecmp(s + k, "<head", 5) ||
		    !strncasecmp(s + k, "<div", 4) || !strncasecmp(s + k, "<p>", 3))
			return true;
	return false;
}

rr_err imp_extract(const char *name, const unsigned char *data, size_t len, rr_buf *out,
		   const char **media_type, rr_diag *d, rr_diag *notes)
{
	rr_buf u;
	rr_err e;
	size_t letters = 0;

	*media_type = "text/plain";
	if (len == 0) {
		rr_diag_add(d, "is empty");
		return RR_EINVAL;
	}
	if (len > IMP_FILE_MAX) {
		rr_diag_add(d, "is %zu bytes; at most %zu are read", len, IMP_FILE_MAX);
		return RR_ETOOBIG;
	}
	rr_buf_init(&u, IMP_FILE_MAX + 1024);
	if ((e = to_utf8(data, len, &u, d, notes)))
		goto out;
	rr_buf_cstr(&u);
	if (ends_with(name, ".html") || ends_with(name, ".htm") || ends_with(name, ".xhtml") ||
	    looks_html(u.data, u.len)) {
		*media_type = "text/html";
		e = html_text(u.data, u.len, out, d);
	} else if (ends_with(name, ".md") || ends_with(name, ".markdown")) {
		*media_type = "text/markdown";
		markdown_text(u.data, u.len, out);
		e = rr_buf_err(out);
	} else {
		rr_buf_add(out, u.data, u.len);
		e = rr_buf_err(out);
	}
	if (e)
		goto out;
	for (size_t i = 0; i < out->len; i++)
		if (letter((unsigned char)out->data[i]))
			letters++;
	if (!letters) {
		rr_diag_add(d, "has no text in it");
		e = RR_EINVAL;
	}
out:
	rr_buf_free(&u);
	if (e == RR_ETOOBIG && !d->n)
		rr_diag_add(d, "is too large");
	return e;
}
