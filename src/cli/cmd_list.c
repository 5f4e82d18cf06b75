/*
 * steward clusters | pairs | findings WORKSPACE: listings as a readable
 * table, RFC 4180 CSV (--csv) or one JSON document (--json), streamed row by
 * row.
 */
#include "cli.h"
#include "jsonw.h"
#include "listing.h"
#include "rec.h"
#include "util.h"
#include "ws.h"

#include <stdlib.h>
#include <string.h>

typedef enum { OUT_TABLE, OUT_CSV, OUT_JSON } out_format;

/* Column width in the readable table. */
static int
table_width(const char *name, stw_col_type t)
{
	if (strcmp(name, "email") == 0 || strcmp(name, "message") == 0)
		return 28;
	if (strcmp(name, "name") == 0 || strcmp(name, "company") == 0 ||
	    strcmp(name, "value") == 0 || strcmp(name, "proposed_fix") == 0)
		return 22;
	if (strncmp(name, "level_", 6) == 0)
		return 12;
	if (strncmp(name, "external_id", 11) == 0 || strcmp(name, "source") == 0)
		return 20;
	if (t == STW_COL_TEXT)
		return 16;
	return (int)strlen(name) > 8 ? (int)strlen(name) : 8;
}

/* Writes s escaped and cut or padded to w columns. */
static void
put_cell(stw_buf *b, const char *s, int w)
{
	int used = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && used < w;) {
		uint32_t cp;
		size_t len = stw_utf8_next((const char *)p, 4, &cp);
		if (len == 0) {
			len = 1;
			cp = '?';
		}
		if (used == w - 1 && p[len]) {
			stw_buf_adds(b, "\xe2\x80\xa6"); /* … */
			used++;
			break;
		}
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
			stw_buf_addc(b, ' ');
		else
			stw_buf_add(b, p, len);
		used++;
		p += len;
	}
	for (; used < w; used++)
		stw_buf_addc(b, ' ');
}

static void
flush(stw_buf *b)
{
	fwrite(b->data, 1, b->len, stdout);
	stw_buf_reset(b);
}

static int
print_listing(stw_ws *ws, stw_list_kind kind, const stw_list_opts *opts, out_format fmt,
              stw_error *err)
{
	stw_list *l;
	if (stw_list_open(ws, kind, opts, &l, err) != STW_OK)
		return -1;
	size_t n = stw_list_ncols(l);
	stw_buf b = STW_BUF_INIT;
	size_t *lens = stw_xcalloc(n, sizeof *lens);
	const char **names = stw_xcalloc(n, sizeof *names);
	for (size_t i = 0; i < n; i++) {
		names[i] = stw_list_colname(l, i);
		lens[i] = strlen(names[i]);
	}
	if (fmt == OUT_CSV) {
		stw_csv_put_row(&b, names, lens, n, ',', false);
	} else if (fmt == OUT_JSON) {
		stw_buf_addc(&b, '[');
	} else {
		for (size_t i = 0; i < n; i++) {
			put_cell(&b, names[i], table_width(names[i], stw_list_coltype(l, i)));
			stw_buf_addc(&b, i + 1 < n ? ' ' : '\n');
		}
	}
	const char *const *v;
	int got;
	long rows = 0;
	while ((got = stw_list_next(l, &v, err)) == 1) {
		if (fmt == OUT_CSV) {
			for (size_t i = 0; i < n; i++)
				lens[i] = strlen(v[i]);
			stw_csv_put_row(&b, v, lens, n, ',', false);
		} else if (fmt == OUT_JSON) {
			stw_buf_adds(&b, rows ? ",\n  {" : "\n  {");
			for (size_t i = 0; i < n; i++) {
				if (i)
					stw_buf_adds(&b, ", ");
				stw_json_str(&b, names[i]);
				stw_buf_adds(&b, ": ");
				stw_col_type t = stw_list_coltype(l, i);
				if (t == STW_COL_BOOL)
					stw_buf_adds(&b, strcmp(v[i], "1") == 0 ? "true" : "false");
				else if (t != STW_COL_TEXT)
					stw_buf_adds(&b, *v[i] ? v[i] : "null");
				else
					stw_json_str(&b, v[i]);
			}
			stw_buf_addc(&b, '}');
		} else {
			for (size_t i = 0; i < n; i++) {
				put_cell(&b, v[i], table_width(names[i], stw_list_coltype(l, i)));
				stw_buf_addc(&b, i + 1 < n ? ' ' : '\n');
			}
		}
		rows++;
		if (b.len > 65536)
			flush(&b);
	}
	if (fmt == OUT_JSON)
		stw_buf_adds(&b, rows ? "\n]\n" : "]\n");
	else if (fmt == OUT_TABLE)
		stw_buf_printf(&b, "(%ld row%s)\n", rows, rows == 1 ? "" : "s");
	flush(&b);
	stw_buf_free(&b);
	free(lens);
	free(names);
	stw_list_close(l);
	return got < 0 ? -1 : 0;
}

