/*
 * One record against its field rules: states, proposals, findings.
 *
 * Each field costs one standardizer call at most (two when the value holds
 * suspicious whitespace and changed, to tell a whitespace fix from a type
 * fix); the cheap tests (empty, junk, mojibake cue) come first, because this
 * runs for every field of every record. Validity is judged on the current
 * value: a value the standardizer can rewrite (CHANGED or SUGGEST) is valid,
 * one it rejects (INVALID) is not; a pattern must match the current value
 * as it stands and allowed values are compared without regard to ASCII case.
 */
#include "check.h"
#include "check_memo.h"
#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* ==== Dates ==== */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's method). */
static long
days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

bool
stw_check_iso_days(const char *s, long *days)
{
	if (!s)
		return false;
	for (int i = 0; i < 10; i++) {
		if (i == 4 || i == 7) {
			if (s[i] != '-')
				return false;
		} else if (s[i] < '0' || s[i] > '9') {
			return false;
		}
	}
	long y = strtol(s, NULL, 10), m = (s[5] - '0') * 10 + (s[6] - '0'),
	     d = (s[8] - '0') * 10 + (s[9] - '0');
	if (m < 1 || m > 12 || d < 1 || d > 31)
		return false;
	*days = days_from_civil(y, m, d);
	return true;
}

