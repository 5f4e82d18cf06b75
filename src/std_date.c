/*
 * Date standardizer: the date formats CRM exports and spreadsheets produce,
 * to ISO 8601 ("YYYY-MM-DD", or "YYYY-MM-DDTHH:MM:SS[Z]" for datetimes).
 *
 * Parsing works on the folded input (lower case, no diacritics, single
 * spaces) with a cursor: an optional weekday, then the date (numeric,
 * ISO, or with a month name), then an optional time and zone, then
 * nothing. Numbers alone are Excel serials or Unix epochs. Calendar
 * arithmetic uses day numbers counted from 1970-01-01 in the proleptic
 * Gregorian calendar, which is how offsets are moved to UTC.
 *
 * No locale is consulted: the console may set LC_NUMERIC to a locale with
 * a decimal comma, so fractions are read digit by digit.
 */
#include "std_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define YEAR_MIN 1700
#define YEAR_MAX 4000
#define EXCEL_SERIAL_MAX 2958465L /* 9999-12-31 */

typedef struct {
	int y, m, d;
	bool has_time;
	int hh, mi, ss;
	bool has_zone;     /* Z, an offset, UTC/GMT or an epoch value */
	int off_min;       /* minutes east of UTC */
	bool shifted;      /* a non-zero offset was applied */
	bool guess;        /* the reading is a guess: SUGGEST */
	char note[96];     /* how an ambiguity was resolved, for why */
} parsed_date;

/* ==== Calendar ==== */

static bool
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(long y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian, 400-year cycles). */
static long
day_number(long y, int m, int d)
{
	/* Count March as the first month so that the leap day ends the year. */
	long yy = m <= 2 ? y - 1 : y;
	long cycle = (yy >= 0 ? yy : yy - 399) / 400;
	long year_in_cycle = yy - cycle * 400;
	int mar_month = m > 2 ? m - 3 : m + 9;
	long day_in_year = (153 * mar_month + 2) / 5 + d - 1;
	long day_in_cycle = year_in_cycle * 365 + year_in_cycle / 4 -
	                    year_in_cycle / 100 + day_in_year;
	return cycle * 146097 + day_in_cycle - 719468;
}

/* The inverse of day_number. */
static void
civil_date(long days, long *y, int *m, int *d)
{
	days += 719468;
	long cycle = (days >= 0 ? days : days - 146096) / 146097;
	long day_in_cycle = days - cycle * 146097;
	long year_in_cycle = (day_in_cycle - day_in_cycle / 1460 +
	                      day_in_cycle / 36524 - day_in_cycle / 146096) / 365;
	long day_in_year = day_in_cycle - (365 * year_in_cycle + year_in_cycle / 4 -
	                                   year_in_cycle / 100);
	int mar_month = (int)((5 * day_in_year + 2) / 153);
	*d = (int)(day_in_year - (153 * mar_month + 2) / 5 + 1);
	*m = mar_month < 10 ? mar_month + 3 : mar_month - 9;
	*y = year_in_cycle + cycle * 400 + (*m <= 2);
}

/* Sets the date and time of pd from seconds since 1970-01-01T00:00:00. */
static void
from_seconds(parsed_date *pd, long long secs)
{
	long long days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
	long long rem = secs - days * 86400;
	long y;
	civil_date((long)days, &y, &pd->m, &pd->d);
	pd->y = (int)y;
	pd->hh = (int)(rem / 3600);
	pd->mi = (int)(rem / 60 % 60);
	pd->ss = (int)(rem % 60);
}

/* ==== Words ==== */

static const struct {
	const char *word;
	int month;
} month_words[] = {
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5},
	{"june", 6}, {"july", 7}, {"august", 8}, {"september", 9},
	{"october", 10}, {"november", 11}, {"december", 12}, {"sept", 9},
	{"januar", 1}, {"februar", 2}, {"marz", 3}, {"mrz", 3}, {"mai", 5},
	{"juni", 6}, {"juli", 7}, {"oktober", 10}, {"okt", 10},
	{"dezember", 12}, {"dez", 12}, {"janvier", 1}, {"fevrier", 2},
	{"mars", 3}, {"avril", 4}, {"juin", 6}, {"juillet", 7}, {"aout", 8},
	{"septembre", 9}, {"octobre", 10}, {"novembre", 11}, {"decembre", 12},
	{"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5},
	{"junio", 6}, {"julio", 7}, {"agosto", 8}, {"septiembre", 9},
	{"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
};

static const char *const weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
};

