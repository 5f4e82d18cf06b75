/*
 * The nickname table and the compatibility levels built on it.
 *
 * Loading copies the embedded CSV once into a private buffer and cuts it
 * into NUL-terminated names in place, so every name in the table points
 * into that buffer. Each distinct name gets one entry in an open-addressing
 * hash table (linear probing, at most half full), holding the list of
 * formal names it is a nickname of. Formal names in these lists are the
 * interned pointers of their own entries, so set operations compare
 * pointers, not strings. After loading, the table is never written again,
 * which is what makes concurrent lookups safe.
 */
#include "nickname.h"
#include "cmp.h"
#include "embedded.h"
#include "util.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Longest folded name looked up; longer names are not in the table. */
#define NAME_MAX_BYTES 64

typedef struct {
	const char *name;      /* interned formal name */
	bool        reverse;   /* the row runs against the likely direction */
} nick_link;

typedef struct {
	const char *name;      /* lower-case, points into the text buffer */
	nick_link  *formals;   /* every row "formal,has_nickname,name" */
	uint32_t    nformals;  /* rows in formals */
	uint32_t    nforward;  /* rows in formals that are not reverse */
	uint32_t    nnicks;    /* rows "name,has_nickname,..." */
	uint32_t    cap;       /* allocated slots in formals */
} nick_entry;

typedef struct {
	char       *text;      /* the CSV copy the names point into */
	nick_entry *slots;     /* name == NULL marks an empty slot */
	size_t      mask;      /* slot count - 1, a power of two minus one */
	unsigned    count;     /* distinct names */
} nick_table;

static nick_table     *table;
static pthread_once_t  table_once = PTHREAD_ONCE_INIT;

