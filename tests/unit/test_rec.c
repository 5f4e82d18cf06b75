#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import.h"
#include "rec.h"
#include "ws.h"

static char dir[64];
static stw_ws *ws;

static void
setup(void)
{
	strcpy(dir, "/tmp/stw-rec-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	char csv[128], wsp[128];
	snprintf(csv, sizeof csv, "%s/c.csv", dir);
	snprintf(wsp, sizeof wsp, "%s/c.steward", dir);
	FILE *f = fopen(csv, "w");
	fputs("Id,FirstName,LastName,Email,Notes\n1,Ann,Lee,ann@x.com,n1\n2,Bo,Ng,,n2\n", f);
	fclose(f);
	stw_error err;
	cr_assert_eq(stw_ws_open(&ws, wsp, STW_WS_CREATE, &err), STW_OK, "%s", err.msg);
	stw_import_opts o = {.header = -1};
	stw_import_result res;
	cr_assert_eq(stw_import_file(ws, csv, &o, &res, &err), STW_OK, "%s", err.msg);
	stw_import_result_free(&res);
}

static void
teardown(void)
{
	stw_ws_close(ws);
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(rec, .init = setup, .fini = teardown);

Test(rec, import_fills_current_values)
{
	int64_t added;
	stw_error err;
	cr_assert_eq(stw_rec_sync(ws, &added, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(added, 0, "the import already wrote rec");
	char *v;
	cr_assert_eq(stw_rec_get(ws, 2, "last_name", &v, &err), STW_OK);
	cr_assert_str_eq(v, "Ng");
	free(v);
}

Test(rec, sync_maps_columns_once)
{
	int64_t added;
	stw_error err;
	/* A workspace whose records have no current values yet. */
	cr_assert_eq(sqlite3_exec(stw_ws_db(ws), "DELETE FROM rec", NULL, NULL, NULL), SQLITE_OK);
	cr_assert_eq(stw_rec_sync(ws, &added, &err), STW_OK, "%s", err.msg);
	cr_assert_eq(added, 2);
	cr_assert_eq(stw_rec_sync(ws, &added, &err), STW_OK);
	cr_assert_eq(added, 0, "a second sync adds nothing");
	char *v;
	cr_assert_eq(stw_rec_get(ws, 1, "email", &v, &err), STW_OK);
	cr_assert_str_eq(v, "ann@x.com");
	free(v);
	cr_assert_eq(stw_rec_get(ws, 2, "email", &v, &err), STW_OK);
	cr_assert_null(v, "an empty value reads as NULL");
	cr_assert_eq(stw_rec_get(ws, 9, "email", &v, &err), STW_ENOENT);
	cr_assert_eq(stw_rec_get(ws, 1, "colour", &v, &err), STW_EUSAGE);
}

Test(rec, set_logs_and_revert_restores)
{
	stw_error err;
	cr_assert_eq(stw_rec_sync(ws, NULL, &err), STW_OK);
	cr_assert_eq(stw_ws_begin(ws, &err), STW_OK);
	int64_t ch;
	cr_assert_eq(stw_rec_set(ws, 1, "first_name", "Anne", 0, &ch, &err), STW_OK, "%s", err.msg);
	cr_assert_gt(ch, 0);
	int64_t same;
	cr_assert_eq(stw_rec_set(ws, 1, "first_name", "Anne", 0, &same, &err), STW_OK);
	cr_assert_eq(same, 0, "an unchanged value records nothing");
	char *v;
	stw_rec_get(ws, 1, "first_name", &v, &err);
	cr_assert_str_eq(v, "Anne");
	free(v);
	cr_assert_eq(stw_rec_revert(ws, ch, &err), STW_OK, "%s", err.msg);
	stw_rec_get(ws, 1, "first_name", &v, &err);
	cr_assert_str_eq(v, "Ann");
	free(v);
	cr_assert_eq(stw_rec_revert(ws, ch, &err), STW_ENOENT, "a change is reverted once");
	cr_assert_eq(stw_ws_commit(ws, &err), STW_OK);
}
