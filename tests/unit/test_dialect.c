#include <criterion/criterion.h>
#include <string.h>

#include "dialect.h"

static stw_dialect
sniff(const char *s)
{
	stw_dialect d;
	stw_dialect_sniff(s, strlen(s), true, &d);
	return d;
}

Test(dialect, delimiters)
{
	struct { const char *text; char delim; int cols; } cases[] = {
		{"Id,FirstName,LastName\n1,Ann,Lee\n2,Bo,Ng\n", ',', 3},
		{"Id;Vorname;Nachname\n1;Anna;M\xc3\xbcller\n2;Bernd;Schulz\n", ';', 3},
		{"Id\tName\tEmail\n1\tAnn\tann@x.com\n", '\t', 3},
		{"Id|Name|Email\n1|Ann|ann@x.com\n2|Bo|bo@x.com\n", '|', 3},
		/* semicolons inside quoted fields must not win over the commas */
		{"a,b,c\n\"x;y;z\",2,3\n\"p;q\",5,6\n", ',', 3},
		/* decimal commas in a semicolon file */
		{"name;amount;city\nAnn;1,5;Berlin\nBo;2,25;Bonn\n", ';', 3},
		/* a quoted field spanning lines */
		{"id,note\n1,\"two\nlines\"\n2,plain\n", ',', 2},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		stw_dialect d = sniff(cases[i].text);
		cr_assert_eq(d.delimiter, cases[i].delim, "case %zu: got '%c'", i, d.delimiter);
		cr_assert_eq(d.columns, cases[i].cols, "case %zu: %d columns", i, d.columns);
	}
}

Test(dialect, line_endings)
{
	cr_assert_str_eq(sniff("a,b\r\n1,2\r\n").line_ending, "CRLF");
	cr_assert_str_eq(sniff("a,b\n1,2\n").line_ending, "LF");
	cr_assert_str_eq(sniff("a,b\r1,2\r").line_ending, "CR");
	cr_assert_str_eq(sniff("a,b\r\n1,2\n3,4\n").line_ending, "mixed");
	/* a CRLF inside quotes does not count */
	cr_assert_str_eq(sniff("a,b\n\"x\r\ny\",2\n").line_ending, "LF");
}

Test(dialect, header_detection)
{
	cr_assert(sniff("Email,Name\nann@x.com,Ann\n").has_header);
	cr_assert_not(sniff("ann@x.com,Ann\nbo@y.org,Bo\n").has_header);
	cr_assert_not(sniff("1001,Ann,Lee\n1002,Bo,Ng\n").has_header);
	cr_assert_not(sniff("Ann,2021-01-05\nBo,2021-02-06\n").has_header);
	cr_assert(sniff("First Name,Last Name,Phone 2\nAnn,Lee,555\n").has_header);
}

Test(dialect, excel_sep_hint_and_single_quote)
{
	stw_dialect d = sniff("sep=;\r\na;b\r\n1;2\r\n");
	cr_assert(d.sep_line);
	cr_assert_eq(d.delimiter, ';');
	d = sniff("'id','name'\n'1','Ann'\n");
	cr_assert_eq(d.quote, '\'');
	cr_assert_eq(sniff("a,b\n\"1\",\"2\"\n").quote, '"');
}

Test(dialect, degenerate_input)
{
	stw_dialect d = sniff("");
	cr_assert_eq(d.delimiter, ',');
	d = sniff("single column\nvalue\n");
	cr_assert_eq(d.columns, 1);
	cr_assert_eq(stw_delimiter_parse("tab"), '\t');
	cr_assert_eq(stw_delimiter_parse(";"), ';');
	cr_assert_eq(stw_delimiter_parse("x"), 0);
}
