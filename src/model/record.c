/* record.c - schema-driven validation of records (see record.h). */
#include "record.h"

#include <ctype.h>
#include <stdarg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "country.h"

#define PATH_MAX_LEN 256

typedef struct vctx {
	const char *label;
	rr_diag *d;
	int errors;
} vctx;

static void problem(vctx *v, const char *path, const char *fmt, ...) RR_PRINTF(3, 4);

static void problem(vctx *v, const char *path, const char *fmt, ...)
{
	char msg[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	rr_diag_add_at(v->d, path, "%s: %s: %s", v->label, path, msg);
	v->errors++;
}

/* Field paths in messages; a path too long for the buffer is cut short. */
static void pathf(char *out, const char *fmt, ...) RR_PRINTF(2, 3);

static void pathf(char *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(out, PATH_MAX_LEN, fmt, ap);
	va_end(ap);
}

static void join(char *out, const char *base, const char *name)
{
	if (base[0])
		pathf(out, "%s.%s", base, name);
	else
		pathf(out, "%s", name);
}

/* Trimmed copy of s into a new json string, or NULL when empty. */
static json_t *trimmed(const char *s, size_t len)
{
	while (len && isspace((unsigned char)*s))
		s++, len--;
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	return len ? json_stringn(s, len) : NULL;
}

static int valid_id(const char *s, size_t len)
{
	if (len == 0 || len > 100)
		return 0;
	if (!(islower((unsigned char)s[0]) || isdigit((unsigned char)s[0])))
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!(islower(c) || isdigit(c) || c == '-' || c == '_' || c == '.'))
			return 0;
	}
	return 1;
}

static int has_control(const char *s, size_t len, int allow_newlines)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x20 && !(allow_newlines && (c == '\n' || c == '\t' || c == '\r')))
			return 1;
		if (c == 0x7f)
			return 1;
	}
	return 0;
}

static json_t *check_object(vctx *v, const rr_field *fields, const json_t *in,
			    const char *path);

static json_t *check_string(vctx *v, const rr_field *f, const json_t *in, const char *path)
{
	const char *s;
	size_t len, max;
	json_t *out;

	if (!json_is_string(in)) {
		problem(v, path, "must be a string");
		return NULL;
	}
	s = json_string_value(in);
	len = json_string_length(in);
	max = f->max ? f->max : RR_STR_MAX;
	if (len > max) {
		problem(v, path, "is %zu bytes long; at most %zu are allowed", len, max);
		return NULL;
	}
	if (has_control(s, len, f->type == RR_F_TEXT)) {
		problem(v, path, "contains control characters");
		return NULL;
	}
	out = trimmed(s, len);
	if (!out)
		return NULL; /* empty: treated as absent by the caller */
	s = json_string_value(out);
	len = json_string_length(out);
	switch (f->type) {
	case RR_F_ID:
	case RR_F_REF:
		if (!valid_id(s, len)) {
			problem(v, path, "'%s' is not a valid id (lower-case letters, digits, "
				"'-', '_' and '.', starting with a letter or digit, at most 100)", s);
			goto bad;
		}
		break;
	case RR_F_DATE: {
		rr_date dt;
		const char *why = NULL;
		if (rr_date_parse_iso(s, &dt, &why)) {
			problem(v, path, "'%s' is not a date: %s", s, why);
			goto bad;
		}
		break;
	}
	case RR_F_ENUM:
		if (!rr_enum_has(f->values, s)) {
			char list[400] = "";
			for (const char *const *e = f->values; *e; e++) {
				if (e != f->values)
					strncat(list, ", ", sizeof list - strlen(list) - 1);
				strncat(list, *e, sizeof list - strlen(list) - 1);
			}
			problem(v, path, "'%s' is not one of: %s", s, list);
			goto bad;
		}
		break;
	case RR_F_COUNTRY:
		if (!rr_country_valid(s)) {
			problem(v, path, "'%s' is not an ISO 3166-1 alpha-2 country code "
				"(two capitals, e.g. NL, CN, JP)", s);
			goto bad;
		}
		break;
	case RR_F_URL:
		if ((strncmp(s, "https://", 8) != 0 && strncmp(s, "http://", 7) != 0) ||
		    strpbrk(s, " \"<>\\^`{|}")) {
			problem(v, path, "'%s' is not an http(s) URL", s);
			goto bad;
		}
		break;
	default:
		break;
	}
	return out;
bad:
	json_decref(out);
	return NULL;
}

