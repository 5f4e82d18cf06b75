/*
 * The workspace the validation, standardization and quality tests share:
 * tests/fixtures/quality_contacts.csv imported, current values built and
 * the default rules loaded, on a fixed day (see test_quality.c for the
 * numbers the fixture gives). Included by one test file per executable.
 */
#ifndef STW_TEST_QUALITY_FIXTURE_H
#define STW_TEST_QUALITY_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import.h"
#include "rec.h"
#include "rules.h"
#include "ws.h"

static char dir[64];
static stw_ws *ws;
static stw_rules *rules;

static void
setup(void)
{
	setenv("STEWARD_TODAY", "2026-01-01", 1);
	strcpy(dir, "/tmp/stw-fixture-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char wsp[128], csv[512];
	snprintf(wsp, sizeof wsp, "%s/q.steward", dir);
	snprintf(csv, sizeof csv, "%s/quality_contacts.csv", getenv("FIXTURES"));
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, wsp, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	stw_import_opts o = {.header = -1};
	stw_import_result res;
	cr_assert_eq(stw_import_file(ws, csv, &o, &res, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&res);
	cr_assert_eq(stw_rec_sync(ws, NULL, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(stw_rules_load(NULL, &rules, &err), STW_OK, "%s", err.msg);
}

static void
teardown(void)
{
	stw_rules_free(rules);
	stw_ws_close(ws);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

#endif
