/*
 * The import's reading thread hands over every row in order, with the
 * reasons, storage form and offsets the loader relies on, across batch
 * boundaries and past a row larger than a batch; and it stops cleanly.
 */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fields.h"
#include "import_feed.h"
#include "util.h"

#define ROWS 5000
#define RAGGED 1024     /* data row with a field missing: the first batch's last */
#define STRAY 3000      /* data row opening a quote the next line closes */
#define HUGE_ROW 4000   /* data row with a 5 MB field: cuts its batch early */
#define HUGE_LEN ((size_t)5 << 20)

static char path[64];
static stw_buf file = STW_BUF_INIT;

/* Writes the file; lines[i]: the physical line data row i starts on. */
static void
write_csv(long *lines)
{
	stw_buf_reset(&file);
	stw_buf_adds(&file, "id,name,note\n");
	long line = 2;
	for (int i = 0; i < ROWS; i++) {
		lines[i] = line;
		if (i == RAGGED)
			stw_buf_printf(&file, "%d,only two\n", i);
		else if (i == STRAY)
			stw_buf_printf(&file, "%d,\"open\n", i);
		else if (i == STRAY + 1) /* closes the quote: 4 fields over two lines */
			stw_buf_printf(&file, "%d,x\",a,b\n", i);
		else if (i == HUGE_ROW) {
			stw_buf_printf(&file, "%d,big,", i);
			for (size_t k = 0; k < HUGE_LEN; k++)
				stw_buf_addc(&file, 'x');
			stw_buf_addc(&file, '\n');
		} else
			stw_buf_printf(&file, "%d,\"Name \"\"%d\"\"\",note %d\n", i, i, i);
		line++;
	}
	strcpy(path, "/tmp/stw-feed-XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, file.data, file.len), (ssize_t)file.len);
	close(fd);
}

static stw_csv *
open_csv(stw_decoder **dec)
{
	stw_dialect d;
	stw_dialect_sniff(file.data, 4096, false, &d);
	d.delimiter = ',';
	d.quote = '"';
	d.has_header = true;
	cr_assert_eq(stw_decoder_open(dec, "utf-8", NULL), STW_OK);
	stw_csv *csv;
	cr_assert_eq(stw_csv_open(&csv, path, &d, *dec, false, false, NULL), STW_OK);
	stw_csv_row hdr;
	cr_assert_eq(stw_csv_next(csv, &hdr, NULL), 1);
	cr_assert_eq(hdr.n, 3);
	return csv;
}

Test(import_feed, every_row_in_order)
{
	long lines[ROWS];
	write_csv(lines);
	stw_decoder *dec;
	stw_csv *csv = open_csv(&dec);
	stw_feed *f;
	stw_error err;
	cr_assert_eq(stw_feed_start(&f, csv, 3, true, &err), STW_OK);

	stw_buf json = STW_BUF_INIT;
	uint64_t last_offset = 0;
	int i = 0, got;
	stw_feed_row r;
	while ((got = stw_feed_next(f, &r, &err)) == 1) {
		cr_assert_lt(i, ROWS);
		cr_assert_geq(r.offset, last_offset, "row %d: offsets go back", i);
		last_offset = r.offset;
		int k = i;
		cr_assert_eq(r.row.line, lines[k], "row %d starts on line %ld, not %ld", k,
		             r.row.line, lines[k]);
		char id[16];
		snprintf(id, sizeof id, "%d", k);
		cr_assert_str_eq(r.row.v[0], id);
		if (k == RAGGED || k == STRAY || k == STRAY + 1) {
			cr_assert_not_null(r.why, "row %d kept", k);
			cr_assert_null(r.json);
			cr_assert_eq(r.row.end_line, r.row.line, "row %d: one line kept", k);
			cr_assert(r.row.raw_len > 0 && memcmp(r.row.raw, id, strlen(id)) == 0);
			if (k == RAGGED)
				cr_assert_str_eq(r.why, "2 fields where the header has 3");
			else if (k == STRAY + 1) /* read again on its own once cut from the stray quote */
				cr_assert_str_eq(r.why, "4 fields where the header has 3");
			else
				cr_assert(strstr(r.why, "a quote opened on line") != NULL, "%s", r.why);
		} else {
			cr_assert_null(r.why, "row %d: %s", k, r.why);
			cr_assert_eq(r.row.n, 3);
			if (k == HUGE_ROW)
				cr_assert_eq(r.row.len[2], HUGE_LEN);
			else {
				char name[32];
				snprintf(name, sizeof name, "Name \"%d\"", k);
				cr_assert_str_eq(r.row.v[1], name);
			}
			stw_buf_reset(&json);
			stw_fields_encode(&json, r.row.v, r.row.len, r.row.n);
			cr_assert_eq(r.json_len, json.len, "row %d", k);
			cr_assert(memcmp(r.json, json.data, json.len) == 0, "row %d", k);
		}
		i++;
	}
	cr_assert_eq(got, 0, "%s", err.msg);
	cr_assert_eq(i, ROWS, "%d rows", i);
	cr_assert_eq(last_offset, file.len);
	cr_assert_eq(stw_feed_next(f, &r, &err), 0, "the end stays the end");

	stw_feed_stop(f);
	stw_csv_close(csv);
	stw_decoder_free(dec);
	stw_buf_free(&json);
	stw_buf_free(&file);
	unlink(path);
}

Test(import_feed, stops_at_any_point)
{
	long lines[ROWS];
	write_csv(lines);
	for (int stop_after = 0; stop_after <= 3000; stop_after += 1500) {
		stw_decoder *dec;
		stw_csv *csv = open_csv(&dec);
		stw_feed *f;
		cr_assert_eq(stw_feed_start(&f, csv, 3, false, NULL), STW_OK);
		stw_feed_row r;
		for (int i = 0; i < stop_after; i++) {
			cr_assert_eq(stw_feed_next(f, &r, NULL), 1);
			cr_assert_null(r.json, "no storage form unless asked for");
		}
		stw_feed_stop(f);
		stw_csv_close(csv);
		stw_decoder_free(dec);
	}
	stw_buf_free(&file);
	unlink(path);
}
