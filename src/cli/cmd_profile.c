/*
 * steward profile WORKSPACE: the quality report, as text, JSON or one
 * self-contained HTML file (see quality.h for what every number means).
 */
#include "cli.h"
#include "quality.h"
#include "quality_cache.h"
#include "rec.h"
#include "rules.h"
#include "util.h"
#include "ws.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Writes text to path through a temporary file renamed when complete. */
static int
write_file(const char *path, const stw_buf *b)
{
	char *tmp = stw_xasprintf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f) {
		cli_error("%s: cannot create: %s", tmp, strerror(errno));
		free(tmp);
		return 1;
	}
	bool ok = fwrite(b->data, 1, b->len, f) == b->len;
	ok = fclose(f) == 0 && ok;
	if (!ok || rename(tmp, path) != 0) {
		cli_error("%s: cannot write: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return 1;
	}
	free(tmp);
	return 0;
}

static int
run(int argc, char **argv)
{
	const char *rules_path = NULL, *json = NULL, *html = NULL;
	const cli_opt opts[] = {
		{"rules", true, &rules_path, NULL, NULL},
		{"json", false, &json, NULL, NULL},
		{"html", true, &html, NULL, NULL},
		{NULL, false, NULL, NULL, NULL},
	};
	const char *pos[1];
	int npos;
	int rc = cli_parse(&cmd_profile, argc, argv, opts, pos, 1, &npos);
	if (rc)
		return rc;
	if (npos != 1)
		return cli_usage(&cmd_profile, "needs a workspace");
	stw_error err;
	stw_rules *rules;
	if (stw_rules_load(rules_path, &rules, &err) != STW_OK)
		return cli_fail(&err);
	stw_ws *ws;
	if (stw_ws_open(&ws, pos[0], 0, &err) != STW_OK) {
		stw_rules_free(rules);
		return cli_fail(&err);
	}
	stw_quality_report r;
	stw_err e = stw_rec_sync(ws, NULL, &err);
	/* The console's dashboard shows these figures while the data stays. */
	char *key = e == STW_OK ? stw_qsum_key(ws, rules) : NULL;
	if (e == STW_OK)
		e = stw_quality_build(ws, rules, &r, &err);
	if (e == STW_OK)
		stw_qsum_store(ws, key, &r, NULL);
	free(key);
	if (e == STW_OK && (e = stw_ws_meta_set(ws, "rules_sha256", rules->sha256, &err)) == STW_OK)
		e = stw_ws_meta_set(ws, "rules_file", rules->file, &err);
	stw_ws_close(ws);
	stw_rules_free(rules);
	if (e != STW_OK)
		return cli_fail(&err);
	int status = 0;
	if (html) {
		stw_buf b = STW_BUF_INIT;
		stw_quality_html(&r, &b);
		status = write_file(html, &b);
		stw_buf_free(&b);
		if (!status && !json)
			printf("%s: quality report written\n", html);
	}
	if (json) {
		stw_buf b = STW_BUF_INIT;
		stw_quality_json(&r, &b);
		fwrite(b.data, 1, b.len, stdout);
		stw_buf_free(&b);
	} else if (!html) {
		stw_quality_text(&r, stdout, cli_put_safe);
	}
	stw_quality_report_free(&r);
	return status;
}

const cli_cmd cmd_profile = {
	.name = "profile",
	.usage = "steward profile WORKSPACE [--rules FILE] [--json] [--html FILE]",
	.help =
	"The quality report of the active records: per field the filled and valid\n"
	"shares, the number of distinct values, the top value patterns (A capital,\n"
	"a small letter, 9 digit) and top values; for the whole set the exact\n"
	"duplicate rates of e-mail and phone, the stale and placeholder shares and\n"
	"an overall score:\n"
	"  score = 100 x (0.35 completeness + 0.35 validity + 0.15 uniqueness\n"
	"                 + 0.15 freshness)\n"
	"When decisions have changed records, the figures before them are shown\n"
	"beside the current ones. Set STEWARD_TODAY=YYYY-MM-DD to measure staleness\n"
	"on another day.\n"
	"\n"
	"options:\n"
	"  --rules FILE   the rule set (default: the built-in rules/default.yaml)\n"
	"  --json         one JSON document on stdout\n"
	"  --html FILE    write one self-contained HTML page (charts in inline SVG,\n"
	"                 no external files, works offline)\n",
	.run = run,
};
