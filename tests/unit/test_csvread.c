#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csvread.h"

static char path[64];

static void
write_file(const char *data, size_t n)
{
	strcpy(path, "/tmp/stw-csvread-XXXXXX");
	int fd = mkstemp(path);
	cr_assert(fd >= 0);
	cr_assert_eq(write(fd, data, n), (ssize_t)n);
	close(fd);
}

typedef struct {
	int  n;
	long line[16], end[16];
	size_t nf[16];
	char field[16][4][64];
	char bad[16][160];
} rows_t;

static rows_t
read_all(const char *data, size_t n, const char *enc, bool trusted)
{
	write_file(data, n);
	stw_dialect d;
	stw_dialect_sniff(data, n, true, &d);
	d.delimiter = ',';
	d.quote = '"';
	stw_decoder *dec;
	cr_assert_eq(stw_decoder_open(&dec, enc, NULL), STW_OK);
	stw_csv *r;
	cr_assert_eq(stw_csv_open(&r, path, &d, dec, true, trusted, NULL), STW_OK);
	rows_t out;
	memset(&out, 0, sizeof out);
	stw_csv_row row;
	while (stw_csv_next(r, &row, NULL) == 1 && out.n < 16) {
		out.line[out.n] = row.line;
		out.end[out.n] = row.end_line;
		out.nf[out.n] = row.n;
		for (size_t i = 0; i < row.n && i < 4; i++)
			snprintf(out.field[out.n][i], 64, "%s", row.v[i]);
		if (row.bad)
			snprintf(out.bad[out.n], 160, "%s", row.bad);
		out.n++;
	}
	stw_csv_close(r);
	stw_decoder_free(dec);
	unlink(path);
	return out;
}

#define READ(s, enc) read_all(s, sizeof(s) - 1, enc, false)

Test(csvread, physical_line_numbers_with_multiline_fields)
{
	rows_t r = READ("id,note\r\n1,\"two\r\nlines\"\r\n\r\n2,plain\r\n3,\"a,b\"\"c\"\r\n", "utf-8");
	cr_assert_eq(r.n, 4);
	cr_assert_eq(r.line[1], 2);
	cr_assert_eq(r.end[1], 3);
	cr_assert_str_eq(r.field[1][1], "two\r\nlines");
	cr_assert_eq(r.line[2], 5, "the blank line 4 is skipped");
	cr_assert_eq(r.line[3], 6);
	cr_assert_str_eq(r.field[3][1], "a,b\"c");
}

Test(csvread, keeps_spaces_and_empty_fields)
{
	rows_t r = READ("a,b,c\n  x , ,\n", "utf-8");
	cr_assert_eq(r.n, 2);
	cr_assert_eq(r.nf[1], 3);
	cr_assert_str_eq(r.field[1][0], "  x ");
	cr_assert_str_eq(r.field[1][1], " ");
	cr_assert_str_eq(r.field[1][2], "");
}

Test(csvread, cr_only_and_missing_final_newline)
{
	rows_t r = READ("a,b\r1,2\r3,4", "utf-8");
	cr_assert_eq(r.n, 3);
	cr_assert_eq(r.line[2], 3);
	cr_assert_str_eq(r.field[2][1], "4");
}

/* Rows with and without quotes, one after the other, in every line ending:
 * a row written plainly and the same row quoted read the same. */
Test(csvread, plain_and_quoted_rows_read_alike)
{
	rows_t r = READ("a,b,c\r\nx, y ,\n\"x\",\" y \",\"\"\rab\"c,d,e\r\n,,\n", "utf-8");
	cr_assert_eq(r.n, 5);
	for (int i = 1; i <= 2; i++) {
		cr_assert_eq(r.nf[i], 3, "row %d", i);
		cr_assert_str_eq(r.field[i][0], "x", "row %d", i);
		cr_assert_str_eq(r.field[i][1], " y ", "row %d", i);
		cr_assert_str_eq(r.field[i][2], "", "row %d", i);
		cr_assert_eq(r.line[i], i + 1);
	}
	cr_assert_str_eq(r.field[3][0], "ab\"c", "a stray quote inside a plain field is kept");
	cr_assert_str_eq(r.field[3][2], "e");
	cr_assert_eq(r.nf[4], 3);
	cr_assert_str_eq(r.field[4][1], "");
}

Test(csvread, bom_is_skipped)
{
	rows_t r = READ("\xef\xbb\xbfId,Name\n1,Ann\n", "utf-8");
	cr_assert_str_eq(r.field[0][0], "Id");
}

Test(csvread, nul_byte_marks_only_its_row)
{
	static const char data[] = "a,b\n1,x\0y\n2,ok\n";
	rows_t r = read_all(data, sizeof data - 1, "utf-8", false);
	cr_assert_eq(r.n, 3);
	cr_assert(strstr(r.bad[1], "NUL byte on line 2, column 4"), "%s", r.bad[1]);
	cr_assert_eq(r.bad[2][0], '\0');
}

Test(csvread, undecodable_byte_marks_its_row)
{
	rows_t r = READ("a,b\n1,M\x81ller\n2,M\xfcller\n", "windows-1252");
	cr_assert_eq(r.n, 3);
	cr_assert(strstr(r.bad[1], "0x81"), "%s", r.bad[1]);
	cr_assert(strstr(r.bad[1], "line 2, column 4"), "%s", r.bad[1]);
	cr_assert_str_eq(r.field[2][1], "M\xc3\xbcller");
}

Test(csvread, unterminated_quote_keeps_the_rest_of_the_file)
{
	rows_t r = READ("a,b\n1,\"oops\n2,fine\n3,also fine\n", "utf-8");
	cr_assert_eq(r.n, 4);
	cr_assert(strstr(r.bad[1], "unterminated quoted field opened on line 2"), "%s", r.bad[1]);
	cr_assert_eq(r.line[2], 3);
	cr_assert_str_eq(r.field[2][1], "fine");
	cr_assert_eq(r.line[3], 4);
	cr_assert_str_eq(r.field[3][1], "also fine");
}

Test(csvread, a_field_of_several_megabytes)
{
	size_t big = 5u << 20;
	char *data = malloc(big + 64);
	strcpy(data, "a,b\n1,\"");
	size_t n = strlen(data);
	for (size_t i = 0; i < big; i++)
		data[n++] = (char)('a' + i % 26);
	memcpy(data + n, "\"\n2,x\n", 6);
	n += 6;
	write_file(data, n);
	stw_dialect d = {.delimiter = ',', .quote = '"'};
	stw_decoder *dec;
	stw_decoder_open(&dec, "utf-8", NULL);
	stw_csv *r;
	cr_assert_eq(stw_csv_open(&r, path, &d, dec, false, true, NULL), STW_OK);
	stw_csv_row row;
	cr_assert_eq(stw_csv_next(r, &row, NULL), 1);
	cr_assert_eq(stw_csv_next(r, &row, NULL), 1);
	cr_assert_eq(row.len[1], big);
	cr_assert_eq(stw_csv_next(r, &row, NULL), 1);
	cr_assert_str_eq(row.v[1], "x");
	cr_assert_eq(row.line, 3);
	cr_assert_eq(stw_csv_next(r, &row, NULL), 0);
	stw_csv_close(r);
	stw_decoder_free(dec);
	unlink(path);
	free(data);
}
