/*
 * Preparation for matching: the records of one entity, loaded from table
 * rec into compact column-wise arrays of standardized values.
 *
 * Every field the matching rules use (in a comparison, a swapped level or a
 * blocking key) becomes a slot. Its values are standardized by the field's
 * type with the standardizers of std.h, so that comparison and blocking see
 * "Robert " and "ROBERT" alike, "(555) 123-4567" as "+15551234567", and
 * "20 Jan 1990" as "1990-01-20":
 *
 *   name      folded, punctuation dropped; aux = Double Metaphone codes
 *   email     lower case, "Name <...>" and "mailto:" dropped; placeholder
 *             addresses (test@test.com) empty; a mistyped mail domain
 *             (gmial.com) corrected; aux = local part length, and bit 32
 *             set for role addresses (info@, sales@)
 *   phone     E.164 with the rules' default country, else the digits (at
 *             least six), so a number that fails still compares to itself
 *   date      ISO 8601; aux = day number (else MP_DATE_NONE, and the
 *             value is the digits)
 *   postcode  folded, spaces and dashes dropped
 *   company   the company key (legal suffix, "The", punctuation dropped)
 *   domain    host name of a web address, without "www."
 *   text      folded, punctuation dropped
 *
 * Values live in one arena, each record holding an offset per slot (0: the
 * empty string at the arena's start); records of one thread's range with the
 * same raw value of a slot share one copy. The raw values are read from SQLite first, then
 * standardized on two threads (see standardize_all). The term-frequency
 * tables of the comparisons that ask for one are built here too: how many
 * records hold each value, counted once per record.
 */
#include "match_int.h"
#include "cmp.h"
#include "phonetic.h"
#include "std.h"
#include "util.h"

#include <ctype.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

uint64_t
mp_hash(const char *s, uint64_t seed)
{
	uint64_t h = 0xcbf29ce484222325ULL ^ seed;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h ? h : 1;
}

/* A string arena; offset 0 holds the empty string. */
typedef struct {
	char  *p;
	size_t len, cap;
} arena;

static void
arena_init(arena *a)
{
	a->cap = 1 << 16;
	a->p = stw_xmalloc(a->cap);
	a->p[0] = '\0';
	a->len = 1;
}

static uint32_t
arena_add(arena *a, const char *s)
{
	if (!s || !*s)
		return 0;
	size_t l = strlen(s) + 1;
	if (a->len + l > UINT32_MAX)
		return 0; /* beyond 4 GiB of text: the value is left out */
	if (a->len + l > a->cap) {
		size_t cap = a->cap;
		while (a->len + l > cap)
			cap *= 2;
		a->p = stw_xrealloc(a->p, cap);
		a->cap = cap;
	}
	uint32_t off = (uint32_t)a->len;
	memcpy(a->p + off, s, l);
	a->len += l;
	return off;
}

static int
slot_of(mp_data *d, const char *field)
{
	for (int i = 0; i < d->nslots; i++)
		if (!strcmp(d->slot[i].field, field))
			return i;
	if (d->nslots == MP_MAX_SLOTS)
		return -1;
	mp_slot *s = &d->slot[d->nslots];
	s->field = stw_xstrdup(field);
	s->type = stw_match_field_type(d->entity, field);
	return d->nslots++;
}

/* Works out the slots and the maps from comparisons and keys to them. */
static void
plan_slots(mp_data *d)
{
	const stw_match_rules *mr = d->mr;
	memset(d->cmp_slot, -1, sizeof d->cmp_slot);
	memset(d->swap_slot, -1, sizeof d->swap_slot);
	memset(d->key_slot, -1, sizeof d->key_slot);
	for (int c = 0; c < mr->ncmp; c++) {
		for (int f = 0; f < mr->cmp[c].nfields; f++)
			d->cmp_slot[c][f] = slot_of(d, mr->cmp[c].fields[f]);
		for (int l = 0; l < mr->cmp[c].nlevels; l++)
			if (mr->cmp[c].levels[l].other)
				d->swap_slot[c][l] = slot_of(d, mr->cmp[c].levels[l].other);
	}
	for (int k = 0; k < mr->nkeys; k++)
		for (int p = 0; p < mr->keys[k].nparts; p++)
			for (int f = 0; f < mr->keys[k].parts[p].nfields; f++)
				d->key_slot[k][p][f] = slot_of(d, mr->keys[k].parts[p].fields[f]);
}

