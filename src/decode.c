/*
 * UTF-8 pass-through, a built-in Windows-1252 table, and iconv for the rest.
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum dec_kind { DEC_UTF8, DEC_CP1252, DEC_LATIN1, DEC_ICONV };

struct stw_decoder {
	enum dec_kind kind;
	iconv_t       cd;   /* DEC_ICONV only */
	char         *name; /* owned */
};

/* 0x80..0x9F in Windows-1252; 0 marks the five undefined bytes. */
static const unsigned short cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

unsigned
stw_cp1252_to_unicode(unsigned char b)
{
	if (b >= 0x80 && b <= 0x9F)
		return cp1252_high[b - 0x80];
	return b;
}

const char *
stw_encoding_canonical(const char *label)
{
	static const struct { const char *label, *name; } aliases[] = {
		{"utf-8", "utf-8"}, {"utf8", "utf-8"},
		{"windows-1252", "windows-1252"}, {"cp1252", "windows-1252"},
		{"win1252", "windows-1252"}, {"ansi", "windows-1252"},
		{"latin1", "iso-8859-1"}, {"latin-1", "iso-8859-1"},
		{"iso-8859-1", "iso-8859-1"}, {"iso8859-1", "iso-8859-1"},
	};
	for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(label, aliases[i].label) == 0)
			return aliases[i].name;
	return NULL;
}

stw_err
stw_decoder_open(stw_decoder **out, const char *encoding, stw_error *err)
{
	*out = NULL;
	stw_decoder *d = stw_xcalloc(1, sizeof *d);
	const char *canon = stw_encoding_canonical(encoding);
	if (canon && strcmp(canon, "utf-8") == 0)
		d->kind = DEC_UTF8;
	else if (canon && strcmp(canon, "windows-1252") == 0)
		d->kind = DEC_CP1252;
	else if (canon && strcmp(canon, "iso-8859-1") == 0)
		d->kind = DEC_LATIN1;
	else {
		d->kind = DEC_ICONV;
		d->cd = iconv_open("UTF-8", encoding);
		if (d->cd == (iconv_t)-1) {
			free(d);
			return stw_fail(err, STW_EUSAGE, "unknown encoding '%s'", encoding);
		}
	}
	d->name = stw_xstrdup(canon ? canon : encoding);
	*out = d;
	return STW_OK;
}

void
stw_decoder_free(stw_decoder *d)
{
	if (!d)
		return;
	if (d->kind == DEC_ICONV)
		iconv_close(d->cd);
	free(d->name);
	free(d);
}

const char *
stw_decoder_name(const stw_decoder *d)
{
	return d->name;
}

bool
stw_decoder_is_utf8(const stw_decoder *d)
{
	return d->kind == DEC_UTF8;
}

static void
put_cp(stw_buf *out, unsigned cp)
{
	char o[4];
	stw_buf_add(out, o, stw_utf8_encode(cp, o));
}

int
stw_decoder_run(stw_decoder *d, const char *in, size_t n, stw_buf *out, size_t *bad)
{
	switch (d->kind) {
	case DEC_UTF8: {
		size_t ok = stw_utf8_valid_prefix(in, n);
		stw_buf_add(out, in, ok);
		if (ok < n) {
			*bad = ok;
			return -1;
		}
		return 0;
	}
	case DEC_CP1252:
	case DEC_LATIN1:
		stw_buf_reserve(out, n * 2);
		for (size_t i = 0; i < n; i++) {
			unsigned char b = (unsigned char)in[i];
			if (b < 0x80) {
				out->data[out->len++] = (char)b;
				continue;
			}
			unsigned cp = d->kind == DEC_CP1252 ? stw_cp1252_to_unicode(b) : b;
			if (cp == 0) {
				out->data[out->len] = '\0';
				*bad = i;
				return -1;
			}
			put_cp(out, cp);
		}
		out->data[out->len] = '\0';
		return 0;
	case DEC_ICONV: {
		iconv(d->cd, NULL, NULL, NULL, NULL);
		char *ip = (char *)in;
		size_t ileft = n;
		while (ileft > 0) {
			stw_buf_reserve(out, ileft * 4 + 16);
			char *op = out->data + out->len;
			size_t oleft = out->cap - out->len - 1;
			size_t r = iconv(d->cd, &ip, &ileft, &op, &oleft);
			out->len = (size_t)(op - out->data);
			out->data[out->len] = '\0';
			if (r == (size_t)-1 && errno != E2BIG) {
				*bad = (size_t)(ip - in);
				return -1;
			}
		}
		return 0;
	}
	}
	return 0;
}