void
stw_check_ctx_init(stw_check_ctx *ctx, const stw_field_rules *fr, const char *default_country,
                   int date_order_mdy)
{
	memset(ctx, 0, sizeof *ctx);
	ctx->fr = fr;
	snprintf(ctx->default_country, sizeof ctx->default_country, "%s",
	         default_country && *default_country ? default_country : "US");
	ctx->date_order = date_order_mdy ? STW_DATE_MDY : STW_DATE_DMY;
	/* Most values start with a byte no junk value starts with (see is_junk). */
	for (size_t i = 0; fr && i < fr->njunk; i++) {
		unsigned char c = (unsigned char)fr->junk[i][0];
		ctx->junk_first[c >> 5] |= 1u << (c & 31);
	}
	ctx->junk_filter = fr != NULL;
	const char *env = getenv("STEWARD_TODAY");
	long days;
	if (env && strlen(env) == 10 && stw_check_iso_days(env, &days)) {
		memcpy(ctx->today, env, 11);
		ctx->today_days = days;
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	char day[32];
	snprintf(day, sizeof day, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
	snprintf(ctx->today, sizeof ctx->today, "%.10s", day);
	ctx->today_days = days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ==== Output ==== */

/*
 * The text arena: the after and message strings of one record are carved
 * from a chunk that the next record reuses, so that once the chunk is large
 * enough a record costs no allocation. A record that overflows it chains a
 * larger chunk; the next reset replaces the chain by one chunk of their
 * total size.
 */
struct stw_check_chunk {
	stw_check_chunk *next; /* an older, full chunk, or NULL */
	size_t           used;
	size_t           size;
	char             data[];
};

#define CHUNK_MIN 1024

static void
text_free(stw_check_out *out)
{
	for (stw_check_chunk *c = out->text, *next; c; c = next) {
		next = c->next;
		free(c);
	}
	out->text = NULL;
}

static void
text_reset(stw_check_out *out)
{
	stw_check_chunk *c = out->text;
	if (c && c->next) {
		size_t total = 0;
		for (stw_check_chunk *k = c; k; k = k->next)
			total += k->size;
		text_free(out);
		c = stw_xmalloc(sizeof *c + total);
		c->next = NULL;
		c->size = total;
		out->text = c;
	}
	if (c)
		c->used = 0;
}

/* n bytes of the arena, valid until the next reset. */
static char *
text_alloc(stw_check_out *out, size_t n)
{
	stw_check_chunk *c = out->text;
	if (!c || c->size - c->used < n) {
		size_t size = c ? c->size * 2 : CHUNK_MIN;
		if (size < n)
			size = n;
		stw_check_chunk *nc = stw_xmalloc(sizeof *nc + size);
		nc->next = c;
		nc->used = 0;
		nc->size = size;
		out->text = c = nc;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

/*
 * The concatenation of the strings given (the list ends with NULL), in the
 * arena. Messages are built this way rather than with printf because this
 * runs for every finding and proposal of every record.
 */
static char * __attribute__((sentinel))
text_cat(stw_check_out *out, ...)
{
	va_list ap;
	size_t n = 0;
	va_start(ap, out);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;)
		n += strlen(s);
	va_end(ap);
	char *p = text_alloc(out, n + 1), *q = p;
	va_start(ap, out);
	for (const char *s; (s = va_arg(ap, const char *)) != NULL;) {
		size_t k = strlen(s);
		memcpy(q, s, k);
		q += k;
	}
	va_end(ap);
	*q = '\0';
	return p;
}

static void
out_reset(stw_check_out *out, size_t nfields)
{
	out->nprops = out->nfinds = 0;
	text_reset(out);
	if (out->nstate < nfields) {
		out->state = stw_xrealloc(out->state, nfields * sizeof *out->state);
		out->nstate = nfields;
	}
	out->stale = out->placeholder = false;
}

void
stw_check_out_free(stw_check_out *out)
{
	if (!out)
		return;
	text_free(out);
	free(out->props);
	free(out->finds);
	free(out->state);
	memset(out, 0, sizeof *out);
}

static void
add_prop(stw_check_out *out, int field, const char *rule, bool safe, const char *after,
         const char *why)
{
	if (out->nprops == out->cprops) {
		out->cprops = out->cprops ? out->cprops * 2 : 8;
		out->props = stw_xrealloc(out->props, out->cprops * sizeof *out->props);
	}
	stw_check_prop *p = &out->props[out->nprops++];
	p->field = field;
	p->rule = rule;
	p->safe = safe;
	p->after = after && *after ? text_cat(out, after, (char *)NULL) : NULL;
	/* snprintf's truncation, without formatting: this runs per proposal */
	size_t n = why ? strlen(why) : 0;
	if (n >= sizeof p->why)
		n = sizeof p->why - 1;
	if (n)
		memcpy(p->why, why, n);
	p->why[n] = '\0';
}

/* Adds a finding whose message is already in the arena. */
static void
add_find(stw_check_out *out, int field, const char *rule, const char *severity, char *message)
{
	if (out->nfinds == out->cfinds) {
		out->cfinds = out->cfinds ? out->cfinds * 2 : 8;
		out->finds = stw_xrealloc(out->finds, out->cfinds * sizeof *out->finds);
	}
	stw_check_find *f = &out->finds[out->nfinds++];
	f->field = field;
	f->rule = rule;
	f->severity = severity;
	f->message = message;
}

/* A value cut to at most 60 bytes on a character boundary, for messages. */
static void
clip(const char *v, char out[72])
{
	size_t n = strlen(v);
	if (n <= 60) {
		memcpy(out, v, n + 1);
		return;
	}
	n = 60;
	while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	memcpy(out, v, n);
	memcpy(out + n, "...", 4);
}

/* The decimal form of v into out, as printf's %ld writes it. */
static void
long_text(long v, char out[24])
{
	char tmp[24];
	size_t n = 0;
	unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	size_t k = 0;
	if (v < 0)
		out[k++] = '-';
	while (n)
		out[k++] = tmp[--n];
	out[k] = '\0';
}

/* ==== Small tests ==== */

/* Trimmed, ASCII-lower-cased copy into buf; false when longer than the buffer. */
static bool
lower_key(const char *v, char *buf, size_t size)
{
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	if (n >= size)
		return false;
	for (size_t i = 0; i < n; i++)
		buf[i] = v[i] >= 'A' && v[i] <= 'Z' ? (char)(v[i] - 'A' + 'a') : v[i];
	buf[n] = '\0';
	return true;
}

static bool
in_list(char *const *list, size_t n, const char *key)
{
	/* The first byte settles nearly every comparison without a call. */
	for (size_t i = 0; i < n; i++)
		if (list[i][0] == key[0] && strcmp(list[i], key) == 0)
			return true;
	return false;
}

/*
 * True when v, trimmed and lower-cased, is one of the junk values. A value
 * whose key starts with a byte that no junk value starts with is none,
 * and that is most values, so they are not copied.
 */
static bool
is_junk(const stw_check_ctx *ctx, const char *v)
{
	const stw_field_rules *fr = ctx->fr;
	if (!fr->njunk)
		return false;
	if (ctx->junk_filter) {
		const char *s = v;
		while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
			s++;
		unsigned char c = (unsigned char)*s;
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if (!(ctx->junk_first[c >> 5] & (1u << (c & 31))))
			return false;
	}
	char key[64];
	return lower_key(v, key, sizeof key) && in_list(fr->junk, fr->njunk, key);
}

/* True when v might hold whitespace that stw_std_whitespace would change. */
static bool
ws_suspect(const char *v)
{
	size_t n = strlen(v);
	if (n == 0)
		return false;
	if (v[0] == ' ' || v[n - 1] == ' ')
		return true;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p >= 0x80 || (p[0] == ' ' && p[1] == ' '))
			return true;
	return false;
}

/* The byte sequences with which UTF-8 read as Windows-1252 usually starts. */
static bool
mojibake_cue(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if (p[0] == 0xC3 && (p[1] == 0x83 || p[1] == 0x82 || p[1] == 0xA2))
			return true;
	return false;
}

/* Case-insensitive match of an address against "user@dom", "local@" or "@dom". */
static bool
email_pattern(const char *pat, const char *email)
{
	const char *at = strrchr(email, '@');
	if (!at)
		return false;
	if (pat[0] == '@')
		return strcasecmp(pat + 1, at + 1) == 0;
	size_t pl = strlen(pat);
	if (pat[pl - 1] == '@')
		return (size_t)(at - email) == pl - 1 && strncasecmp(pat, email, pl - 1) == 0;
	return strcasecmp(pat, email) == 0;
}

static bool
email_listed(char *const *list, size_t n, const char *email)
{
	for (size_t i = 0; i < n; i++)
		if (email_pattern(list[i], email))
			return true;
	return false;
}

/* A loose web address check: optional http(s)://, a host with a dot, no blanks. */
static bool
url_ok(const char *v, const char **why)
{
	const char *p = v;
	if (strncasecmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncasecmp(p, "http://", 7) == 0)
		p += 7;
	size_t host = strcspn(p, "/?#");
	bool dot = false;
	for (size_t i = 0; i < host; i++) {
		unsigned char c = (unsigned char)p[i];
		if (c == '.')
			dot = true;
		else if (!(c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		           (c >= '0' && c <= '9') || c == '-' || c == ':')) {
			*why = "the host name holds a character that is not allowed";
			return false;
		}
	}
	if (!dot || host < 3 || p[0] == '.' || p[host - 1] == '.') {
		*why = "no domain with a dot";
		return false;
	}
	for (const char *q = p + host; *q; q++)
		if ((unsigned char)*q <= ' ') {
			*why = "a blank inside the address";
			return false;
		}
	return true;
}

/* ==== Per field ==== */

static const char *
invalid_rule(stw_ftype t)
{
	switch (t) {
	case STW_FT_EMAIL: return "invalid_email";
	case STW_FT_PHONE: return "invalid_phone";
	case STW_FT_DATE:
	case STW_FT_DATETIME: return "invalid_date";
	case STW_FT_COUNTRY: return "invalid_country";
	case STW_FT_STATE: return "invalid_state";
	case STW_FT_POSTCODE: return "invalid_postcode";
	case STW_FT_URL: return "invalid_url";
	default: return "invalid_value";
	}
}

static const char *
invalid_severity(stw_ftype t)
{
	switch (t) {
	case STW_FT_STATE:
	case STW_FT_POSTCODE:
	case STW_FT_URL: return "warning";
	default: return "error";
	}
}

static const char *
change_rule(stw_ftype t, stw_std_status st)
{
	switch (t) {
	case STW_FT_GIVEN_NAME:
	case STW_FT_FAMILY_NAME:
	case STW_FT_FULL_NAME: return "name_case";
	case STW_FT_EMAIL: return st == STW_STD_SUGGEST ? "email_typo" : "email_case";
	case STW_FT_PHONE: return "phone_e164";
	case STW_FT_DATE:
	case STW_FT_DATETIME: return "date_iso";
	case STW_FT_COUNTRY: return "country_code";
	case STW_FT_STATE: return "state_code";
	case STW_FT_POSTCODE: return "postcode";
	case STW_FT_COMPANY_NAME: return "company_tidy";
	case STW_FT_PLACE: return "place_case";
	default: return "whitespace";
	}
}

static int
field_index(const stw_field_rules *fr, const char *name)
{
	for (size_t i = 0; i < fr->nfields; i++)
		if (strcmp(fr->fields[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Runs the type's standardizer on v into res (freshly initialised by the caller). */
static void
standardize(const stw_check_ctx *ctx, const stw_field_rule *f, const char *v,
            const char *country, stw_std_result *res)
{
	switch (f->type) {
	case STW_FT_GIVEN_NAME:
	case STW_FT_FAMILY_NAME:
	case STW_FT_FULL_NAME: stw_std_name_case(v, res); break;
	case STW_FT_EMAIL: stw_std_email(v, res); break;
	case STW_FT_PHONE: stw_std_phone(v, ctx->default_country, res); break;
	case STW_FT_DATE: stw_std_date(v, ctx->date_order, res); break;
	case STW_FT_DATETIME: stw_std_datetime(v, ctx->date_order, res); break;
	case STW_FT_COUNTRY: stw_std_country(v, res); break;
	case STW_FT_STATE: stw_std_state(v, country, res); break;
	case STW_FT_POSTCODE:
		stw_std_postcode(v, country && *country ? country : ctx->default_country, res);
		break;
	case STW_FT_COMPANY_NAME: stw_std_company(v, res); break;
	case STW_FT_PLACE: stw_std_place_case(v, res); break;
	default: stw_std_whitespace(v, res); break;
	}
}

static bool
text_like(stw_ftype t)
{
	return t == STW_FT_GIVEN_NAME || t == STW_FT_FAMILY_NAME || t == STW_FT_FULL_NAME ||
	       t == STW_FT_COMPANY_NAME || t == STW_FT_PLACE || t == STW_FT_TEXT ||
	       t == STW_FT_STATE;
}

typedef struct {
	const stw_check_ctx *ctx;
	stw_check_memo      *memo;    /* or NULL */
	unsigned             what;
	stw_check_out       *out;
	const char          *country; /* the record's country value, or NULL */
	int                  stale_idx;
} rec_state;

/*
 * The type's standardizer result for field i's value v: from the memo when
 * it knows it, else computed into *own (fresh; the caller frees it) and
 * stored in the memo. The result is borrowed until the next call.
 */
static const stw_std_result *
standardize_memo(rec_state *rs, int i, const char *v, stw_std_result *own)
{
	const stw_field_rule *f = &rs->ctx->fr->fields[i];
	if (!rs->memo) {
		standardize(rs->ctx, f, v, rs->country, own);
		return own;
	}
	/* Only states and postcodes depend on the record's country. */
	const char *country = f->type == STW_FT_STATE || f->type == STW_FT_POSTCODE ? rs->country
	                                                                           : NULL;
	uint64_t h;
	const stw_std_result *r = stw_check_memo_get(rs->memo, i, (int)f->type, country, v, &h);
	if (r)
		return r;
	standardize(rs->ctx, f, v, rs->country, own);
	if (!h)
		return own;
	return stw_check_memo_put(rs->memo, h, (int)f->type, country, v, own);
}

static void
check_email(rec_state *rs, int i, const char *email)
{
	const stw_field_rules *fr = rs->ctx->fr;
	if (stw_std_email_is_placeholder(email) ||
	    email_listed(fr->placeholder_emails, fr->nplaceholder_emails, email)) {
		if (!rs->out->placeholder && (rs->what & STW_CHECK_FIND)) {
			char c[72];
			clip(email, c);
			add_find(rs->out, -1, "placeholder", "warning",
			         text_cat(rs->out, "placeholder or test record (", fr->fields[i].name,
			                  " '", c, "'): proposed for purge", (char *)NULL));
		}
		rs->out->placeholder = true;
		return;
	}
	if ((rs->what & STW_CHECK_FIND) &&
	    (stw_std_email_is_role(email) ||
	     email_listed(fr->role_emails, fr->nrole_emails, email))) {
		char c[72];
		clip(email, c);
		add_find(rs->out, i, "role_email", "warning",
		         text_cat(rs->out, "'", c, "' is a role account, not a person's address",
		                  (char *)NULL));
	}
}

static void
check_stale(rec_state *rs, int i, const char *iso)
{
	const stw_check_ctx *ctx = rs->ctx;
	long days;
	if (!stw_check_iso_days(iso, &days) || ctx->today_days - days <= ctx->fr->stale_days)
		return;
	rs->out->stale = true;
	if (rs->what & STW_CHECK_FIND) {
		char since[11], limit[24];
		memcpy(since, iso, 10); /* stw_check_iso_days checked these ten */
		since[10] = '\0';
		long_text(ctx->fr->stale_days, limit);
		add_find(rs->out, i, "stale", "warning",
		         text_cat(rs->out, "no activity since ", since, ", more than ", limit,
		                  " days before ", ctx->today, ": proposed for purge", (char *)NULL));
	}
}

static void
check_field(rec_state *rs, int i, const char *v)
{
	const stw_check_ctx *ctx = rs->ctx;
	const stw_field_rule *f = &ctx->fr->fields[i];
	stw_check_out *out = rs->out;
	bool find = rs->what & STW_CHECK_FIND, propose = (rs->what & STW_CHECK_PROPOSE) &&
	                                                  f->standardize;
	char c[72];
	if (!v || !*v) {
		out->state[i] = STW_FS_EMPTY;
		if (find && f->required)
			add_find(out, i, "missing_required", "error",
			         text_cat(out, "required field is empty", (char *)NULL));
		return;
	}
	if (f->junk && is_junk(ctx, v)) {
		out->state[i] = STW_FS_JUNK;
		clip(v, c);
		if (propose)
			add_prop(out, i, "junk_value", true, NULL, "a junk value means no value");
		if (find)
			add_find(out, i, f->required ? "missing_required" : "junk_value",
			         f->required ? "error" : "warning",
			         f->required ? text_cat(out, "required field holds the junk value '", c,
			                                "'", (char *)NULL)
			                     : text_cat(out, "junk value '", c, "' counts as missing",
			                                (char *)NULL));
		return;
	}
	out->state[i] = STW_FS_VALID;
	const char *norm = v; /* the value in standard form, when it has one */
	/* A fresh result, set member by member: zeroing why costs on every field. */
	stw_std_result own;
	own.status = STW_STD_SAME;
	own.value = own.extra = NULL;
	own.why[0] = '\0';
	const stw_std_result *res = &own;
	if (f->type != STW_FT_ID) {
		if (text_like(f->type) && mojibake_cue(v)) {
			stw_std_mojibake(v, &own);
			if (own.status == STW_STD_SUGGEST) {
				if (propose)
					add_prop(out, i, "mojibake", false, own.value, own.why);
				goto rules;
			}
			stw_std_result_free(&own);
		}
		res = standardize_memo(rs, i, v, &own);
		switch (res->status) {
		case STW_STD_EMPTY:
			out->state[i] = STW_FS_EMPTY;
			if (propose)
				add_prop(out, i, "whitespace", true, NULL, "only blanks");
			if (find && f->required)
				add_find(out, i, "missing_required", "error",
				         text_cat(out, "required field holds only blanks", (char *)NULL));
			stw_std_result_free(&own);
			return;
		case STW_STD_INVALID:
			out->state[i] = STW_FS_INVALID;
			if (find) {
				clip(v, c);
				add_find(out, i, invalid_rule(f->type), invalid_severity(f->type),
				         text_cat(out, "'", c, "': ", res->why[0] ? res->why : "not valid",
				                  (char *)NULL));
			}
			break;
		case STW_STD_CHANGED:
		case STW_STD_SUGGEST: {
			const char *after = res->value;
			if (f->type == STW_FT_PHONE && res->extra && *res->extra)
				after = text_cat(out, res->value, ";ext=", res->extra, (char *)NULL);
			if (strcmp(after, v) != 0) {
				const char *rule = change_rule(f->type, res->status);
				if (res->status == STW_STD_CHANGED && propose && ws_suspect(v) &&
				    strcmp(rule, "whitespace") != 0) {
					stw_std_result w = {0};
					stw_std_whitespace(v, &w);
					if (w.status == STW_STD_CHANGED && strcmp(w.value, after) == 0)
						rule = "whitespace";
					stw_std_result_free(&w);
				}
				if (propose)
					add_prop(out, i, rule, res->status == STW_STD_CHANGED, after,
					         res->why[0] ? res->why : rule);
			}
			if (res->status == STW_STD_CHANGED)
				norm = res->value;
			break;
		}
		default:
			break;
		}
	}
	if (out->state[i] == STW_FS_VALID) {
		if (f->type == STW_FT_URL) {
			const char *why;
			if (!url_ok(norm, &why)) {
				out->state[i] = STW_FS_INVALID;
				if (find) {
					clip(v, c);
					add_find(out, i, "invalid_url", "warning",
					         text_cat(out, "'", c, "': ", why, (char *)NULL));
				}
			}
		}
		if (f->type == STW_FT_EMAIL)
			check_email(rs, i, norm);
		if (i == rs->stale_idx)
			check_stale(rs, i, norm);
	}
rules:
	if (f->has_pattern && regexec(&f->pattern, v, 0, NULL, 0) != 0) {
		out->state[i] = STW_FS_INVALID;
		if (find) {
			clip(v, c);
			add_find(out, i, "pattern_mismatch", "error",
			         text_cat(out, "'", c, "' does not match the pattern ", f->pattern_src,
			                  (char *)NULL));
		}
	}
	if (f->allowed) {
		bool ok = false;
		for (size_t k = 0; k < f->nallowed && !ok; k++)
			ok = strcasecmp(f->allowed[k], v) == 0;
		if (!ok) {
			out->state[i] = STW_FS_INVALID;
			if (find) {
				clip(v, c);
				add_find(out, i, "not_allowed", "error",
				         text_cat(out, "'", c, "' is not one of the allowed values",
				                  (char *)NULL));
			}
		}
	}
	stw_std_result_free(&own);
}

/*
 * Placeholder names: every name field that has a value holds a junk value
 * or a placeholder name, and at least one a placeholder name.
 */
static void
check_names(rec_state *rs, const char *const *values)
{
	const stw_field_rules *fr = rs->ctx->fr;
	if (!fr->nplaceholder_names || rs->out->placeholder)
		return;
	static const char *const contact_names[] = {"first_name", "last_name", "full_name", NULL};
	static const char *const company_names[] = {"name", NULL};
	const char *const *names = strcmp(fr->entity, "company") == 0 ? company_names
	                                                                : contact_names;
	int hits = 0;
	const char *which = NULL;
	for (const char *const *n = names; *n; n++) {
		int i = field_index(fr, *n);
		if (i < 0 || !values[i] || !*values[i])
			continue;
		char key[64];
		if (lower_key(values[i], key, sizeof key) &&
		    in_list(fr->placeholder_names, fr->nplaceholder_names, key)) {
			hits++;
			which = values[i];
		} else if (!is_junk(rs->ctx, values[i])) {
			return;
		}
	}
	if (!hits)
		return;
	rs->out->placeholder = true;
	if (rs->what & STW_CHECK_FIND) {
		char c[72];
		clip(which, c);
		add_find(rs->out, -1, "placeholder", "warning",
		         text_cat(rs->out, "placeholder or test record (name '", c,
		                  "'): proposed for purge", (char *)NULL));
	}
}

void
stw_check_record(const stw_check_ctx *ctx, const char *const *values, unsigned what,
                 stw_check_out *out)
{
	stw_check_record_memo(ctx, NULL, values, what, out);
}

void
stw_check_record_memo(const stw_check_ctx *ctx, stw_check_memo *memo,
                      const char *const *values, unsigned what, stw_check_out *out)
{
	const stw_field_rules *fr = ctx->fr;
	out_reset(out, fr->nfields);
	rec_state rs = {ctx, memo, what, out, NULL, -1};
	for (size_t i = 0; i < fr->nfields; i++) {
		if (fr->fields[i].type == STW_FT_COUNTRY && !rs.country && values[i] && *values[i])
			rs.country = values[i];
		if (fr->stale_field && fr->fields[i].name == fr->stale_field)
			rs.stale_idx = (int)i;
	}
	if (rs.country && fr->njunk && is_junk(ctx, rs.country))
		rs.country = NULL;
	for (size_t i = 0; i < fr->nfields; i++)
		check_field(&rs, (int)i, values[i]);
	check_names(&rs, values);
}