/* Reads a run of ASCII letters at *p into w (truncated); returns its length. */
static size_t
read_word(const char **p, char *w, size_t cap)
{
	size_t n = 0;
	while (stw_stdi_is_alpha((unsigned char)**p)) {
		if (n + 1 < cap)
			w[n] = **p;
		n++;
		(*p)++;
	}
	w[n < cap ? n : cap - 1] = '\0';
	return n;
}

/* Reads a month name or English abbreviation (with an optional '.'); 0 if none. */
static int
read_month(const char **p)
{
	char w[16];
	const char *save = *p;
	size_t n = read_word(p, w, sizeof w);
	if (n == 0 || n >= sizeof w) {
		*p = save;
		return 0;
	}
	for (size_t i = 0; i < COUNT(month_words); i++)
		if (strcmp(w, month_words[i].word) == 0 ||
		    (n == 3 && i < 12 && strncmp(w, month_words[i].word, 3) == 0)) {
			if (**p == '.')
				(*p)++;
			return month_words[i].month;
		}
	*p = save;
	return 0;
}

/* Reads up to max digits; returns the count (0 if none). */
static int
read_num(const char **p, long long *v, int max)
{
	int n = 0;
	*v = 0;
	while (stw_stdi_is_digit((unsigned char)**p)) {
		if (n < 18)
			*v = *v * 10 + (**p - '0');
		n++;
		(*p)++;
	}
	return n > max ? -1 : n;
}

static void
skip(const char **p, const char *set)
{
	while (**p && strchr(set, **p))
		(*p)++;
}

/* Skips an English ordinal suffix after a day number ("5th"). */
static void
skip_ordinal(const char **p)
{
	if (strncmp(*p, "st", 2) == 0 || strncmp(*p, "nd", 2) == 0 ||
	    strncmp(*p, "rd", 2) == 0 || strncmp(*p, "th", 2) == 0) {
		if (!stw_stdi_is_alpha((unsigned char)(*p)[2]))
			*p += 2;
	}
}

static int
expand_year(long long y, int ndig, parsed_date *pd)
{
	if (ndig == 2) {
		int full = y < 30 ? 2000 + (int)y : 1900 + (int)y;
		snprintf(pd->note, sizeof pd->note, "two-digit year read as %d", full);
		return full;
	}
	return (int)y;
}

/* ==== Parsing ==== */

/* Day and month from two numbers that could be either way round. */
static bool
order_day_month(long long a, long long b, char sep, stw_date_order pref,
                parsed_date *pd)
{
	bool dmy;
	if (a > 12 && b > 12)
		return false;
	if (a > 12)
		dmy = true;
	else if (b > 12)
		dmy = false;
	else if (a == b)
		dmy = true;
	else if (sep == '.') {
		dmy = true;
		snprintf(pd->note, sizeof pd->note, "dotted date read as day.month");
	} else {
		dmy = pref == STW_DATE_DMY;
		snprintf(pd->note, sizeof pd->note, "ambiguous date read as %s",
		         dmy ? "day/month" : "month/day");
	}
	pd->d = (int)(dmy ? a : b);
	pd->m = (int)(dmy ? b : a);
	return true;
}

/* A number alone: Excel serial, epoch, or YYYYMMDD. */
static bool
parse_number(const char *s, parsed_date *pd, stw_std_result *out)
{
	const char *p = s;
	long long v, frac = 0;
	int n = read_num(&p, &v, 18);
	int nfrac = 0;
	if (*p == '.' || *p == ',') {
		p++;
		while (stw_stdi_is_digit((unsigned char)*p)) {
			if (nfrac < 9) {
				frac = frac * 10 + (*p - '0');
				nfrac++;
			}
			p++;
		}
	}
	if (*p || n <= 0)
		return false;
	if (n == 8 && !nfrac) {
		pd->y = (int)(v / 10000);
		pd->m = (int)(v / 100 % 100);
		pd->d = (int)(v % 100);
		return true;
	}
	if ((n == 13 || n == 10) && !nfrac) {
		from_seconds(pd, n == 13 ? v / 1000 : v);
		pd->has_time = pd->has_zone = true;
		/* ten digits may as well be a phone number that strayed here */
		pd->guess = n == 10;
		snprintf(pd->note, sizeof pd->note, "Unix epoch %s read as UTC",
		         n == 13 ? "milliseconds" : "seconds");
		return true;
	}
	if (n > 7 || v > EXCEL_SERIAL_MAX) {
		stw_stdi_why(out, "%d-digit number is not a date", n);
		return false;
	}
	if (n == 4 && !nfrac && v >= YEAR_MIN && v <= YEAR_MAX) {
		stw_stdi_why(out, "a year alone is not a date");
		return false;
	}
	if (v == 0) {
		stw_stdi_why(out, "Excel serial 0 is not a date");
		return false;
	}
	if (v == 60) {
		stw_stdi_why(out, "Excel serial 60 is 1900-02-29, which did not exist");
		return false;
	}
	/* Excel counts 1900 as a leap year: serials from 61 on are one too high. */
	long base = v < 60 ? day_number(1899, 12, 31) : day_number(1899, 12, 30);
	long long pow10 = 1;
	for (int i = 0; i < nfrac; i++)
		pow10 *= 10;
	long long secs = (frac * 86400 + pow10 / 2) / pow10;
	from_seconds(pd, (base + v) * 86400LL + secs);
	pd->has_time = nfrac > 0;
	pd->guess = v < 10000;
	snprintf(pd->note, sizeof pd->note, "Excel serial number %lld", v);
	return true;
}