static int
run_listing(const cli_cmd *cmd, stw_list_kind kind, int argc, char **argv)
{
	const char *csv = NULL, *json = NULL, *status = NULL, *min = NULL, *rule = NULL;
	cli_opt opts[6] = {
		{"csv", false, &csv, NULL, NULL},
		{"json", false, &json, NULL, NULL},
	};
	int k = 2;
	if (kind == STW_LIST_CLUSTERS)
		opts[k++] = (cli_opt){"status", true, &status, NULL, NULL};
	if (kind == STW_LIST_PAIRS)
		opts[k++] = (cli_opt){"min-score", true, &min, NULL, NULL};
	if (kind == STW_LIST_FINDINGS)
		opts[k++] = (cli_opt){"rule", true, &rule, NULL, NULL};
	const char *pos[1];
	int npos;
	int rc = cli_parse(cmd, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(cmd, "needs a workspace");
	if (csv && json)
		return cli_usage(cmd, "--csv and --json contradict each other");
	stw_list_opts lo = {status, 0.0, rule};
	if (min) {
		char *end;
		lo.min_score = strtod(min, &end);
		if (end == min || *end || lo.min_score < 0 || lo.min_score > 1)
			return cli_usage(cmd, "--min-score takes a probability from 0 to 1, not '%s'", min);
	}
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], STW_WS_READONLY, &err) != STW_OK)
		return cli_fail(&err);
	rc = print_listing(ws, kind, &lo, csv ? OUT_CSV : json ? OUT_JSON : OUT_TABLE, &err);
	stw_ws_close(ws);
	if (rc != 0)
		return cli_fail(&err);
	return 0;
}

static int
run_clusters(int argc, char **argv)
{
	return run_listing(&cmd_clusters, STW_LIST_CLUSTERS, argc, argv);
}

static int
run_pairs(int argc, char **argv)
{
	return run_listing(&cmd_pairs, STW_LIST_PAIRS, argc, argv);
}

static int
run_findings(int argc, char **argv)
{
	return run_listing(&cmd_findings, STW_LIST_FINDINGS, argc, argv);
}

#define FORMATS \
	"  --csv      RFC 4180 CSV with a header row (UTF-8, CRLF)\n" \
	"  --json     one JSON document: an array of objects with the same names\n" \
	"(default: a readable table)\n"

const cli_cmd cmd_clusters = {
	.name = "clusters",
	.usage = "steward clusters WORKSPACE [--status open|accepted|rejected|deferred|all] [--csv|--json]",
	.help =
	"Lists duplicate clusters, one row per member: cluster_id, cluster_status,\n"
	"min_score and max_score (match probability of the cluster's weakest and\n"
	"strongest link), flagged (held together by weak chains), record_id, source,\n"
	"line, external_id, name, email, phone, company.\n"
	"\n"
	"options:\n"
	"  --status S  only clusters with this status (default: all)\n" FORMATS,
	.run = run_clusters,
};

const cli_cmd cmd_pairs = {
	.name = "pairs",
	.usage = "steward pairs WORKSPACE [--min-score P] [--csv|--json]",
	.help =
	"Lists candidate pairs from the last match: record_a, record_b, line_a, line_b,\n"
	"external_id_a, external_id_b, weight (log2 likelihood ratio), probability,\n"
	"then one level_FIELD column per comparison with the level it reached.\n"
	"\n"
	"options:\n"
	"  --min-score P  only pairs with a match probability of at least P (0 to 1)\n" FORMATS,
	.run = run_pairs,
};

const cli_cmd cmd_findings = {
	.name = "findings",
	.usage = "steward findings WORKSPACE [--rule NAME] [--csv|--json]",
	.help =
	"Lists validation findings: record_id, source, line, external_id, field (the\n"
	"original header), rule, severity, value (current), proposed_fix, message.\n"
	"\n"
	"options:\n"
	"  --rule NAME  only findings of this rule\n" FORMATS,
	.run = run_findings,
};