static json_t *check_number(vctx *v, const rr_field *f, const json_t *in, const char *path)
{
	double x;

	if (f->type == RR_F_COUNT) {
		if (!json_is_integer(in)) {
			problem(v, path, "must be a whole number");
			return NULL;
		}
		if (json_integer_value(in) < 0 || json_integer_value(in) > 1000000000) {
			problem(v, path, "must be between 0 and 1000000000");
			return NULL;
		}
		return json_integer(json_integer_value(in));
	}
	if (!json_is_number(in)) {
		problem(v, path, "must be a number");
		return NULL;
	}
	x = json_number_value(in);
	if (f->type == RR_F_DEGREES) {
		if (!isfinite(x) || x < -(double)f->max || x > (double)f->max) {
			problem(v, path, "must be between -%zu and %zu degrees", f->max, f->max);
			return NULL;
		}
		return json_real(round(x * 1e5) / 1e5);
	}
	if (!isfinite(x) || x < 0) {
		problem(v, path, "must not be negative");
		return NULL;
	}
	if (x > 1e12) {
		problem(v, path, "is too large");
		return NULL;
	}
	if (f->type == RR_F_AMOUNT) {
		/* exactly two decimals: the nearest double to n/100 is what
		 * reading "n/100" gives (both correctly rounded), so any other
		 * value had a third decimal (99999999.991), whatever its size */
		double cents = round(x * 100.0);
		if (cents / 100.0 != x) {
			problem(v, path, "%.17g has more than two decimals (amounts are in euros "
				"and cents)", x);
			return NULL;
		}
		return json_real(cents / 100.0);
	}
	return json_real(x);
}

static json_t *check_value(vctx *v, const rr_field *f, rr_ftype type, const json_t *in,
			   const char *path);

static json_t *check_array(vctx *v, const rr_field *f, const json_t *in, const char *path)
{
	json_t *out, *el;
	size_t i;
	char p[PATH_MAX_LEN];

	if (!json_is_array(in)) {
		problem(v, path, "must be an array");
		return NULL;
	}
	if (json_array_size(in) > 10000) {
		problem(v, path, "has more than 10000 elements");
		return NULL;
	}
	out = json_array();
	json_array_foreach(in, i, el) {
		json_t *n;
		pathf(p, "%s[%zu]", path, i);
		if (json_is_null(el)) {
			problem(v, p, "must not be null");
			continue;
		}
		int before = v->errors;
		n = check_value(v, f, f->elem, el, p);
		if (n)
			json_array_append_new(out, n);
		else if (v->errors == before)
			problem(v, p, "must not be empty or blank");
	}
	return out;
}

static json_t *check_value(vctx *v, const rr_field *f, rr_ftype type, const json_t *in,
			   const char *path)
{
	rr_field tmp;

	if (type != f->type) { /* array element: same field, element type */
		tmp = *f;
		tmp.type = type;
		f = &tmp;
	}
	switch (type) {
	case RR_F_BOOL:
		if (!json_is_boolean(in)) {
			problem(v, path, "must be true or false");
			return NULL;
		}
		return json_boolean(json_is_true(in));
	case RR_F_COUNT:
	case RR_F_AMOUNT:
	case RR_F_NUMBER:
	case RR_F_DEGREES:
		return check_number(v, f, in, path);
	case RR_F_OBJ:
		return check_object(v, f->sub, in, path);
	case RR_F_ARR:
		return check_array(v, f, in, path);
	default:
		return check_string(v, f, in, path);
	}
}

static json_t *check_object(vctx *v, const rr_field *fields, const json_t *in,
			    const char *path)
{
	json_t *out, *val, *failed;
	const char *key;
	char p[PATH_MAX_LEN];

	if (!json_is_object(in)) {
		problem(v, path[0] ? path : "record", "must be an object");
		return NULL;
	}
	out = json_object();
	failed = json_object();
	json_object_foreach((json_t *)in, key, val) {
		const rr_field *f = rr_field_find(fields, key);
		int before = v->errors;
		join(p, path, key);
		if (!f) {
			problem(v, p, "unknown field");
			continue;
		}
		if (json_is_null(val))
			continue;
		json_t *n = check_value(v, f, f->type, val, p);
		if (n)
			json_object_set_new(out, key, n);
		else if (v->errors > before)
			json_object_set_new(failed, key, json_true());
	}
	/* a required field missing, unless its value was already reported */
	for (const rr_field *f = fields; f->name; f++) {
		if ((f->flags & RR_REQUIRED) && !json_object_get(out, f->name) &&
		    !json_object_get(failed, f->name)) {
			json_t *orig = json_object_get(in, f->name);
			join(p, path, f->name);
			if (!orig || json_is_null(orig))
				problem(v, p, "is required");
			else
				problem(v, p, "must not be empty or blank");
		}
	}
	json_decref(failed);
	return out;
}

/* ---- rules of a kind beyond single fields ---- */