static char *
trimdup(const char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t l = strlen(s);
	while (l && (s[l - 1] == ' ' || s[l - 1] == '\t' || s[l - 1] == '\r' || s[l - 1] == '\n'))
		l--;
	return stw_xstrndup(s, l);
}

static uint32_t
pack4(const char *code)
{
	uint32_t v = 0;
	for (int i = 0; i < 4 && code[i]; i++)
		v |= (uint32_t)(unsigned char)code[i] << (8 * (3 - i));
	return v;
}

/* Keeps the digits of s; NULL when fewer than min. The caller frees. */
static char *
digits_only(const char *s, size_t min)
{
	size_t n = 0;
	char *out = stw_xmalloc(strlen(s) + 1);
	for (const char *p = s; *p; p++)
		if (*p >= '0' && *p <= '9')
			out[n++] = *p;
	out[n] = '\0';
	if (n < min) {
		free(out);
		return NULL;
	}
	return out;
}

static char *
std_domain(const char *s)
{
	char *f = stw_std_fold(s);
	char *p = f;
	char *sep = strstr(p, "://");
	if (sep)
		p = sep + 3;
	if (!strncmp(p, "www.", 4))
		p += 4;
	size_t l = strcspn(p, "/:?# ");
	char *out = stw_xstrndup(p, l);
	free(f);
	return out;
}

/*
 * What one preparation thread works with: the rules' defaults, its own
 * arena, and the mail domains it has already checked for typos. Records
 * share a few domains (gmail.com, their employers'), so each distinct
 * domain is looked up once rather than once per address.
 */
typedef struct {
	const char *country;
	bool        dmy;
	arena       a;
	uint64_t   *dom_hash;  /* open addressing; 0 = free */
	uint32_t   *dom_fix;   /* offset in fixes of the corrected domain, 0: none */
	size_t      dom_mask, dom_n;
	arena       fixes;
	/* Values already standardized, by slot and raw text: first names,
	 * surnames, cities, companies and postcodes repeat, and folding and
	 * phonetic codes cost more than a lookup. */
	uint64_t   *memo_hash; /* open addressing; 0 = free */
	struct memo {
		uint32_t raw;       /* the raw text, offset in memo_raw */
		uint32_t off;       /* the standardized value, offset in a */
		uint64_t aux;
		int      slot;
	}          *memo;
	size_t      memo_mask, memo_n;
	arena       memo_raw;
} prep_ctx;

static void
ctx_init(prep_ctx *x, const char *country, bool dmy)
{
	memset(x, 0, sizeof *x);
	x->country = country;
	x->dmy = dmy;
	arena_init(&x->a);
	arena_init(&x->fixes);
	x->dom_mask = 255;
	x->dom_hash = stw_xcalloc(x->dom_mask + 1, sizeof *x->dom_hash);
	x->dom_fix = stw_xcalloc(x->dom_mask + 1, sizeof *x->dom_fix);
	arena_init(&x->memo_raw);
	x->memo_mask = 4095;
	x->memo_hash = stw_xcalloc(x->memo_mask + 1, sizeof *x->memo_hash);
	x->memo = stw_xcalloc(x->memo_mask + 1, sizeof *x->memo);
}

static void
ctx_free(prep_ctx *x)
{
	free(x->a.p);
	free(x->fixes.p);
	free(x->dom_hash);
	free(x->dom_fix);
	free(x->memo_raw.p);
	free(x->memo_hash);
	free(x->memo);
}

