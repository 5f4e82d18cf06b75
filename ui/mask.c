/*
 * Masking personal data (see mask.h).
 */
#include "mask.h"
#include "edit.h"

#include <ctype.h>
#include <string.h>

static const char *const personal[] = {
	"salutation", "first_name", "middle_name", "last_name", "full_name", "email", "email2",
	"email3", "phone", "phone2", "phone3", "mobile", "fax", "street", "birth_date", NULL,
};

int
ui_mask_field(const char *field)
{
	if (!field)
		return 1;
	for (int i = 0; personal[i]; i++)
		if (strcmp(personal[i], field) == 0)
			return 1;
	return 0;
}

/* Keeps the first code point of each word and stars the rest (three stars). */
static void
mask_words(stw_buf *out, const char *s, size_t n)
{
	bool start = true;
	for (size_t i = 0; i < n;) {
		unsigned cp;
		size_t len = ui_utf8_decode(s + i, n - i, &cp);
		bool sep = cp == ' ' || cp == '-' || cp == '\'' || cp == ',' || cp == '.' ||
		           cp == '@' || cp == '/';
		if (sep) {
			stw_buf_add(out, s + i, len);
			start = true;
		} else if (start) {
			if (cp >= '0' && cp <= '9')
				stw_buf_addc(out, '*');
			else
				stw_buf_add(out, s + i, len);
			stw_buf_adds(out, "***");
			start = false;
		}
		i += len;
	}
}

static void
mask_email(stw_buf *out, const char *v)
{
	const char *at = strrchr(v, '@');
	if (!at) {
		mask_words(out, v, strlen(v));
		return;
	}
	mask_words(out, v, 1);
	stw_buf_addc(out, '@');
	const char *dom = at + 1;
	const char *tld = strrchr(dom, '.');
	if (!tld || tld == dom) {
		mask_words(out, dom, strlen(dom));
		return;
	}
	mask_words(out, dom, 1);
	stw_buf_adds(out, tld);
}

static void
mask_phone(stw_buf *out, const char *v)
{
	size_t digits = 0;
	for (const char *p = v; *p; p++)
		if (isdigit((unsigned char)*p))
			digits++;
	size_t seen = 0;
	for (const char *p = v; *p; p++) {
		if (isdigit((unsigned char)*p)) {
			seen++;
			bool keep = digits > 6 ? (seen <= 4 || seen > digits - 2) : seen > digits - 2;
			stw_buf_addc(out, keep ? *p : '*');
		} else if (isalpha((unsigned char)*p)) {
			stw_buf_addc(out, '*');
		} else if ((unsigned char)*p >= 0x20 && (unsigned char)*p < 0x7F) {
			stw_buf_addc(out, *p);
		}
	}
}

void
ui_mask(stw_buf *out, const char *field, const char *value)
{
	stw_buf_reset(out);
	stw_buf_adds(out, "");
	if (!value)
		return;
	if (!field) {
		mask_words(out, value, strlen(value));
		return;
	}
	if (strncmp(field, "email", 5) == 0) {
		mask_email(out, value);
	} else if (strncmp(field, "phone", 5) == 0 || strcmp(field, "mobile") == 0 ||
	           strcmp(field, "fax") == 0) {
		mask_phone(out, value);
	} else if (strcmp(field, "birth_date") == 0) {
		size_t n = strlen(value);
		stw_buf_add(out, value, n >= 4 ? 4 : n);
		stw_buf_adds(out, "-**-**");
	} else if (ui_mask_field(field)) {
		mask_words(out, value, strlen(value));
	} else {
		stw_buf_adds(out, value);
	}
}
