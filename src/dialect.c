/*
 * The sniffer splits the first rows of the sample with each candidate
 * delimiter (honouring quotes) and keeps the one that gives the most rows
 * with the same number of fields, preferring more fields on a tie. A header
 * row is assumed, as every CRM writes one, unless the first row looks like
 * data (an e-mail address, a long number or a date in a cell).
 */
#include "dialect.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#define MAX_ROWS 50
#define MAX_FIELDS 1024

static const char candidates[] = {',', ';', '\t', '|'};

/*
 * Counts the fields of each row. Stores at most MAX_ROWS counts in counts;
 * returns the number of complete rows. first_cells, if not NULL, receives the
 * start/end offsets of the first row's cells.
 */
static int
split_rows(const char *s, size_t n, bool at_eof, char delim, char quote, int *counts,
           size_t (*cells)[2], int *ncells)
{
	int rows = 0, fields = 1;
	bool inq = false, field_start = true;
	size_t cell_start = 0;
	if (ncells)
		*ncells = 0;
	for (size_t i = 0; i < n && rows < MAX_ROWS; i++) {
		char c = s[i];
		if (inq) {
			if (c == quote) {
				if (i + 1 < n && s[i + 1] == quote)
					i++;
				else
					inq = false;
			}
			continue;
		}
		if (c == quote && field_start) {
			inq = true;
			field_start = false;
			continue;
		}
		if (c == delim || c == '\n' || c == '\r') {
			if (rows == 0 && cells && *ncells < MAX_FIELDS) {
				cells[*ncells][0] = cell_start;
				cells[*ncells][1] = i;
				(*ncells)++;
			}
			cell_start = i + 1;
			field_start = true;
			if (c == delim) {
				fields++;
				continue;
			}
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n') {
				i++;
				cell_start = i + 1;
			}
			counts[rows++] = fields;
			fields = 1;
			continue;
		}
		field_start = false;
	}
	if (at_eof && rows < MAX_ROWS && !inq && cell_start < n) {
		if (rows == 0 && cells && *ncells < MAX_FIELDS) {
			cells[*ncells][0] = cell_start;
			cells[*ncells][1] = n;
			(*ncells)++;
		}
		counts[rows++] = fields;
	}
	return rows;
}

static bool
looks_like_data(const char *s, size_t n, char quote)
{
	while (n && (*s == ' ' || *s == quote)) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == quote))
		n--;
	if (n == 0)
		return false;
	const char *at = memchr(s, '@', n);
	if (at && memchr(at, '.', n - (size_t)(at - s)))
		return true; /* an e-mail address */
	size_t digits = 0, other = 0;
	for (size_t i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			digits++;
		else if (!strchr("-/.:+() ", s[i]))
			other++;
	}
	return other == 0 && digits >= 4; /* a number, date or phone */
}

void
stw_dialect_sniff(const char *sample, size_t n, bool at_eof, stw_dialect *d)
{
	memset(d, 0, sizeof *d);
	d->delimiter = ',';
	d->quote = '"';
	d->has_header = true;
	strcpy(d->line_ending, "LF");

	/* Excel's "sep=;" first line. */
	if (n >= 5 && strncasecmp(sample, "sep=", 4) == 0 &&
	    (n == 5 || sample[5] == '\n' || sample[5] == '\r')) {
		d->sep_line = true;
		d->delimiter = sample[4];
		size_t skip = 5;
		if (skip < n && sample[skip] == '\r')
			skip++;
		if (skip < n && sample[skip] == '\n')
			skip++;
		sample += skip;
		n -= skip;
	}

	/* Line endings, counted outside quotes. */
	size_t crlf = 0, lf = 0, cr = 0;
	bool inq = false;
	for (size_t i = 0; i < n; i++) {
		if (sample[i] == '"')
			inq = !inq;
		if (inq)
			continue;
		if (sample[i] == '\r') {
			if (i + 1 < n && sample[i + 1] == '\n') {
				crlf++;
				i++;
			} else if (i + 1 < n || at_eof) {
				cr++;
			}
		} else if (sample[i] == '\n') {
			lf++;
		}
	}
	int kinds = (crlf > 0) + (lf > 0) + (cr > 0);
	if (kinds > 1)
		strcpy(d->line_ending, "mixed");
	else if (crlf)
		strcpy(d->line_ending, "CRLF");
	else if (cr)
		strcpy(d->line_ending, "CR");

	/* Quote character: a single quote only when no double quote appears
	 * and single quotes open fields. */
	if (!memchr(sample, '"', n)) {
		size_t opens = 0;
		for (size_t i = 0; i < n; i++)
			if (sample[i] == '\'' && (i == 0 || strchr(",;\t|\n\r", sample[i - 1])) &&
			    i + 1 < n && sample[i + 1] != '\'')
				opens++;
		if (opens >= 2)
			d->quote = '\'';
	}

	if (!d->sep_line) {
		double best_score = -1;
		for (size_t c = 0; c < sizeof candidates; c++) {
			int counts[MAX_ROWS];
			int rows = split_rows(sample, n, at_eof, candidates[c], d->quote, counts,
			                      NULL, NULL);
			if (rows == 0)
				continue;
			/* Modal field count and how many rows have it. */
			int mode = 1, mode_n = 0;
			for (int i = 0; i < rows; i++) {
				int k = 0;
				for (int j = 0; j < rows; j++)
					k += counts[j] == counts[i];
				if (k > mode_n || (k == mode_n && counts[i] > mode)) {
					mode = counts[i];
					mode_n = k;
				}
			}
			if (mode < 2)
				continue;
			double score = (double)mode_n / rows * 1000.0 + mode;
			if (counts[0] != mode)
				score -= 100; /* the header should agree */
			if (score > best_score) {
				best_score = score;
				d->delimiter = candidates[c];
			}
		}
	}

	int counts[MAX_ROWS];
	size_t cells[MAX_FIELDS][2];
	int ncells = 0;
	int rows = split_rows(sample, n, at_eof, d->delimiter, d->quote, counts, cells, &ncells);
	d->columns = rows > 0 ? counts[0] : ncells;
	for (int i = 0; i < ncells; i++)
		if (looks_like_data(sample + cells[i][0], cells[i][1] - cells[i][0], d->quote))
			d->has_header = false;
}

const char *
stw_delimiter_name(char delimiter)
{
	switch (delimiter) {
	case ',': return "comma";
	case ';': return "semicolon";
	case '\t': return "tab";
	case '|': return "pipe";
	case ':': return "colon";
	}
	return "other";
}

char
stw_delimiter_parse(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\\t") == 0 || strcmp(s, "\t") == 0)
		return '\t';
	if (strcmp(s, "comma") == 0)
		return ',';
	if (strcmp(s, "semicolon") == 0)
		return ';';
	if (strcmp(s, "pipe") == 0)
		return '|';
	if (strlen(s) == 1 && strchr(",;|:^`", s[0]))
		return s[0];
	return 0;
}