static void
memo_put(prep_ctx *x, uint64_t h, const struct memo *m)
{
	size_t k = h & x->memo_mask;
	while (x->memo_hash[k])
		k = (k + 1) & x->memo_mask;
	x->memo_hash[k] = h;
	x->memo[k] = *m;
}

/* The memo of raw text in slot s, or NULL. */
static const struct memo *
memo_get(const prep_ctx *x, uint64_t h, int s, const char *raw)
{
	size_t k = h & x->memo_mask;
	while (x->memo_hash[k]) {
		const struct memo *m = &x->memo[k];
		if (x->memo_hash[k] == h && m->slot == s && !strcmp(x->memo_raw.p + m->raw, raw))
			return m;
		k = (k + 1) & x->memo_mask;
	}
	return NULL;
}

static void
memo_add(prep_ctx *x, uint64_t h, int s, const char *raw, uint32_t off, uint64_t aux)
{
	struct memo m = {arena_add(&x->memo_raw, raw), off, aux, s};
	if (!m.raw)
		return; /* the text arena is full: no memo */
	if (++x->memo_n * 2 > x->memo_mask) {
		uint64_t *oh = x->memo_hash;
		struct memo *om = x->memo;
		size_t omask = x->memo_mask;
		x->memo_mask = omask * 2 + 1;
		x->memo_hash = stw_xcalloc(x->memo_mask + 1, sizeof *x->memo_hash);
		x->memo = stw_xcalloc(x->memo_mask + 1, sizeof *x->memo);
		for (size_t q = 0; q <= omask; q++)
			if (oh[q])
				memo_put(x, oh[q], &om[q]);
		free(oh);
		free(om);
	}
	memo_put(x, h, &m);
}

static void
dom_put(prep_ctx *x, uint64_t h, uint32_t fix)
{
	size_t k = h & x->dom_mask;
	while (x->dom_hash[k])
		k = (k + 1) & x->dom_mask;
	x->dom_hash[k] = h;
	x->dom_fix[k] = fix;
}

/* The corrected domain of a mistyped mail domain (gmial.com), else NULL. */
static const char *
dom_fix(prep_ctx *x, const char *addr, const char *dom)
{
	uint64_t h = mp_hash(dom, 0x646f6d);
	size_t k = h & x->dom_mask;
	while (x->dom_hash[k]) {
		if (x->dom_hash[k] == h)
			return x->dom_fix[k] ? x->fixes.p + x->dom_fix[k] : NULL;
		k = (k + 1) & x->dom_mask;
	}
	stw_std_result r = {0};
	stw_std_email_typo(addr, &r);
	uint32_t fix = 0;
	if (r.status == STW_STD_SUGGEST && r.value) {
		const char *at = strrchr(r.value, '@');
		fix = arena_add(&x->fixes, at ? at + 1 : NULL);
	}
	stw_std_result_free(&r);
	if (++x->dom_n * 2 > x->dom_mask) { /* grow, keeping the entries */
		uint64_t *oh = x->dom_hash;
		uint32_t *of = x->dom_fix;
		size_t omask = x->dom_mask;
		x->dom_mask = omask * 2 + 1;
		x->dom_hash = stw_xcalloc(x->dom_mask + 1, sizeof *x->dom_hash);
		x->dom_fix = stw_xcalloc(x->dom_mask + 1, sizeof *x->dom_fix);
		for (size_t q = 0; q <= omask; q++)
			if (oh[q])
				dom_put(x, oh[q], of[q]);
		free(oh);
		free(of);
	}
	dom_put(x, h, fix);
	return fix ? x->fixes.p + fix : NULL;
}