static uint32_t
hash_name(const char *s)
{
	uint32_t h = 2166136261u;       /* FNV-1a */
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

static nick_entry *
find(const nick_table *t, const char *name)
{
	for (size_t i = hash_name(name) & t->mask;; i = (i + 1) & t->mask) {
		nick_entry *e = &t->slots[i];
		if (!e->name)
			return NULL;
		if (strcmp(e->name, name) == 0)
			return e;
	}
}

/* The entry for name, created if missing; name must outlive the table. */
static nick_entry *
intern(nick_table *t, const char *name)
{
	size_t i = hash_name(name) & t->mask;
	for (;; i = (i + 1) & t->mask) {
		nick_entry *e = &t->slots[i];
		if (!e->name) {
			e->name = name;
			t->count++;
			return e;
		}
		if (strcmp(e->name, name) == 0)
			return e;
	}
}

static void
add_formal(nick_entry *nick, nick_entry *formal)
{
	for (uint32_t k = 0; k < nick->nformals; k++)
		if (nick->formals[k].name == formal->name)
			return;
	if (nick->nformals == nick->cap) {
		nick->cap = nick->cap ? nick->cap * 2 : 2;
		nick->formals = stw_xrealloc(nick->formals,
		    nick->cap * sizeof(*nick->formals));
	}
	nick->formals[nick->nformals++] = (nick_link){formal->name, false};
	formal->nnicks++;
}

static bool
links_to(const nick_entry *e, const char *formal)
{
	for (uint32_t k = 0; k < e->nformals; k++)
		if (e->formals[k].name == formal)
			return true;
	return false;
}

/*
 * The list has many rows that run from a short form to a full name as well
 * as the other way ("robert,has_nickname,bill" and "bill,has_nickname,
 * robert"; "wilma,has_nickname,william"). Read literally, Robert and William
 * would both be nicknames of Bill, and William would be a nickname of
 * Wilma. A full name has more nicknames than its short forms, so a row
 * whose nickname has strictly more nicknames of its own than its formal
 * name is marked reverse: it still links the two names directly, but is
 * not used to relate siblings or to pick a canonical name.
 */
static void
mark_reverse_rows(nick_table *t)
{
	for (size_t i = 0; i <= t->mask; i++) {
		nick_entry *nick = &t->slots[i];
		if (!nick->name)
			continue;
		for (uint32_t k = 0; k < nick->nformals; k++) {
			nick_link *l = &nick->formals[k];
			const nick_entry *formal = find(t, l->name);
			l->reverse = formal->nnicks < nick->nnicks;
		}
		nick->nforward = 0;
		for (uint32_t k = 0; k < nick->nformals; k++)
			nick->nforward += !nick->formals[k].reverse;
	}
}

/* Lower-cases in place and strips surrounding spaces; returns the start. */
static char *
clean_field(char *s)
{
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r'))
		s[--n] = '\0';
	for (char *p = s; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return s;
}

static void
load_table(void)
{
	const stw_embedded *file = stw_embedded_get("nicknames/names.csv");
	nick_table *t = stw_xcalloc(1, sizeof(*t));
	size_t rows = 1, nslots = 16;

	t->text = file ? stw_xstrndup(file->data, file->len) : stw_xstrdup("");
	for (const char *p = t->text; *p; p++)
		rows += *p == '\n';
	/* Two names a row at most, and the table at most half full. */
	while (nslots < rows * 4)
		nslots *= 2;
	t->slots = stw_xcalloc(nslots, sizeof(*t->slots));
	t->mask = nslots - 1;

	char *line = t->text;
	while (*line) {
		char *next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		else
			next = line + strlen(line);

		/* "formal,has_nickname,nick"; anything else (the header) is skipped. */
		char *c1 = strchr(line, ',');
		char *c2 = c1 ? strchr(c1 + 1, ',') : NULL;
		if (c2 && !strchr(c2 + 1, ',')) {
			*c1 = *c2 = '\0';
			char *formal = clean_field(line);
			char *rel = clean_field(c1 + 1);
			char *nick = clean_field(c2 + 1);
			if (strcmp(rel, "has_nickname") == 0 && *formal && *nick &&
			    strcmp(formal, nick) != 0) {
				nick_entry *f = intern(t, formal);
				add_formal(intern(t, nick), f);
			}
		}
		line = next;
	}
	mark_reverse_rows(t);
	table = t;
}

static const nick_table *
get_table(void)
{
	pthread_once(&table_once, load_table);
	return table;
}

unsigned
stw_nick_load(void)
{
	return get_table()->count;
}

void
stw_nick_free(void)
{
	nick_table *t = table;
	if (!t)
		return;
	for (size_t i = 0; i <= t->mask; i++)
		free(t->slots[i].formals);
	free(t->slots);
	free(t->text);
	free(t);
	table = NULL;
}

typedef enum { FOLD_OK, FOLD_BLANK, FOLD_FOREIGN } fold_result;

/*
 * Folds name for lookup into buf: lower-case ASCII, surrounding spaces
 * removed. FOLD_BLANK for NULL or blank names; FOLD_FOREIGN when something
 * does not fold to ASCII or the name is too long for the table.
 */
static fold_result
fold_name(const char *name, char buf[NAME_MAX_BYTES])
{
	bool complete = stw_ascii_fold(name, buf, NAME_MAX_BYTES);
	char *s = buf;
	while (*s == ' ')
		s++;
	size_t n = strlen(s);
	while (n > 0 && s[n - 1] == ' ')
		n--;
	memmove(buf, s, n);
	buf[n] = '\0';
	if (!complete)
		return FOLD_FOREIGN;
	return n > 0 ? FOLD_OK : FOLD_BLANK;
}

/* True when formal is one of e's formal names through a forward row. */
static bool
has_forward(const nick_entry *e, const char *formal)
{
	for (uint32_t k = 0; k < e->nformals; k++)
		if (e->formals[k].name == formal && !e->formals[k].reverse)
			return true;
	return false;
}

stw_nick_level
stw_nick_compatible(const char *a, const char *b)
{
	char fa[NAME_MAX_BYTES], fb[NAME_MAX_BYTES];

	fold_result ra = fold_name(a, fa), rb = fold_name(b, fb);
	if (ra == FOLD_BLANK || rb == FOLD_BLANK)
		return STW_NICK_NONE;
	if (ra == FOLD_FOREIGN || rb == FOLD_FOREIGN)
		return strcmp(a, b) == 0 ? STW_NICK_SAME_FORMAL : STW_NICK_NONE;
	if (strcmp(fa, fb) == 0)
		return STW_NICK_SAME_FORMAL;

	const nick_table *t = get_table();
	const nick_entry *ea = find(t, fa), *eb = find(t, fb);
	if (!ea || !eb)
		return STW_NICK_NONE;
	if (has_forward(ea, eb->name) || has_forward(eb, ea->name))
		return STW_NICK_SAME_FORMAL;
	if (links_to(ea, eb->name) || links_to(eb, ea->name))
		return STW_NICK_AMBIGUOUS;      /* only through a reverse row */

	for (uint32_t k = 0; k < ea->nformals; k++) {
		const nick_link *l = &ea->formals[k];
		if (!l->reverse && has_forward(eb, l->name)) {
			if (ea->nforward == 1 && eb->nforward == 1)
				return STW_NICK_SAME_FORMAL;
			return STW_NICK_AMBIGUOUS;
		}
	}
	return STW_NICK_NONE;
}

const char *
stw_nick_canonical(const char *name)
{
	char f[NAME_MAX_BYTES];

	if (fold_name(name, f) != FOLD_OK)
		return name;
	const nick_entry *e = find(get_table(), f);
	if (e && e->nforward == 1)
		for (uint32_t k = 0; k < e->nformals; k++)
			if (!e->formals[k].reverse)
				return e->formals[k].name;
	return name;
}