/* Reads "HH:MM[:SS[.fff]] [am|pm] [zone]" at *p. */
static bool
parse_time(const char **pp, parsed_date *pd, stw_std_result *out)
{
	const char *p = *pp;
	long long hh, mi, ss = 0;
	if (read_num(&p, &hh, 2) <= 0 || *p != ':')
		return false;
	p++;
	if (read_num(&p, &mi, 2) != 2)
		return false;
	if (*p == ':') {
		p++;
		if (read_num(&p, &ss, 2) != 2)
			return false;
		if (*p == '.' || *p == ',') {
			p++;
			while (stw_stdi_is_digit((unsigned char)*p))
				p++;
		}
	}
	skip(&p, " ");
	bool am = strncmp(p, "am", 2) == 0 || strncmp(p, "a.m.", 4) == 0;
	bool pm = strncmp(p, "pm", 2) == 0 || strncmp(p, "p.m.", 4) == 0;
	if (am || pm) {
		p += p[1] == '.' ? 4 : 2;
		if (hh < 1 || hh > 12) {
			stw_stdi_why(out, "hour %lld with AM/PM", hh);
			return false;
		}
		hh = hh % 12 + (pm ? 12 : 0);
		skip(&p, " ");
	}
	if (hh > 23 || mi > 59 || ss > 59) {
		stw_stdi_why(out, "time %02lld:%02lld:%02lld out of range", hh, mi, ss);
		return false;
	}
	pd->has_time = true;
	pd->hh = (int)hh;
	pd->mi = (int)mi;
	pd->ss = (int)ss;

	/* Zone: Z, UTC, GMT, each optionally followed by an offset. */
	if (*p == 'z') {
		p++;
		pd->has_zone = true;
	} else if (strncmp(p, "utc", 3) == 0 || strncmp(p, "gmt", 3) == 0) {
		p += 3;
		pd->has_zone = true;
	}
	skip(&p, " ");
	if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1;
		long long oh, om = 0;
		p++;
		const char *q = p;
		int n = read_num(&p, &oh, 4);
		if (n == 4) {
			om = oh % 100;
			oh /= 100;
		} else if (n == 2 || n == 1) {
			if (*p == ':') {
				p++;
				if (read_num(&p, &om, 2) != 2)
					return false;
			}
		} else {
			(void)q;
			return false;
		}
		if (oh > 14 || om > 59) {
			stw_stdi_why(out, "time zone offset out of range");
			return false;
		}
		pd->has_zone = true;
		pd->off_min = sign * (int)(oh * 60 + om);
	}
	*pp = p;
	return true;
}

/*
 * True for digits alone, or at least five digits with a fraction (an
 * Excel serial with a time). "1.5" is more likely a broken day.month.
 */
static bool
is_plain_number(const char *s)
{
	size_t n = strspn(s, "0123456789");
	if (n == 0)
		return false;
	if (!s[n])
		return true;
	if (n < 5 || (s[n] != '.' && s[n] != ','))
		return false;
	size_t f = strspn(s + n + 1, "0123456789");
	return f > 0 && !s[n + 1 + f];
}