/* Standardizes one value of slot s; returns an owned string or NULL, and aux. */
static char *
standardize(const mp_slot *s, const char *raw, prep_ctx *x, uint64_t *aux)
{
	const char *country = x->country;
	bool dmy = x->dmy;
	*aux = 0;
	if (!raw || !*raw)
		return NULL;
	char *t = trimdup(raw), *v = NULL;
	stw_std_result r = {0};
	switch (s->type) {
	case STW_VT_NAME:
	case STW_VT_TEXT:
		v = stw_std_fold_opts(t, STW_FOLD_PUNCT);
		if (s->type == STW_VT_NAME && *v) {
			stw_dmeta dm;
			stw_dmetaphone(v, 4, &dm);
			*aux = (uint64_t)pack4(dm.primary) << 32 | pack4(dm.alternate);
		}
		break;
	case STW_VT_EMAIL:
		/* Lower case and trimmed is enough to compare; the full check
		 * (stw_std_email, with its domain typo search) costs more than
		 * the whole comparison of a record, and its fixes are proposed to
		 * the steward by standardization anyway. */
		v = stw_std_fold(t);
		{
			char *lt = strrchr(v, '<'), *gt = lt ? strchr(lt, '>') : NULL;
			if (lt && gt) {
				memmove(v, lt + 1, (size_t)(gt - lt - 1));
				v[gt - lt - 1] = '\0';
			}
			if (!strncmp(v, "mailto:", 7))
				memmove(v, v + 7, strlen(v + 7) + 1);
		}
		if (*v && stw_std_email_is_placeholder(v)) {
			free(v);
			v = NULL;
			break;
		}
		/* A mistyped mail domain (gmial.com) is read as meant. */
		{
			const char *at = strrchr(v, '@');
			const char *fix = at && at[1] ? dom_fix(x, v, at + 1) : NULL;
			if (fix) {
				char *w = stw_xasprintf("%.*s@%s", (int)(at - v), v, fix);
				free(v);
				v = w;
			}
		}
		{
			const char *at = strchr(v, '@');
			*aux = at ? (uint64_t)(at - v) : strlen(v);
			if (stw_std_email_is_role(v))
				*aux |= (uint64_t)1 << 32;
		}
		break;
	case STW_VT_PHONE:
		stw_std_phone(t, country, &r);
		if (r.status == STW_STD_CHANGED || r.status == STW_STD_SUGGEST)
			v = stw_xstrdup(r.value);
		else if (r.status == STW_STD_SAME)
			v = stw_xstrdup(t);
		else
			v = digits_only(t, 6);
		break;
	case STW_VT_DATE: {
		stw_std_date(t, dmy ? STW_DATE_DMY : STW_DATE_MDY, &r);
		const char *iso = r.status == STW_STD_CHANGED || r.status == STW_STD_SUGGEST ? r.value
		                : r.status == STW_STD_SAME ? t : NULL;
		int32_t days;
		if (iso && stw_date_parse(iso, &days)) {
			v = stw_xstrdup(iso);
			*aux = (uint64_t)(uint32_t)days;
		} else {
			v = digits_only(t, 4);
			*aux = (uint64_t)(uint32_t)MP_DATE_NONE;
		}
		break;
	}
	case STW_VT_POSTCODE: {
		char *f = stw_std_fold(t);
		size_t n = 0;
		for (char *p = f; *p; p++)
			if (*p != ' ' && *p != '-')
				f[n++] = *p;
		f[n] = '\0';
		v = f;
		break;
	}
	case STW_VT_COMPANY:
		v = stw_std_company_key(t, NULL);
		break;
	case STW_VT_DOMAIN:
		v = std_domain(t);
		break;
	}
	stw_std_result_free(&r);
	free(t);
	if (v && !*v) {
		free(v);
		v = NULL;
	}
	return v;
}

