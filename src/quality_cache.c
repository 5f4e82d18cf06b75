/*
 * The quality report's headline figures, stored in the meta table under the
 * key of the data they describe (see quality_cache.h).
 *
 * Stored text, one line per entity after the key line:
 *   KEY\n
 *   ENTITY RECORDS SCORE COMPLETENESS VALIDITY DUP_EMAIL DUP_PHONE
 *          EMAIL_WITH PHONE_WITH STALE\n
 * every share in parts per million and the score in hundredths.
 */
#include "quality_cache.h"
#include "quality.h"
#include "rec.h"
#include "util.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define QSUM_META "console_quality"

/* The reference day as check.h chooses it: STEWARD_TODAY, else today (UTC). */
static void
reference_day(char out[11])
{
	const char *env = getenv("STEWARD_TODAY");
	if (env && strlen(env) == 10) {
		memcpy(out, env, 10);
		out[10] = '\0';
		return;
	}
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

char *
stw_qsum_key(stw_ws *ws, const stw_rules *rules)
{
	sqlite3_stmt *st;
	if (stw_ws_prepare(ws, "SELECT coalesce(max(id), 0) FROM rec", &st, NULL) != STW_OK)
		return NULL;
	int64_t last = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	if (last < 0)
		return NULL;
	char *head = stw_ws_meta_get(ws, "audit_head");
	char day[11];
	reference_day(day);
	char *key = stw_xasprintf("v1 %s %" PRId64 " %s %s", head && *head ? head : "-", last,
	                          rules && rules->sha256[0] ? rules->sha256 : "-", day);
	free(head);
	return key;
}

static int64_t
ppm(double share)
{
	return (int64_t)(share * 1e6 + 0.5);
}

bool
stw_qsum_get(stw_ws *ws, const char *key, stw_qsum *out)
{
	memset(out, 0, sizeof *out);
	if (!key)
		return false;
	char *v = stw_ws_meta_get(ws, QSUM_META);
	if (!v)
		return false;
	size_t klen = strlen(key);
	bool ok = strncmp(v, key, klen) == 0 && v[klen] == '\n';
	const char *p = ok ? v + klen + 1 : "";
	while (ok && *p && out->n < 2) {
		stw_qsum_entity *e = &out->e[out->n];
		int64_t score, c, val, de, dp, st;
		int used = 0;
		if (sscanf(p, "%15s %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64
		              " %" SCNd64 " %" SCNd64 " %" SCNd64 " %" SCNd64 "\n%n",
		           e->entity, &e->records, &score, &c, &val, &de, &dp, &e->email_with,
		           &e->phone_with, &st, &used) != 10 || used == 0) {
			ok = false;
			break;
		}
		e->score = (double)score / 100.0;
		e->completeness = (double)c / 1e6;
		e->validity = (double)val / 1e6;
		e->dup_email = (double)de / 1e6;
		e->dup_phone = (double)dp / 1e6;
		e->stale = (double)st / 1e6;
		out->n++;
		p += used;
	}
	if (ok) {
		/* The key ends with the reference day. */
		snprintf(out->today, sizeof out->today, "%s", klen >= 10 ? key + klen - 10 : "");
	} else {
		memset(out, 0, sizeof *out);
	}
	free(v);
	return ok;
}

void
stw_qsum_store(stw_ws *ws, const char *key, const stw_quality_report *r, stw_qsum *out)
{
	stw_qsum local;
	if (!out)
		out = &local;
	memset(out, 0, sizeof *out);
	stw_buf b = STW_BUF_INIT;
	stw_buf_printf(&b, "%s\n", key ? key : "");
	for (size_t i = 0; i < r->nentities && out->n < 2; i++) {
		const stw_quality *q = &r->entities[i].now;
		stw_qsum_entity *s = &out->e[out->n++];
		snprintf(s->entity, sizeof s->entity, "%s", r->entities[i].entity);
		s->records = q->records;
		s->score = q->score;
		s->completeness = q->completeness;
		s->validity = q->validity;
		s->dup_email = q->dup_email;
		s->dup_phone = q->dup_phone;
		s->email_with = q->email_with;
		s->phone_with = q->phone_with;
		s->stale = q->stale_rate;
		stw_buf_printf(&b, "%s %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64
		                   " %" PRId64 " %" PRId64 " %" PRId64 " %" PRId64 "\n",
		               s->entity, s->records, (int64_t)(s->score * 100 + 0.5),
		               ppm(s->completeness), ppm(s->validity), ppm(s->dup_email),
		               ppm(s->dup_phone), s->email_with, s->phone_with, ppm(s->stale));
	}
	snprintf(out->today, sizeof out->today, "%s", r->today);
	if (key) {
		stw_error ignored; /* read-only or busy: the figures are right all the same */
		(void)stw_ws_meta_set(ws, QSUM_META, b.data, &ignored);
	}
	stw_buf_free(&b);
}

stw_err
stw_qsum_build(stw_ws *ws, const stw_rules *rules, const char *key, stw_qsum *out,
               stw_error *err)
{
	memset(out, 0, sizeof *out);
	stw_err e = stw_rec_sync(ws, NULL, err);
	if (e != STW_OK)
		return e;
	stw_quality_report r;
	if ((e = stw_quality_build(ws, rules, &r, err)) != STW_OK)
		return e;
	stw_qsum_store(ws, key, &r, out);
	stw_quality_report_free(&r);
	return STW_OK;
}
