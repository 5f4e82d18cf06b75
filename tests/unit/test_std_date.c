/*
 * Unit tests of the date standardizers (std_date.c): the many input
 * formats, day/month ambiguity, Excel serials, epochs, the calendar and
 * Salesforce's date range, and the UTC datetime variant.
 */
#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "std.h"
#include "util.h"

typedef struct {
	const char *in;
	stw_date_order pref;
	stw_std_status st;
	const char *out; /* expected value for CHANGED/SUGGEST, else NULL */
} dcase;

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MDY STW_DATE_MDY
#define DMY STW_DATE_DMY

static void
run(const char *what, void (*fn)(const char *, stw_date_order, stw_std_result *),
    const dcase *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		stw_std_result r = {0};
		fn(c[i].in, c[i].pref, &r);
		const char *in = c[i].in ? c[i].in : "(null)";
		cr_expect_eq(r.status, c[i].st, "%s(\"%s\", %s): %s, expected %s (%s)", what,
		             in, c[i].pref == MDY ? "MDY" : "DMY", stw_std_status_name(r.status),
		             stw_std_status_name(c[i].st), r.why);
		if (c[i].out)
			cr_expect(r.value && strcmp(r.value, c[i].out) == 0,
			          "%s(\"%s\"): \"%s\", expected \"%s\"", what, in,
			          r.value ? r.value : "(null)", c[i].out);
		else
			cr_expect_null(r.value, "%s(\"%s\"): unexpected \"%s\"", what, in, r.value);
		if (r.status != STW_STD_SAME && r.status != STW_STD_EMPTY)
			cr_expect(r.why[0], "%s(\"%s\"): no reason given", what, in);
		stw_std_result_free(&r);
	}
}