static void
set_value(mp_data *d, prep_ctx *x, int s, size_t i, const char *raw)
{
	mp_slot *sl = &d->slot[s];
	/* Emails and phones are nearly all distinct: not worth a memo. */
	bool memo = raw && *raw && sl->type != STW_VT_EMAIL && sl->type != STW_VT_PHONE;
	uint64_t h = 0;
	if (memo) {
		h = mp_hash(raw, (uint64_t)s + 1);
		const struct memo *m = memo_get(x, h, s, raw);
		if (m) {
			sl->off[i] = m->off;
			sl->aux[i] = m->aux;
			return;
		}
	}
	uint64_t aux;
	char *v = standardize(sl, raw, x, &aux);
	sl->off[i] = arena_add(&x->a, v);
	sl->aux[i] = sl->off[i] ? aux : 0;
	if (sl->type == STW_VT_DATE && !sl->off[i])
		sl->aux[i] = (uint64_t)(uint32_t)MP_DATE_NONE;
	free(v);
	if (memo)
		memo_add(x, h, s, raw, sl->off[i], sl->aux[i]);
}

/* How often (records) a standardizing thread looks at the stop flag, and
 * the first one reports progress. */
#define PREP_WATCH_EVERY 2048

/* The watch of a load, shared by the standardizing threads. */
typedef struct {
	const mp_watch *w;      /* may be NULL */
	double          from, to; /* the share of the load this step covers */
	atomic_int      stop;
} prep_watch;

/* True when the load must stop; on the calling thread (report) also tells
 * the watcher how far it is. */
static bool
watch_tick(prep_watch *pw, bool report, double part)
{
	if (atomic_load(&pw->stop))
		return true;
	const mp_watch *w = pw->w;
	bool stop = w && w->cancel && *w->cancel;
	if (!stop && report && w && w->tick)
		stop = w->tick(w->ctx, pw->from + (pw->to - pw->from) * part);
	if (stop)
		atomic_store(&pw->stop, 1);
	return stop;
}

static void
tf_add(mp_tf *t, uint64_t h)
{
	size_t k = h & t->mask;
	while (t->hash[k] && t->hash[k] != h)
		k = (k + 1) & t->mask;
	t->hash[k] = h;
	t->count[k]++;
	t->total++;
}

/* False when the watch stopped it. */
static bool
build_tf(mp_data *d, prep_watch *pw)
{
	for (int c = 0; c < d->mr->ncmp; c++) {
		if (watch_tick(pw, true, (double)c / (double)d->mr->ncmp))
			return false;
		const stw_match_cmp *cm = &d->mr->cmp[c];
		if (!cm->tf)
			continue;
		mp_tf *t = &d->tf[c];
		size_t want = d->n * (size_t)cm->nfields * 2 + 16, size = 16;
		while (size < want)
			size *= 2;
		t->hash = stw_xcalloc(size, sizeof *t->hash);
		t->count = stw_xcalloc(size, sizeof *t->count);
		t->mask = size - 1;
		for (size_t i = 0; i < d->n; i++)
			for (int f = 0; f < cm->nfields; f++) {
				int s = d->cmp_slot[c][f];
				if (!d->slot[s].off[i])
					continue;
				bool dup = false;
				for (int g = 0; g < f && !dup; g++)
					dup = !strcmp(mp_val(d, d->cmp_slot[c][g], i), mp_val(d, s, i));
				if (!dup)
					tf_add(t, mp_hash(mp_val(d, s, i), 0));
			}
	}
	return true;
}

uint32_t
mp_tf_count(const mp_data *d, int c, const char *s)
{
	const mp_tf *t = &d->tf[c];
	if (!t->hash)
		return 0;
	uint64_t h = mp_hash(s, 0);
	size_t k = h & t->mask;
	while (t->hash[k]) {
		if (t->hash[k] == h)
			return t->count[k];
		k = (k + 1) & t->mask;
	}
	return 0;
}

static void
init(mp_data *d, const char *entity, const stw_match_rules *mr)
{
	memset(d, 0, sizeof *d);
	d->entity = strcmp(entity, "company") ? "contact" : "company";
	d->mr = mr;
	plan_slots(d);
}

