/*
 * CSV dialect sniffing: delimiter, quote character, header row and line
 * endings, guessed from the first part of a file (already decoded to UTF-8,
 * BOM removed). Pure functions, no I/O.
 */
#ifndef STW_DIALECT_H
#define STW_DIALECT_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
	char delimiter;       /* ',', ';', '\t' or '|' */
	char quote;           /* '"' or '\'' */
	bool has_header;      /* the first row names the columns */
	bool sep_line;        /* the first line is Excel's "sep=X" hint */
	char line_ending[8];  /* "CRLF", "LF", "CR" or "mixed" */
	int  columns;         /* fields in the first row (after any sep= line) */
} stw_dialect;

/*
 * Guesses the dialect of sample (n bytes). at_eof says the sample is the whole
 * file (otherwise its last, possibly cut, line is ignored). Always fills d:
 * comma, double quote and a header row when nothing better is found.
 */
void stw_dialect_sniff(const char *sample, size_t n, bool at_eof, stw_dialect *d);

/* Printable name of a delimiter: "comma", "semicolon", "tab", "pipe". */
const char *stw_delimiter_name(char delimiter);

/* Parses a --delimiter value (",", ";", "tab", "\\t", "|", "comma", ...). Returns 0 if unknown. */
char stw_delimiter_parse(const char *s);

#endif
