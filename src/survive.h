/*
 * Survivorship: the golden record of a cluster of duplicates.
 *
 * Given the cluster's records (their current values, source rank and id),
 * the entity's survivorship rules and the steward's own choices, it chooses
 * the master record (whose CRM id survives) and, field by field, the value
 * the master ends up with, saying for each where it came from and why. The
 * losing values of multi-value fields (emails, phones) are kept: they go to
 * the secondary fields named in the rules, and what does not fit there to a
 * notes text. This module reads and writes nothing: decide.c loads the
 * records and applies the result.
 */
#ifndef STW_SURVIVE_H
#define STW_SURVIVE_H

#include <stdbool.h>
#include <stdint.h>

#include "error.h"
#include "std.h"
#include "survive_rules.h"

/* One record of the cluster. */
typedef struct {
	int64_t      id;
	int          rank; /* source priority: lower is better (no match: a large number) */
	const char **v;    /* current value per field of the entity, NULL when empty (borrowed) */
} stw_surv_rec;

/* A steward's choice for one field: a record's value, or a typed value. */
typedef struct {
	const char *field;
	int64_t     record; /* the record whose value is taken; 0 when value is typed */
	const char *value;  /* typed value ("" empties the field); unused when record != 0 */
} stw_surv_choice;

/* The input. */
typedef struct {
	const char *const *fields;   /* the entity's fields (stw_fields_of), NULL-terminated */
	const stw_surv_rules *rules; /* NULL: the entity's defaults */
	const char  *entity;         /* "contact" or "company" */
	stw_date_order date_order;
	const stw_surv_rec *recs;
	int          nrecs;
	int64_t      master;         /* the steward's master, or 0 to apply the master rule */
	const stw_surv_choice *choices;
	int          nchoices;
	/* Whether a field can hold a value in the master's export (it is mapped
	 * in the master's source); NULL: every field can. Used for secondary
	 * fields only. */
	bool (*usable)(const char *field, int64_t master, void *ctx);
	void *ctx;
} stw_surv_input;

/* The result. Per field i (same order as fields): */
typedef struct {
	int      nfields;
	char   **value;    /* golden value, owned, NULL when empty */
	int64_t *from;     /* record it came from; 0 typed by the steward; -1 no value */
	char   **why;      /* strategy name, "pick", "set" or "secondary", owned */
	int64_t  master;
	char    *master_why; /* "oldest_created", "steward", ... owned */
	char    *notes;      /* losing multi-values that did not fit, "email a@b; phone +1..." or NULL */
} stw_golden;

/*
 * Builds the golden record. Returns STW_EUSAGE (golden left empty) when a
 * choice names a field that is not the entity's or a record outside the
 * cluster, or when master is not in the cluster. On success g is owned by
 * the caller (stw_golden_free).
 */
stw_err stw_survive(const stw_surv_input *in, stw_golden *g, stw_error *err);
void    stw_golden_free(stw_golden *g);

/* A sortable key for a date or datetime value ("" when it is not a date). Owned. */
char *stw_surv_date_key(const char *v, stw_date_order order);

#endif