static void
alloc_rows(mp_data *d, size_t cap)
{
	d->id = stw_xrealloc(d->id, (cap ? cap : 1) * sizeof *d->id);
	for (int s = 0; s < d->nslots; s++) {
		d->slot[s].off = stw_xrealloc(d->slot[s].off, (cap ? cap : 1) * sizeof(uint32_t));
		d->slot[s].aux = stw_xrealloc(d->slot[s].aux, (cap ? cap : 1) * sizeof(uint64_t));
	}
}

/* ==== Standardizing on threads ==== */

/*
 * The raw values, read first: raw[i * nslots + s] is an offset into text
 * (0: empty). Standardizing is the costly part of preparation and each
 * record is independent, so the records are split into one contiguous range
 * per thread, each writing into its own arena; the arenas are then joined in
 * range order, which gives the same arena whatever the number of threads.
 */
typedef struct {
	mp_data        *d;
	const char     *text;
	const uint32_t *raw;
	size_t          from, to;
	prep_ctx        x;
	prep_watch     *pw;
	bool            first;  /* runs on the calling thread: reports progress */
} prep_job;

static void *
prep_worker(void *arg)
{
	prep_job *j = arg;
	mp_data *d = j->d;
	size_t ns = (size_t)d->nslots;
	for (size_t i = j->from; i < j->to; i++) {
		if ((i - j->from) % PREP_WATCH_EVERY == 0 &&
		    watch_tick(j->pw, j->first, (double)(i - j->from) / (double)(j->to - j->from)))
			break;
		for (size_t s = 0; s < ns; s++) {
			uint32_t o = j->raw[i * ns + s];
			set_value(d, &j->x, (int)s, i, o ? j->text + o : NULL);
		}
	}
	return NULL;
}

/* Standardizes every value on threads; false when the watch stopped it
 * (then nothing is joined: mp_free releases what was made). */
static bool
standardize_all(mp_data *d, const char *text, const uint32_t *raw, const char *country,
                bool dmy, int threads, prep_watch *pw)
{
	if (threads < 1 || d->n < 2000)
		threads = 1;
	if (threads > 8)
		threads = 8;
	prep_job jobs[8];
	pthread_t tid[8];
	bool started[8] = {false};
	for (int t = 0; t < threads; t++) {
		jobs[t] = (prep_job){d, text, raw, d->n * (size_t)t / (size_t)threads,
		                     d->n * (size_t)(t + 1) / (size_t)threads, {0}, pw, t == 0};
		ctx_init(&jobs[t].x, country, dmy);
	}
	for (int t = 1; t < threads; t++)
		started[t] = pthread_create(&tid[t], NULL, prep_worker, &jobs[t]) == 0;
	prep_worker(&jobs[0]);
	for (int t = 1; t < threads; t++) {
		if (started[t])
			pthread_join(tid[t], NULL);
		else
			prep_worker(&jobs[t]);
	}
	if (atomic_load(&pw->stop)) {
		for (int t = 0; t < threads; t++)
			ctx_free(&jobs[t].x);
		return false;
	}
	/* Join the arenas: the first as it is, the others after it. */
	size_t total = 0;
	for (int t = 0; t < threads; t++)
		total += jobs[t].x.a.len;
	if (total > UINT32_MAX)
		total = UINT32_MAX; /* beyond 4 GiB of text: later values are left out */
	d->arena = stw_xmalloc(total);
	d->arena_len = 0;
	for (int t = 0; t < threads; t++) {
		prep_job *j = &jobs[t];
		size_t base = d->arena_len, len = j->x.a.len;
		if (base + len > total)
			len = total - base;
		memcpy(d->arena + base, j->x.a.p, len);
		d->arena_len += len;
		for (int s = 0; s < d->nslots; s++)
			for (size_t i = j->from; i < j->to; i++) {
				uint32_t o = d->slot[s].off[i];
				if (!o)
					continue;
				if ((size_t)o >= len) {
					d->slot[s].off[i] = 0;
					d->slot[s].aux[i] = d->slot[s].type == STW_VT_DATE
					                  ? (uint64_t)(uint32_t)MP_DATE_NONE : 0;
				} else {
					d->slot[s].off[i] = (uint32_t)(o + base);
				}
			}
		ctx_free(&j->x);
	}
	d->arena_cap = total; /* at least 1: the first arena's empty string */
	return true;
}