static void check_range(vctx *v, const json_t *rec, const char *from, const char *to)
{
	rr_date a = rr_rec_date(rec, from), b = rr_rec_date(rec, to);
	char as[RR_DATE_ISO_MAX], bs[RR_DATE_ISO_MAX];

	if (a.prec && b.prec && rr_date_last(&b) < rr_date_first(&a)) {
		rr_date_iso(&a, as);
		rr_date_iso(&b, bs);
		problem(v, to, "%s is before %s %s", bs, from, as);
	}
}

static void trip_rules(vctx *v, json_t *rec)
{
	const char *status = rr_rec_str(rec, "status");
	json_t *decision = json_object_get(rec, "decision");
	json_t *report = json_object_get(rec, "report");
	rr_date start, sub;

	/* start/end are the actual dates if the trip took place, else planned */
	if (!json_object_get(rec, "start") && json_object_get(rec, "planned_start"))
		json_object_set(rec, "start", json_object_get(rec, "planned_start"));
	if (!json_object_get(rec, "end") && json_object_get(rec, "planned_end"))
		json_object_set(rec, "end", json_object_get(rec, "planned_end"));
	check_range(v, rec, "start", "end");
	check_range(v, rec, "planned_start", "planned_end");
	start = rr_rec_date(rec, "start");
	if (!status)
		return;
	/* a trip known from a document may lack the date the document does
	 * not state; one recorded by hand has its dates */
	if ((!strcmp(status, "completed") || !strcmp(status, "reported")) && !start.prec &&
	    !json_array_size(json_object_get(rec, "sources")))
		problem(v, "start", "is required once a trip has taken place (status %s)", status);
	if (!strcmp(status, "cancelled") && !json_object_get(rec, "cancellation"))
		problem(v, "cancellation", "a cancelled trip needs a cancellation with its reason");
	if (!strcmp(status, "reported") &&
	    !(report && (json_object_get(report, "text") || json_object_get(report, "submitted"))))
		problem(v, "report", "a trip with status reported needs a report text or its "
			"submission date");
	if (!strcmp(status, "draft") && rr_rec_bool(rec, "public"))
		problem(v, "public", "a draft cannot be published; a trip can be public from "
			"'requested' on");
	if (decision) {
		const char *o = rr_rec_str(decision, "outcome");
		int went_ahead = !strcmp(status, "approved") || !strcmp(status, "completed") ||
				 !strcmp(status, "reported");
		int ahead = o && (!strcmp(o, "approved") || !strcmp(o, "approved_with_conditions"));
		if (o && !strcmp(status, "rejected") && strcmp(o, "rejected"))
			problem(v, "decision.outcome", "is %s but the trip's status is rejected", o);
		else if (o && went_ahead && !ahead)
			problem(v, "decision.outcome", "is %s but the trip's status is %s", o, status);
		else if (o && !strcmp(o, "deferred") && strcmp(status, "requested") &&
			 strcmp(status, "coordinated") && strcmp(status, "cancelled"))
			problem(v, "decision.outcome", "is deferred but the trip's status is %s", status);
	}
	sub = report ? rr_rec_date(report, "submitted") : (rr_date){0, 0, 0, RR_PREC_NONE};
	if (sub.prec && start.prec && rr_date_last(&sub) < rr_date_first(&start))
		problem(v, "report.submitted", "is before the trip's start");
}

static void partnership_rules(vctx *v, json_t *rec)
{
	check_range(v, rec, "since", "until");
}

/* A gift's giver, recipient and date may each be unknown (a register or a
 * report often leaves one out), but not all of them with no trip either: a
 * description alone says nothing that could be checked. */
static void gift_rules(vctx *v, json_t *rec)
{
	if (!json_object_get(rec, "giver") && !json_object_get(rec, "recipient") &&
	    !json_object_get(rec, "date") && !json_object_get(rec, "trip"))
		problem(v, "giver", "a gift needs at least one of giver, recipient, date or trip");
}

static void apply_rules(vctx *v, rr_kind k, json_t *rec)
{
	if (k == RR_K_TRIP)
		trip_rules(v, rec);
	else if (k == RR_K_PARTNERSHIP)
		partnership_rules(v, rec);
	else if (k == RR_K_GIFT)
		gift_rules(v, rec);
}

rr_err rr_record_normalise(rr_kind k, const json_t *rec, const char *label,
			   json_t **out, rr_diag *d)
{
	const rr_kind_info *ki = rr_kind_get(k);
	vctx v = {label ? label : "record", d, 0};
	json_t *n;

	*out = NULL;
	if (!ki)
		return RR_EINVAL;
	n = check_object(&v, ki->fields, rec, "");
	if (n) /* on what is valid, so that one run reports every problem */
		apply_rules(&v, k, n);
	if (v.errors) {
		json_decref(n);
		return RR_EINVAL;
	}
	*out = n;
	return RR_OK;
}

