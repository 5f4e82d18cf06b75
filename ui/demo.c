/*
 * steward demo (see demo.h). Works offline: the sample is either shipped
 * (sample-db/) or generated on the spot with the built-in generator.
 */
#include "demo.h"
#include "import.h"
#include "match.h"
#include "rules.h"
#include "sample.h"
#include "standardize.h"
#include "util.h"
#include "ws.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef STEWARD_SAMPLE_DIR
#define STEWARD_SAMPLE_DIR "sample-db"
#endif

static const char *const sample_files[] = {"contacts.csv", "companies.csv", NULL};

static bool
exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode);
}

/*
 * The folder holding the shipped sample, or NULL: STEWARD_SAMPLE_DIR when it
 * is set (and only it), else beside the sources of this build, else where
 * meson installs it.
 */
static const char *
sample_dir(void)
{
	const char *env = getenv("STEWARD_SAMPLE_DIR");
	const char *dirs[] = {env, STEWARD_SAMPLE_DIR, STEWARD_SAMPLE_INSTALL_DIR, NULL};
	int ndirs = env && *env ? 1 : 3;
	for (int i = 0; i < ndirs; i++) {
		if (!dirs[i] || !*dirs[i])
			continue;
		char *p = stw_xasprintf("%s/contacts.csv", dirs[i]);
		bool ok = exists(p);
		free(p);
		if (ok)
			return dirs[i];
	}
	return NULL;
}

static int
copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb");
	if (!in)
		return -1;
	FILE *out = fopen(to, "wb");
	if (!out) {
		fclose(in);
		return -1;
	}
	char buf[65536];
	size_t n;
	int rc = 0;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, n, out) != n) {
			rc = -1;
			break;
		}
	if (ferror(in))
		rc = -1;
	fclose(in);
	if (fclose(out) != 0)
		rc = -1;
	return rc;
}

static void
remove_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		char *p = stw_xasprintf("%s/%s", dir, e->d_name);
		unlink(p);
		free(p);
	}
	closedir(d);
	rmdir(dir);
}

/*
 * Puts the sample CSVs into dir; *n receives how many, *note (owned) a line
 * for the welcome screen saying where they came from.
 */
static int
prepare_sample(const char *dir, char **csv, int *n, char **note)
{
	*n = 0;
	const char *src = sample_dir();
	if (src) {
		*note = stw_xasprintf("The data: contacts.csv and companies.csv from %s", src);
		for (int i = 0; sample_files[i]; i++) {
			char *from = stw_xasprintf("%s/%s", src, sample_files[i]);
			if (exists(from)) {
				char *to = stw_xasprintf("%s/%s", dir, sample_files[i]);
				if (copy_file(from, to) != 0) {
					fprintf(stderr, "steward demo: cannot copy %s: %s\n", from, strerror(errno));
					free(from);
					free(to);
					return 1;
				}
				csv[(*n)++] = to;
			}
			free(from);
		}
		return 0;
	}
	/* No sample-db anywhere: the built-in generator writes the same
	 * contacts.csv (the seed and rates of generate.sh); no companies. */
	*note = stw_xasprintf("sample-db/ was not found: its 2,000 contacts, generated afresh");
	fprintf(stderr, "steward demo: sample-db/ not found; generating a sample instead\n");
	stw_sample_opts so;
	stw_sample_opts_init(&so);
	so.rows = 2000;
	so.seed = 2026;
	char *to = stw_xasprintf("%s/contacts.csv", dir);
	stw_error err;
	if (stw_sample_write(&so, to, NULL, &err) != STW_OK) {
		fprintf(stderr, "steward demo: %s\n", err.msg);
		free(to);
		return 1;
	}
	csv[(*n)++] = to;
	return 0;
}

static int
build_workspace(const char *ws_path, char **csv, int n, const ui_console_opts *o)
{
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, ws_path, STW_WS_CREATE, &err) != STW_OK) {
		fprintf(stderr, "steward demo: %s\n", err.msg);
		return 1;
	}
	stw_rules *rules = NULL;
	int status = 0;
	if (stw_rules_load(o->rules, &rules, &err) != STW_OK) {
		fprintf(stderr, "steward demo: %s\n", err.msg);
		status = 1;
	}
	/* Each import checks its rows against the rules as it loads them. */
	for (int i = 0; i < n && status == 0; i++) {
		stw_import_opts io = {0};
		io.header = -1;
		io.steward = o->steward;
		io.check = true;
		io.rules = rules;
		stw_import_result res;
		fprintf(stderr, "steward demo: importing and checking %s\n", strrchr(csv[i], '/') + 1);
		if (stw_import_file(ws, csv[i], &io, &res, &err) != STW_OK) {
			fprintf(stderr, "steward demo: %s\n", err.msg);
			status = 1;
		} else {
			stw_import_result_free(&res);
		}
	}
	if (status == 0 && stw_check_new(ws, rules, NULL, &err) != STW_OK) {
		fprintf(stderr, "steward demo: %s\n", err.msg);
		status = 1;
	}
	if (status == 0) {
		fprintf(stderr, "steward demo: matching\n");
		stw_match_opts mo = {0};
		stw_match_result mr;
		if (stw_match_run(ws, rules, &mo, &mr, &err) != STW_OK) {
			fprintf(stderr, "steward demo: %s\n", err.msg);
			status = 1;
		}
	}
	stw_rules_free(rules);
	stw_ws_close(ws);
	return status;
}

int
ui_demo_run(ui_console_opts *o, bool keep)
{
	const char *tmp = getenv("TMPDIR");
	char *dir = stw_xasprintf("%s/steward-demo.XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "steward demo: cannot create a temporary folder: %s\n", strerror(errno));
		free(dir);
		return 1;
	}
	char *csv[4] = {0};
	int n = 0;
	char *note = NULL;
	char *ws_path = stw_xasprintf("%s/demo.steward", dir);
	int status = prepare_sample(dir, csv, &n, &note);
	if (status == 0)
		status = build_workspace(ws_path, csv, n, o);
	if (status == 0) {
		o->path = ws_path;
		o->welcome = true;
		o->note = note;
		status = ui_console_run(o);
		o->note = NULL;
	}
	if (keep)
		fprintf(stderr, "steward demo: the workspace is kept in %s\n", ws_path);
	else
		remove_dir(dir);
	for (int i = 0; i < n; i++)
		free(csv[i]);
	free(note);
	free(ws_path);
	free(dir);
	return status;
}