/* Loads the active records of entity, all of them (ids NULL) or the nids
 * records ids. */
static stw_err
load(stw_ws *ws, const char *entity, const stw_match_rules *mr, const char *country, bool dmy,
     const int64_t *ids, size_t nids, const mp_watch *w, mp_data *d, stw_error *err)
{
	init(d, entity, mr);
	/* Reading is about a third of the load, standardizing the rest; rows
	 * come in id order, so the newest id tells how far reading is. */
	prep_watch pw = {.w = w, .from = 0, .to = 0.35};
	atomic_init(&pw.stop, 0);
	int64_t last = 0;
	if (w) {
		sqlite3_stmt *mx;
		if (stw_ws_prepare(ws, "SELECT coalesce(max(id), 0) FROM rec", &mx, NULL) == STW_OK) {
			if (sqlite3_step(mx) == SQLITE_ROW)
				last = sqlite3_column_int64(mx, 0);
			sqlite3_finalize(mx);
		}
	}
	stw_buf sql = STW_BUF_INIT;
	stw_buf_adds(&sql, "SELECT id");
	for (int s = 0; s < d->nslots; s++) {
		char *q = sqlite3_mprintf(", \"%w\"", d->slot[s].field);
		stw_buf_adds(&sql, q);
		sqlite3_free(q);
	}
	stw_buf_adds(&sql, " FROM rec WHERE entity=? AND status='active'");
	if (ids) {
		/* A few records: one primary-key lookup each. */
		stw_buf_adds(&sql, " AND id IN (");
		for (size_t k = 0; k < nids; k++)
			stw_buf_adds(&sql, k ? ",?" : "?");
		stw_buf_adds(&sql, ")");
	}
	stw_buf_adds(&sql, " ORDER BY id");
	sqlite3_stmt *st;
	stw_err e = stw_ws_prepare(ws, sql.data, &st, err);
	stw_buf_free(&sql);
	if (e != STW_OK) {
		mp_free(d);
		return e;
	}
	sqlite3_bind_text(st, 1, d->entity, -1, SQLITE_STATIC);
	for (size_t k = 0; ids && k < nids; k++)
		sqlite3_bind_int64(st, (int)k + 2, ids[k]);
	size_t cap = 0, ns = (size_t)d->nslots;
	uint32_t *raw = NULL;
	arena text;
	arena_init(&text);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (w && d->n % PREP_WATCH_EVERY == 0 &&
		    watch_tick(&pw, true, last > 0 ? (double)sqlite3_column_int64(st, 0) / (double)last
		                                   : 0)) {
			rc = SQLITE_DONE;
			break;
		}
		if (d->n == cap) {
			cap = cap ? cap * 2 : 1024;
			d->id = stw_xrealloc(d->id, cap * sizeof *d->id);
			raw = stw_xrealloc(raw, cap * (ns ? ns : 1) * sizeof *raw);
		}
		size_t i = d->n++;
		d->id[i] = sqlite3_column_int64(st, 0);
		for (size_t s = 0; s < ns; s++)
			raw[i * ns + s] = arena_add(&text, (const char *)sqlite3_column_text(st, (int)s + 1));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(raw);
		free(text.p);
		mp_free(d);
		return stw_ws_dberr(ws, rc, "reading records", err);
	}
	alloc_rows(d, d->n);
	pw.from = pw.to;
	pw.to = 0.95;
	bool done = !atomic_load(&pw.stop) && standardize_all(d, text.p, raw, country, dmy, 2, &pw);
	free(raw);
	free(text.p);
	if (!done) {
		mp_free(d);
		return stw_fail(err, STW_ECANCEL, "match cancelled: nothing was changed");
	}
	d->locked = stw_xcalloc(d->n ? d->n : 1, 1);
	pw.from = pw.to;
	pw.to = 1;
	if (!ids && !build_tf(d, &pw)) {
		mp_free(d);
		return stw_fail(err, STW_ECANCEL, "match cancelled: nothing was changed");
	}
	return STW_OK;
}