Test(std_date, iso)
{
	static const dcase c[] = {
		{NULL, MDY, STW_STD_EMPTY, NULL},
		{"", MDY, STW_STD_EMPTY, NULL},
		{"  ", MDY, STW_STD_EMPTY, NULL},
		{"2021-01-05", MDY, STW_STD_SAME, NULL},
		{" 2021-01-05 ", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-1-5", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021/01/05", DMY, STW_STD_CHANGED, "2021-01-05"},
		{"2021.01.05", DMY, STW_STD_CHANGED, "2021-01-05"},
		{"20210105", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05T10:00:00", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05T10:00:00Z", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05 10:00:00", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05T10:00:00.000+0000", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05T23:30:00-0500", MDY, STW_STD_CHANGED, "2021-01-06"},
		{"2021-01-05T00:30:00+01:00", MDY, STW_STD_CHANGED, "2021-01-04"},
		{"2021-01-05T10:00", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05t10:00:00z", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-01-05X", MDY, STW_STD_INVALID, NULL},
		{"2021-01", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05-07", MDY, STW_STD_INVALID, NULL},
		{"2021-01/05", MDY, STW_STD_INVALID, NULL},
		{"2021-001-05", MDY, STW_STD_INVALID, NULL},
	};
	run("date", stw_std_date, c, N(c));
}

Test(std_date, numeric_orders)
{
	static const dcase c[] = {
		{"01/05/2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"01/05/2021", DMY, STW_STD_CHANGED, "2021-05-01"},
		{"1/5/2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"1/5/21", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"1/5/21", DMY, STW_STD_CHANGED, "2021-05-01"},
		{"12/31/99", MDY, STW_STD_CHANGED, "1999-12-31"},
		{"12/31/29", MDY, STW_STD_CHANGED, "2029-12-31"},
		{"12/31/30", MDY, STW_STD_CHANGED, "1930-12-31"},
		{"25/12/2021", MDY, STW_STD_CHANGED, "2021-12-25"},
		{"25/12/2021", DMY, STW_STD_CHANGED, "2021-12-25"},
		{"12/25/2021", DMY, STW_STD_CHANGED, "2021-12-25"},
		{"12/25/2021", MDY, STW_STD_CHANGED, "2021-12-25"},
		{"05/05/2021", DMY, STW_STD_CHANGED, "2021-05-05"},
		{"05.01.2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5.1.2021", DMY, STW_STD_CHANGED, "2021-01-05"},
		{"31.12.2021", MDY, STW_STD_CHANGED, "2021-12-31"},
		{"01-05-2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"01-05-2021", DMY, STW_STD_CHANGED, "2021-05-01"},
		{"13/13/2021", MDY, STW_STD_INVALID, NULL},
		{"0/5/2021", MDY, STW_STD_INVALID, NULL},
		{"1/5/202", MDY, STW_STD_INVALID, NULL},
		{"1/5", MDY, STW_STD_INVALID, NULL},
		{"1/5-2021", MDY, STW_STD_INVALID, NULL},
		{"1.5", MDY, STW_STD_INVALID, NULL},
		{"1/5/2021 10:30", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"1/5/2021 10:30 PM", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"111/5/2021", MDY, STW_STD_INVALID, NULL},
	};
	run("date", stw_std_date, c, N(c));
}

Test(std_date, month_names)
{
	static const dcase c[] = {
		{"Jan 5, 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Jan 5 2021", DMY, STW_STD_CHANGED, "2021-01-05"},
		{"January 5, 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"JANUARY 5TH, 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Jan. 5, 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Sept 30, 2021", MDY, STW_STD_CHANGED, "2021-09-30"},
		{"5 January 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5th January 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5th of January 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5 Jan 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"05-Jan-2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"05-JAN-21", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5-jan-2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"2021-Jan-05", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Tuesday, January 5, 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Tue, 5 Jan 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Tue, 05 Jan 2021 10:00:00 GMT", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"5. M\xc3\xa4rz 2021", MDY, STW_STD_CHANGED, "2021-03-05"},
		{"5 mai 2021", MDY, STW_STD_CHANGED, "2021-05-05"},
		{"12 d\xc3\xa9" "cembre 2021", MDY, STW_STD_CHANGED, "2021-12-12"},
		{"5 de enero de 2021", MDY, STW_STD_CHANGED, "2021-01-05"},
		{"Feb 29, 2020", MDY, STW_STD_CHANGED, "2020-02-29"},
		{"Feb 29, 2021", MDY, STW_STD_INVALID, NULL},
		{"January 2021", MDY, STW_STD_INVALID, NULL},
		{"Janus 5, 2021", MDY, STW_STD_INVALID, NULL},
		{"5 Foo 2021", MDY, STW_STD_INVALID, NULL},
		{"Someday", MDY, STW_STD_INVALID, NULL},
		{"Monday", MDY, STW_STD_INVALID, NULL},
	};
	run("date", stw_std_date, c, N(c));
}

Test(std_date, excel_and_epoch)
{
	static const dcase c[] = {
		{"44197", MDY, STW_STD_CHANGED, "2021-01-01"},
		{"44201", DMY, STW_STD_CHANGED, "2021-01-05"},
		{"36526", MDY, STW_STD_CHANGED, "2000-01-01"},
		{"43890", MDY, STW_STD_CHANGED, "2020-02-29"},
		{"2958465", MDY, STW_STD_INVALID, NULL}, /* 9999-12-31: past 4000 */
		{"44197.5", MDY, STW_STD_CHANGED, "2021-01-01"},
		{"1", MDY, STW_STD_SUGGEST, "1900-01-01"},
		{"59", MDY, STW_STD_SUGGEST, "1900-02-28"},
		{"60", MDY, STW_STD_INVALID, NULL},
		{"61", MDY, STW_STD_SUGGEST, "1900-03-01"},
		{"0", MDY, STW_STD_INVALID, NULL},
		{"2021", MDY, STW_STD_INVALID, NULL},
		{"1609459200000", MDY, STW_STD_CHANGED, "2021-01-01"},
		{"1609891200000", MDY, STW_STD_CHANGED, "2021-01-06"},
		{"1609459200", MDY, STW_STD_SUGGEST, "2021-01-01"},
		{"0000000000000", MDY, STW_STD_CHANGED, "1970-01-01"},
		{"123456789012", MDY, STW_STD_INVALID, NULL},
		{"12345678901234567890", MDY, STW_STD_INVALID, NULL},
		{"99999999", MDY, STW_STD_INVALID, NULL},
	};
	run("date", stw_std_date, c, N(c));
}

Test(std_date, calendar_and_range)
{
	static const dcase c[] = {
		{"2021-02-28", MDY, STW_STD_SAME, NULL},
		{"2021-02-29", MDY, STW_STD_INVALID, NULL},
		{"2020-02-29", MDY, STW_STD_SAME, NULL},
		{"2000-02-29", MDY, STW_STD_SAME, NULL},
		{"1900-02-29", MDY, STW_STD_INVALID, NULL},
		{"2021-02-30", MDY, STW_STD_INVALID, NULL},
		{"2021-04-31", MDY, STW_STD_INVALID, NULL},
		{"2021-04-30", MDY, STW_STD_SAME, NULL},
		{"2021-13-01", MDY, STW_STD_INVALID, NULL},
		{"2021-00-10", MDY, STW_STD_INVALID, NULL},
		{"2021-01-00", MDY, STW_STD_INVALID, NULL},
		{"2021-01-32", MDY, STW_STD_INVALID, NULL},
		{"1700-01-01", MDY, STW_STD_SAME, NULL},
		{"1699-12-31", MDY, STW_STD_INVALID, NULL},
		{"4000-12-31", MDY, STW_STD_SAME, NULL},
		{"4001-01-01", MDY, STW_STD_INVALID, NULL},
		{"4000-12-31T23:00:00-0200", MDY, STW_STD_INVALID, NULL},
		{"0000-01-01", MDY, STW_STD_INVALID, NULL},
		{"9999-12-31", MDY, STW_STD_INVALID, NULL},
	};
	run("date", stw_std_date, c, N(c));
}

Test(std_date, datetime)
{
	static const dcase c[] = {
		{"", MDY, STW_STD_EMPTY, NULL},
		{"2021-01-05T10:00:00Z", MDY, STW_STD_SAME, NULL},
		{"2021-01-05T10:00:00", MDY, STW_STD_SAME, NULL},
		{"2021-01-05", MDY, STW_STD_SAME, NULL},
		{"2021-01-05T10:00:00.000+0000", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00Z"},
		{"2021-01-05T10:00:00.123Z", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00Z"},
		{"2021-01-05T10:00:00+01:00", MDY, STW_STD_CHANGED, "2021-01-05T09:00:00Z"},
		{"2021-01-05T10:00:00+0100", MDY, STW_STD_CHANGED, "2021-01-05T09:00:00Z"},
		{"2021-01-05T10:00:00+01", MDY, STW_STD_CHANGED, "2021-01-05T09:00:00Z"},
		{"2021-01-05T10:00:00-05:30", MDY, STW_STD_CHANGED, "2021-01-05T15:30:00Z"},
		{"2021-01-01T00:30:00+0100", MDY, STW_STD_CHANGED, "2020-12-31T23:30:00Z"},
		{"2020-12-31T23:30:00-0100", MDY, STW_STD_CHANGED, "2021-01-01T00:30:00Z"},
		{"2020-02-28T23:00:00-0200", MDY, STW_STD_CHANGED, "2020-02-29T01:00:00Z"},
		{"2021-01-05 10:00:00", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00"},
		{"2021-01-05 10:00:00 UTC", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00Z"},
		{"2021-01-05 10:00 GMT+01:00", MDY, STW_STD_CHANGED, "2021-01-05T09:00:00Z"},
		{"1/5/2021 10:00 PM", MDY, STW_STD_CHANGED, "2021-01-05T22:00:00"},
		{"1/5/2021 12:00 AM", MDY, STW_STD_CHANGED, "2021-01-05T00:00:00"},
		{"1/5/2021 12:15 pm", MDY, STW_STD_CHANGED, "2021-01-05T12:15:00"},
		{"01/05/2021 09:30:15", DMY, STW_STD_CHANGED, "2021-05-01T09:30:15"},
		{"Jan 5, 2021 at 10:00", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00"},
		{"Tue, 05 Jan 2021 10:00:00 GMT", MDY, STW_STD_CHANGED, "2021-01-05T10:00:00Z"},
		{"1609459200000", MDY, STW_STD_CHANGED, "2021-01-01T00:00:00Z"},
		{"1609462861000", MDY, STW_STD_CHANGED, "2021-01-01T01:01:01Z"},
		{"44197.5", MDY, STW_STD_CHANGED, "2021-01-01T12:00:00"},
		{"44197.75", MDY, STW_STD_CHANGED, "2021-01-01T18:00:00"},
		{"2021-01-05T24:00:00Z", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:60:00Z", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:00:60Z", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:00:00+1500", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:00:00+01:0", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:0", MDY, STW_STD_INVALID, NULL},
		{"1/5/2021 13:00 PM", MDY, STW_STD_INVALID, NULL},
		{"2021-01-05T10:00:00Z junk", MDY, STW_STD_INVALID, NULL},
	};
	run("datetime", stw_std_datetime, c, N(c));
}

Test(std_date, reasons)
{
	stw_std_result r = {0};
	stw_std_date("01/05/2021", MDY, &r);
	cr_expect(strstr(r.why, "month/day") != NULL, "%s", r.why);
	stw_std_result_free(&r);
	stw_std_date("2021-02-30", MDY, &r);
	cr_expect(strstr(r.why, "does not exist") != NULL, "%s", r.why);
	stw_std_result_free(&r);
	stw_std_date("60", MDY, &r);
	cr_expect(strstr(r.why, "1900-02-29") != NULL, "%s", r.why);
	stw_std_result_free(&r);
	stw_std_date("1600-01-01", MDY, &r);
	cr_expect(strstr(r.why, "1700") != NULL, "%s", r.why);
	stw_std_result_free(&r);
}

Test(std_date, hostile_input)
{
	size_t n = 100000;
	char *big = stw_xmalloc(n + 1);
	memset(big, '1', n);
	big[n] = '\0';
	stw_std_result r = {0};
	stw_std_date(big, MDY, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	for (size_t i = 0; i < n; i++)
		big[i] = "2021-01-05 "[i % 11];
	big[n] = '\0';
	stw_std_datetime(big, MDY, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	memset(big, 'a', n);
	stw_std_date(big, DMY, &r);
	cr_expect_eq(r.status, STW_STD_INVALID);
	stw_std_result_free(&r);
	free(big);

	static const char *const odd[] = {
		"2021-01-05\xff", "\xff", "2021\xe2\x80\x8b-01-05", "2021-01-05\x01",
		"1/\xc3", "Jan\xc2\xa0" "5, 2021", "-1", "+2021-01-05", "2021--01-05",
		"99999999999999999999/1/1", "1/99999999999999999999/2021",
		"2021-01-05T99999999999999999999:00", "Jan 5, 99999999999999999",
		"2021-01-05T10:00:00+99999999", "44197,5", "44197.", ".5",
	};
	for (size_t i = 0; i < N(odd); i++) {
		stw_std_date(odd[i], MDY, &r);
		stw_std_result_free(&r);
		stw_std_datetime(odd[i], DMY, &r);
		stw_std_result_free(&r);
	}
}

/*
 * Values and reasons as written for dates and datetimes (the ISO form and
 * the reasons are put together by hand, not by printf).
 */
Test(std_date, values_and_reasons)
{
	static const struct {
		int with_time;
		const char *in;
		stw_std_status st;
		const char *out, *why;
	} c[] = {
		{0, "2024-12-27T11:29:16.000+0000", STW_STD_CHANGED, "2024-12-27", "time dropped"},
		{0, "2024-12-27T11:29:16Z", STW_STD_CHANGED, "2024-12-27", "time dropped"},
		{0, "2024-12-27 11:29:16", STW_STD_CHANGED, "2024-12-27", "time dropped"},
		{0, "2024-12-27T23:59:59-05:00", STW_STD_CHANGED, "2024-12-28",
		 "moved to UTC, time dropped"},
		{0, "1/5/2021 3:04 PM", STW_STD_CHANGED, "2021-01-05",
		 "ambiguous date read as month/day; time dropped"},
		{0, "2021-01-05T00:00:00+14:00", STW_STD_CHANGED, "2021-01-04",
		 "moved to UTC, time dropped"},
		{0, "Jan 5, 2021 9:07:03 am UTC", STW_STD_CHANGED, "2021-01-05", "time dropped"},
		{0, "1700-01-01T00:00:00Z", STW_STD_CHANGED, "1700-01-01", "time dropped"},
		{0, "4000-12-31 23:59", STW_STD_CHANGED, "4000-12-31", "time dropped"},
		{0, "1609459200", STW_STD_SUGGEST, "2021-01-01",
		 "Unix epoch seconds read as UTC; check it is meant as a date"},
		{0, "1609459200123", STW_STD_CHANGED, "2021-01-01",
		 "Unix epoch milliseconds read as UTC; time dropped"},
		{0, "44197", STW_STD_CHANGED, "2021-01-01", "Excel serial number 44197"},
		{0, "44197.5", STW_STD_CHANGED, "2021-01-01",
		 "Excel serial number 44197; time dropped"},
		{0, "2024-02-30T10:00:00", STW_STD_INVALID, NULL,
		 "day 30 does not exist in 2024-02"},
		{0, "2024-12-27T25:00:00", STW_STD_INVALID, NULL, "time 25:00:00 out of range"},
		{0, "  2024-12-27  ", STW_STD_CHANGED, "2024-12-27", "date written as ISO 8601"},
		{0, "2024-12-27", STW_STD_SAME, NULL, ""},
		{1, "2024-12-27T11:29:16.000+0000", STW_STD_CHANGED, "2024-12-27T11:29:16Z",
		 "date written as ISO 8601"},
		{1, "2024-12-27T11:29:16Z", STW_STD_SAME, NULL, ""},
		{1, "2024-12-27 11:29:16", STW_STD_CHANGED, "2024-12-27T11:29:16",
		 "date written as ISO 8601"},
		{1, "2024-12-27T23:59:59-05:00", STW_STD_CHANGED, "2024-12-28T04:59:59Z",
		 "moved to UTC"},
		{1, "1/5/2021 3:04 PM", STW_STD_CHANGED, "2021-01-05T15:04:00",
		 "ambiguous date read as month/day"},
		{1, "2021-01-05T00:00:00+14:00", STW_STD_CHANGED, "2021-01-04T10:00:00Z",
		 "moved to UTC"},
		{1, "Jan 5, 2021 9:07:03 am UTC", STW_STD_CHANGED, "2021-01-05T09:07:03Z",
		 "date written as ISO 8601"},
		{1, "1700-01-01T00:00:00Z", STW_STD_SAME, NULL, ""},
		{1, "4000-12-31 23:59", STW_STD_CHANGED, "4000-12-31T23:59:00",
		 "date written as ISO 8601"},
		{1, "1609459200", STW_STD_SUGGEST, "2021-01-01T00:00:00Z",
		 "Unix epoch seconds read as UTC; check it is meant as a date"},
		{1, "1609459200123", STW_STD_CHANGED, "2021-01-01T00:00:00Z",
		 "Unix epoch milliseconds read as UTC"},
		{1, "44197", STW_STD_CHANGED, "2021-01-01", "Excel serial number 44197"},
		{1, "44197.5", STW_STD_CHANGED, "2021-01-01T12:00:00", "Excel serial number 44197"},
		{1, "2024-02-30T10:00:00", STW_STD_INVALID, NULL,
		 "day 30 does not exist in 2024-02"},
		{1, "2024-12-27T25:00:00", STW_STD_INVALID, NULL, "time 25:00:00 out of range"},
		{1, "  2024-12-27  ", STW_STD_CHANGED, "2024-12-27", "date written as ISO 8601"},
		{1, "2024-12-27", STW_STD_SAME, NULL, ""},
	};
	for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
		stw_std_result r = {0};
		if (c[i].with_time)
			stw_std_datetime(c[i].in, STW_DATE_MDY, &r);
		else
			stw_std_date(c[i].in, STW_DATE_MDY, &r);
		cr_expect_eq(r.status, c[i].st, "date(\"%s\", %d): %s", c[i].in, c[i].with_time,
		             stw_std_status_name(r.status));
		cr_expect_str_eq(r.value ? r.value : "-", c[i].out ? c[i].out : "-", "%s %d", c[i].in,
		                 c[i].with_time);
		cr_expect_str_eq(r.why, c[i].why, "date(\"%s\", %d)", c[i].in, c[i].with_time);
		stw_std_result_free(&r);
	}
}