/* Parses the whole folded string; false with why set when it cannot. */
static bool
parse(const char *s, stw_date_order pref, parsed_date *pd, stw_std_result *out)
{
	const char *p = s;
	long long a, b, c;
	int na, nb, nc;
	char sep;

	memset(pd, 0, sizeof *pd);
	if (is_plain_number(s))
		return parse_number(s, pd, out);

	/* weekday */
	const char *save = p;
	char w[16];
	size_t wn = read_word(&p, w, sizeof w);
	bool weekday = false;
	for (size_t i = 0; wn && wn < sizeof w && i < COUNT(weekdays); i++)
		if (strcmp(w, weekdays[i]) == 0)
			weekday = true;
	if (weekday)
		skip(&p, " ,.");
	else
		p = save;

	if ((pd->m = read_month(&p)) != 0) {
		/* Month first: "Jan 5, 2021", "January 5th 2021" */
		skip(&p, " -/.");
		if ((nb = read_num(&p, &b, 2)) <= 0)
			goto bad;
		skip_ordinal(&p);
		skip(&p, " ,-/.");
		if ((nc = read_num(&p, &c, 4)) != 4 && nc != 2)
			goto bad;
		pd->d = (int)b;
		pd->y = expand_year(c, nc, pd);
	} else if ((na = read_num(&p, &a, 4)) == 4) {
		/* Year first: 2021-01-05, 2021/1/5, 2021-Jan-05 */
		sep = *p;
		if (!sep || !strchr("-/.", sep))
			goto bad;
		p++;
		if ((pd->m = read_month(&p)) == 0) {
			if (read_num(&p, &b, 2) <= 0)
				goto bad;
			pd->m = (int)b;
		}
		if (*p != sep)
			goto bad;
		p++;
		if (read_num(&p, &c, 2) <= 0)
			goto bad;
		pd->y = (int)a;
		pd->d = (int)c;
	} else if (na == 1 || na == 2) {
		skip_ordinal(&p);
		sep = *p;
		if (!sep || !strchr("-/. ", sep))
			goto bad;
		p++;
		skip(&p, " ");
		if (strncmp(p, "of ", 3) == 0)
			p += 3;
		else if (strncmp(p, "de ", 3) == 0)
			p += 3;
		if ((pd->m = read_month(&p)) != 0) {
			/* Day first with a month name: "5 January 2021", "05-Jan-21" */
			skip(&p, " -/.,");
			if (strncmp(p, "de ", 3) == 0)
				p += 3;
			if ((nc = read_num(&p, &c, 4)) != 4 && nc != 2)
				goto bad;
			pd->d = (int)a;
			pd->y = expand_year(c, nc, pd);
		} else {
			if (sep == ' ')
				goto bad;
			if ((nb = read_num(&p, &b, 2)) <= 0 || *p != sep)
				goto bad;
			p++;
			if ((nc = read_num(&p, &c, 4)) != 4 && nc != 2)
				goto bad;
			char keep[sizeof pd->note];
			pd->y = expand_year(c, nc, pd);
			memcpy(keep, pd->note, sizeof keep);
			if (!order_day_month(a, b, sep, pref, pd)) {
				stw_stdi_why(out, "neither %lld nor %lld can be a month", a, b);
				return false;
			}
			if (keep[0] && pd->note[0] && strcmp(keep, pd->note) != 0) {
				char order[sizeof pd->note];
				memcpy(order, pd->note, sizeof order);
				snprintf(pd->note, sizeof pd->note, "%.45s, %.45s", order, keep);
			} else if (keep[0]) {
				memcpy(pd->note, keep, sizeof keep);
			}
		}
	} else {
		goto bad;
	}

	/* Optional time. */
	if (*p == 't' || *p == ' ' || *p == ',') {
		const char *q = p + 1;
		skip(&q, " ,");
		if (strncmp(q, "at ", 3) == 0)
			q += 3;
		if (stw_stdi_is_digit((unsigned char)*q)) {
			if (!parse_time(&q, pd, out)) {
				if (!out->why[0])
					stw_stdi_why(out, "unrecognised time");
				return false;
			}
			p = q;
		}
	}
	skip(&p, " ");
	if (*p)
		goto bad;
	return true;
bad:
	if (!out->why[0])
		stw_stdi_why(out, "unrecognised date format");
	return false;
}