stw_err
mp_load(stw_ws *ws, const char *entity, const stw_match_rules *mr, const char *country,
        bool dmy, mp_data *d, stw_error *err)
{
	return load(ws, entity, mr, country, dmy, NULL, 0, NULL, d, err);
}

stw_err
mp_load_watched(stw_ws *ws, const char *entity, const stw_match_rules *mr, const char *country,
                bool dmy, const mp_watch *w, mp_data *d, stw_error *err)
{
	return load(ws, entity, mr, country, dmy, NULL, 0, w, d, err);
}

stw_err
mp_load_ids(stw_ws *ws, const char *entity, const stw_match_rules *mr, const char *country,
            bool dmy, const int64_t *ids, size_t n, mp_data *d, stw_error *err)
{
	return load(ws, entity, mr, country, dmy, ids, n, NULL, d, err);
}

void
mp_tf_put(mp_data *d, int c, uint64_t total, uint64_t h, uint32_t count)
{
	mp_tf *t = &d->tf[c];
	if (!t->hash) {
		t->hash = stw_xcalloc(MP_TF_PUT_MAX * 2, sizeof *t->hash);
		t->count = stw_xcalloc(MP_TF_PUT_MAX * 2, sizeof *t->count);
		t->mask = MP_TF_PUT_MAX * 2 - 1;
	}
	size_t k = h & t->mask, used = 0;
	for (size_t q = 0; q <= t->mask; q++)
		used += t->hash[q] != 0;
	while (t->hash[k] && t->hash[k] != h)
		k = (k + 1) & t->mask;
	if (!t->hash[k] && used >= MP_TF_PUT_MAX)
		return;
	t->hash[k] = h;
	t->count[k] = count;
	t->total = total;
}

void
mp_load_mem(const char *entity, const stw_match_rules *mr, const char *country, bool dmy,
            size_t n, const int64_t *ids, const char *const *fields, size_t nfields,
            const char *const *vals, mp_data *d)
{
	init(d, entity, mr);
	alloc_rows(d, n);
	d->n = n;
	size_t ns = (size_t)d->nslots;
	uint32_t *raw = stw_xcalloc(n * ns + 1, sizeof *raw);
	arena text;
	arena_init(&text);
	for (size_t i = 0; i < n; i++) {
		d->id[i] = ids[i];
		for (size_t s = 0; s < ns; s++)
			for (size_t f = 0; f < nfields; f++)
				if (!strcmp(fields[f], d->slot[s].field))
					raw[i * ns + s] = arena_add(&text, vals[i * nfields + f]);
	}
	prep_watch pw = {0};
	atomic_init(&pw.stop, 0);
	(void)standardize_all(d, text.p, raw, country, dmy, 2, &pw);
	free(raw);
	free(text.p);
	d->locked = stw_xcalloc(n ? n : 1, 1);
	(void)build_tf(d, &pw);
}

void
mp_free(mp_data *d)
{
	for (int s = 0; s < d->nslots; s++) {
		free(d->slot[s].field);
		free(d->slot[s].off);
		free(d->slot[s].aux);
	}
	for (int c = 0; c < STW_MATCH_MAX_CMP; c++) {
		free(d->tf[c].hash);
		free(d->tf[c].count);
	}
	free(d->id);
	free(d->locked);
	free(d->arena);
	memset(d, 0, sizeof *d);
}

long
mp_find(const mp_data *d, int64_t id)
{
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < d->n && d->id[lo] == id ? (long)lo : -1;
}
