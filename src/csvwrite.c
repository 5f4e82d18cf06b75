/*
 * CSV output and atomic files.
 */
#include "csvwrite.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool
plain_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0;
	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	bool dot = false;
	for (; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if ((s[i] == '.' || s[i] == ',') && !dot)
			dot = true;
		else
			return false;
	}
	return digits > 0;
}

static bool
phone_number(const char *s, size_t n)
{
	if (n < 2 || s[0] != '+')
		return false;
	size_t digits = 0;
	for (size_t i = 1; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(" ()-./", s[i]) && !(s[i] == 'x' || s[i] == 'X'))
			return false;
	}
	return digits >= 5;
}

bool
stw_csv_formula_risk(const char *s, size_t n)
{
	if (n == 0)
		return false;
	unsigned char c = (unsigned char)s[0];
	/* Full-width = + - @ (U+FF1D, U+FF0B, U+FF0D, U+FF20). */
	if (n >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBC &&
	    ((unsigned char)s[2] == 0x9D || (unsigned char)s[2] == 0x8B ||
	     (unsigned char)s[2] == 0x8D))
		return true;
	if (n >= 3 && c == 0xEF && (unsigned char)s[1] == 0xBC && (unsigned char)s[2] == 0xA0)
		return true;
	if (c == '\t' || c == '\r' || c == '\n' || c == '=' || c == '@')
		return true;
	if (c == '+' || c == '-')
		return !plain_number(s, n) && !phone_number(s, n);
	return false;
}

void
stw_csv_put_field(stw_buf *out, const char *s, size_t n, char delim, bool guard)
{
	bool quote = n > 0 && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == delim || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	bool prefix = guard && stw_csv_formula_risk(s, n);
	if (prefix)
		quote = true;
	if (!quote) {
		stw_buf_add(out, s, n);
		return;
	}
	stw_buf_reserve(out, n + 4);
	stw_buf_addc(out, '"');
	if (prefix)
		stw_buf_addc(out, '\'');
	size_t start = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '"') {
			stw_buf_add(out, s + start, i - start + 1);
			stw_buf_addc(out, '"');
			start = i + 1;
		}
	stw_buf_add(out, s + start, n - start);
	stw_buf_addc(out, '"');
}

void
stw_csv_put_row(stw_buf *out, const char *const *v, const size_t *len, size_t n, char delim,
                bool guard)
{
	for (size_t i = 0; i < n; i++) {
		if (i)
			stw_buf_addc(out, delim);
		stw_csv_put_field(out, v[i], len[i], delim, guard);
	}
	stw_buf_add(out, "\r\n", 2);
}

int
stw_outfile_open(stw_outfile *o, const char *path)
{
	memset(o, 0, sizeof *o);
	o->final = stw_xstrdup(path);
	o->tmp = stw_xasprintf("%s.tmp-%ld", path, (long)getpid());
	int fd = open(o->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		free(o->tmp);
		free(o->final);
		memset(o, 0, sizeof *o);
		errno = e;
		return -1;
	}
	return 0;
}

void
stw_outfile_write(stw_outfile *o, const void *p, size_t n)
{
	if (!o->failed && n && fwrite(p, 1, n, o->f) != n)
		o->failed = true;
}

int
stw_outfile_commit(stw_outfile *o)
{
	int e = 0;
	if (o->failed || fflush(o->f) != 0)
		e = errno ? errno : EIO;
	if (!e && fsync(fileno(o->f)) != 0)
		e = errno;
	if (fclose(o->f) != 0 && !e)
		e = errno;
	o->f = NULL;
	if (!e && rename(o->tmp, o->final) != 0)
		e = errno;
	if (e) {
		unlink(o->tmp);
		errno = e;
		return -1;
	}
	free(o->tmp);
	o->tmp = NULL;
	return 0;
}

void
stw_outfile_abort(stw_outfile *o)
{
	if (o->f)
		fclose(o->f);
	if (o->tmp)
		unlink(o->tmp);
	free(o->tmp);
	free(o->final);
	memset(o, 0, sizeof *o);
}