/* ---- references ---- */

static void walk_refs(const rr_field *fields, const json_t *obj, const char *path,
		      rr_ref_fn fn, void *ctx)
{
	char p[PATH_MAX_LEN], q[PATH_MAX_LEN];

	for (const rr_field *f = fields; f->name; f++) {
		json_t *val = json_object_get(obj, f->name);
		size_t i;
		json_t *el;
		if (!val)
			continue;
		join(p, path, f->name);
		if (f->type == RR_F_REF)
			fn(ctx, f->ref, json_string_value(val), p);
		else if (f->type == RR_F_OBJ)
			walk_refs(f->sub, val, p, fn, ctx);
		else if (f->type == RR_F_ARR && (f->elem == RR_F_REF || f->elem == RR_F_OBJ)) {
			json_array_foreach(val, i, el) {
				pathf(q, "%s[%zu]", p, i);
				if (f->elem == RR_F_REF)
					fn(ctx, f->ref, json_string_value(el), q);
				else
					walk_refs(f->sub, el, q, fn, ctx);
			}
		}
	}
}

void rr_record_refs(rr_kind k, const json_t *rec, rr_ref_fn fn, void *ctx)
{
	const rr_kind_info *ki = rr_kind_get(k);
	if (ki && rec)
		walk_refs(ki->fields, rec, "", fn, ctx);
}

/* ---- accessors ---- */

const char *rr_rec_str(const json_t *rec, const char *key)
{
	return json_string_value(json_object_get(rec, key));
}

long long rr_rec_count(const json_t *rec, const char *key, long long dflt)
{
	json_t *v = json_object_get(rec, key);
	return json_is_integer(v) ? json_integer_value(v) : dflt;
}

int rr_rec_bool(const json_t *rec, const char *key)
{
	return json_is_true(json_object_get(rec, key));
}

rr_date rr_rec_date(const json_t *rec, const char *key)
{
	rr_date dt = {0, 0, 0, RR_PREC_NONE};
	const char *s = rr_rec_str(rec, key);
	if (s && rr_date_parse_iso(s, &dt, NULL))
		memset(&dt, 0, sizeof dt);
	return dt;
}

long long rr_amount_cents(const json_t *v)
{
	double x = json_is_number(v) ? json_number_value(v) * 100.0 : 0.0;

	/* validated amounts are far inside; anything else is not converted
	 * past what a long long holds */
	if (!(x > -9.2e18 && x < 9.2e18))
		return x > 0 ? RR_CENTS_OVERFLOW : 0;
	return llround(x);
}

bool rr_cents_add(long long *sum, long long v)
{
	if (*sum == RR_CENTS_OVERFLOW || v == RR_CENTS_OVERFLOW || v > LLONG_MAX - *sum) {
		*sum = RR_CENTS_OVERFLOW;
		return false;
	}
	*sum += v;
	return true;
}

long long rr_trip_cost(const json_t *trip, const char *kind)
{
	const json_t *c;
	long long sum = -1;
	size_t i;

	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const char *k = rr_rec_str(c, "kind");
		const json_t *amount = json_object_get(c, "amount_eur");
		long long v = rr_amount_cents(amount);
		if (k && !strcmp(k, kind) && amount && v >= 0) {
			if (sum < 0)
				sum = 0;
			rr_cents_add(&sum, v);
		}
	}
	return sum;
}

int rr_trip_paid_by_other(const json_t *trip)
{
	const json_t *c;
	const char *org = rr_rec_str(trip, "organisation");
	size_t i;

	json_array_foreach(json_object_get(trip, "costs"), i, c) {
		const char *p = rr_rec_str(c, "paid_by");
		if (p && (!org || strcmp(p, org)))
			return 1;
	}
	return 0;
}

/* ---- lifecycle ---- */

int rr_status_transition_ok(const char *from, const char *to)
{
	static const struct { const char *from, *to; } allowed[] = {
		{"draft", "requested"}, {"draft", "cancelled"},
		{"requested", "coordinated"}, {"requested", "approved"},
		{"requested", "rejected"}, {"requested", "cancelled"},
		{"requested", "draft"},
		{"coordinated", "approved"}, {"coordinated", "rejected"},
		{"coordinated", "cancelled"},
		{"approved", "completed"}, {"approved", "cancelled"},
		{"approved", "reported"},
		{"completed", "reported"},
		{"rejected", "requested"},
	};
	if (!strcmp(from, to))
		return 1;
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (!strcmp(allowed[i].from, from) && !strcmp(allowed[i].to, to))
			return 1;
	return 0;
}