/* Validates pd and moves it to UTC when it has an offset. */
static bool
check(parsed_date *pd, stw_std_result *out)
{
	if (pd->m < 1 || pd->m > 12) {
		stw_stdi_why(out, "month %d does not exist", pd->m);
		return false;
	}
	if (pd->d < 1 || pd->d > days_in_month(pd->y, pd->m)) {
		stw_stdi_why(out, "day %d does not exist in %04d-%02d", pd->d, pd->y, pd->m);
		return false;
	}
	if (pd->has_time && pd->off_min) {
		long long secs = (long long)day_number(pd->y, pd->m, pd->d) * 86400 +
		                 pd->hh * 3600 + pd->mi * 60 + pd->ss - pd->off_min * 60LL;
		from_seconds(pd, secs);
		pd->off_min = 0;
		pd->shifted = true;
	}
	if (pd->y < YEAR_MIN || pd->y > YEAR_MAX) {
		stw_stdi_why(out, "year %d outside 1700-4000", pd->y);
		return false;
	}
	return true;
}

/* Writes v (0..99) as printf's %02d does; returns the end. */
static char *
put2(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/*
 * The ISO form of pd into buf (40 bytes): "%04d-%02d-%02d", and with_time
 * "T%02d:%02d:%02d" and "Z" for a zone. Formatted by hand, since every
 * date of every record comes here; printf only for fields out of the
 * ranges that a checked date keeps to.
 */
static void
format_iso(const parsed_date *pd, bool with_time, char buf[40])
{
	if (pd->y < 0 || pd->y > 9999 || pd->m < 0 || pd->m > 99 || pd->d < 0 || pd->d > 99 ||
	    pd->hh < 0 || pd->hh > 99 || pd->mi < 0 || pd->mi > 99 || pd->ss < 0 || pd->ss > 99) {
		if (with_time)
			snprintf(buf, 40, "%04d-%02d-%02dT%02d:%02d:%02d%s", pd->y, pd->m, pd->d,
			         pd->hh, pd->mi, pd->ss, pd->has_zone ? "Z" : "");
		else
			snprintf(buf, 40, "%04d-%02d-%02d", pd->y, pd->m, pd->d);
		return;
	}
	char *p = put2(put2(buf, pd->y / 100), pd->y % 100); /* %04d of 0..9999 */
	*p++ = '-';
	p = put2(p, pd->m);
	*p++ = '-';
	p = put2(p, pd->d);
	if (with_time) {
		*p++ = 'T';
		p = put2(p, pd->hh);
		*p++ = ':';
		p = put2(p, pd->mi);
		*p++ = ':';
		p = put2(p, pd->ss);
		if (pd->has_zone)
			*p++ = 'Z';
	}
	*p = '\0';
}

static void
standardize(const char *in, stw_date_order pref, bool with_time, stw_std_result *out)
{
	/* Dates are short: fold on the stack unless the value is not ASCII. */
	char small[64];
	char *t = stw_stdi_fold_ascii(in ? in : "", 0, small, sizeof small) ? small
	                                                                    : stw_std_fold(in);
	parsed_date pd;
	if (!*t) {
		stw_stdi_set(out, STW_STD_EMPTY, NULL);
		if (t != small)
			free(t);
		return;
	}
	stw_stdi_set(out, STW_STD_INVALID, NULL);
	if (!parse(t, pref, &pd, out) || !check(&pd, out)) {
		if (!out->why[0])
			stw_stdi_why(out, "unrecognised date format");
		if (t != small)
			free(t);
		return;
	}
	char buf[40];
	format_iso(&pd, with_time && pd.has_time, buf);
	if (pd.guess) {
		stw_stdi_set(out, STW_STD_SUGGEST, buf);
		stw_stdi_why_cat(out, pd.note, "; check it is meant as a date", (char *)NULL);
	} else {
		stw_stdi_same_or_changed(out, in, buf);
		if (out->status == STW_STD_CHANGED) {
			const char *extra = !with_time && pd.has_time ?
			                    (pd.shifted ? "moved to UTC, time dropped" : "time dropped") :
			                    pd.shifted ? "moved to UTC" : "";
			if (pd.note[0] && extra[0])
				stw_stdi_why_cat(out, pd.note, "; ", extra, (char *)NULL);
			else if (pd.note[0] || extra[0])
				stw_stdi_why_cat(out, pd.note[0] ? pd.note : extra, (char *)NULL);
			else
				stw_stdi_why_cat(out, "date written as ISO 8601", (char *)NULL);
		}
	}
	if (t != small)
		free(t);
}

void
stw_std_date(const char *in, stw_date_order pref, stw_std_result *out)
{
	standardize(in, pref, false, out);
}

void
stw_std_datetime(const char *in, stw_date_order pref, stw_std_result *out)
{
	standardize(in, pref, true, out);
}
