/*
 * Survivorship rules of one entity: how the golden record of an accepted
 * cluster is built, field by field, and which record is the master (the one
 * whose CRM id survives).
 *
 * They live under the `survivorship:` key of an entity section of the rule
 * set:
 *
 *   contact:
 *     survivorship:
 *       master: oldest_created        # oldest_created, most_recent_activity, most_complete
 *       default: most_complete        # strategy for fields not listed below
 *       fields:
 *         email: most_recent          # most_recent, most_complete, most_frequent,
 *         title: most_recent          # longest, source_priority, first
 *       source_priority: [salesforce, hubspot]   # CRM, profile or file names, best first
 *       secondary:                    # losing values of multi-value fields go here ...
 *         email: [email2, email3]
 *         phone: [phone2, phone3]
 *       notes: Description            # ... and, when those are full, into this column
 *
 * A strategy picks one value among the cluster's records (empty values never
 * win): most_recent takes the value of the record updated last (updated_at,
 * else last_activity_at, else created_at); most_complete the value of the
 * record with the most non-empty fields; most_frequent the commonest value
 * (compared case- and space-insensitively); longest the longest value;
 * source_priority the value from the best-ranked source; first the master's
 * own value, else the first record's. Ties go to the master, then to the
 * lower record id. The steward's pick or typed value always wins.
 *
 * The struct is filled by the "survivorship" rules module and owned by the
 * stw_entity_rules it hangs from. An entity without the key gets the
 * defaults above (default most_complete, master oldest_created, email and
 * phone secondaries, no notes column).
 */
#ifndef STW_SURVIVE_RULES_H
#define STW_SURVIVE_RULES_H

#include "rules.h"

#define STW_SURV_MAX_FIELDS  48 /* per-field strategies */
#define STW_SURV_MAX_SOURCES 16 /* source_priority entries */
#define STW_SURV_MAX_MULTI   4  /* multi-value families (email, phone, ...) */
#define STW_SURV_MAX_SLOTS   4  /* secondary fields per family */

typedef enum {
	STW_SV_MOST_RECENT,
	STW_SV_MOST_COMPLETE,
	STW_SV_MOST_FREQUENT,
	STW_SV_LONGEST,
	STW_SV_SOURCE_PRIORITY,
	STW_SV_FIRST,
} stw_surv_strategy;

typedef enum {
	STW_SVM_OLDEST_CREATED,
	STW_SVM_MOST_RECENT_ACTIVITY,
	STW_SVM_MOST_COMPLETE,
} stw_surv_master;

struct stw_surv_rules {
	stw_surv_master   master;
	stw_surv_strategy dflt;
	int               nfields;
	struct {
		char             *field;    /* canonical field, owned */
		stw_surv_strategy strategy;
	} fields[STW_SURV_MAX_FIELDS];
	int   nsources;
	char *sources[STW_SURV_MAX_SOURCES]; /* lower-case, owned, best first */
	int   nmulti;
	struct {
		char *field;                       /* primary field, owned */
		int   nslots;
		char *slots[STW_SURV_MAX_SLOTS];   /* secondary fields, owned */
	} multi[STW_SURV_MAX_MULTI];
	char *notes;                           /* original column header, owned, or NULL */
};

/* The module registered in rules.c. */
extern const stw_rules_module stw_surv_rules_module;

/* "most_recent", ...; static storage. */
const char *stw_surv_strategy_name(stw_surv_strategy s);
const char *stw_surv_master_name(stw_surv_master m);

/* The strategy for field (the per-field entry, else the default). */
stw_surv_strategy stw_surv_strategy_for(const stw_surv_rules *r, const char *field);

/*
 * The defaults used when an entity has no survivorship key, filled into r
 * (which the caller owns; release with stw_surv_rules_clear).
 */
void stw_surv_rules_defaults(stw_surv_rules *r, const char *entity);
void stw_surv_rules_clear(stw_surv_rules *r);

#endif
