/*
 * Error codes and the detail record every fallible core function fills.
 *
 * Functions return STW_OK (0) or a code; the stw_error the caller passes (may
 * be NULL) receives a message meant for a person, already prefixed with the
 * file and line it concerns where there is one. src/ never prints: the
 * command line and the console decide how to show it.
 */
#ifndef STW_ERROR_H
#define STW_ERROR_H

#include <stdarg.h>

#define STW_ERRORS(X)                                                   \
	X(STW_OK,      0, "success")                                    \
	X(STW_EDATA,   1, "bad input data")                             \
	X(STW_EUSAGE,  2, "wrong usage")                                \
	X(STW_EIO,     3, "input/output error")                         \
	X(STW_EDB,     4, "workspace database error")                   \
	X(STW_ENOMEM,  5, "out of memory")                              \
	X(STW_EEXIST,  6, "already exists")                             \
	X(STW_ENOENT,  7, "not found")                                  \
	X(STW_EBUSY,   8, "busy")                                       \
	X(STW_ECANCEL, 9, "cancelled")

typedef enum {
#define X(name, val, msg) name = val,
	STW_ERRORS(X)
#undef X
} stw_err;

typedef struct {
	stw_err code;      /* same as the function's return value */
	int     sqlite_rc; /* SQLite result code when code is STW_EDB, else 0 */
	char    msg[512];  /* human-readable, never empty after an error */
} stw_error;

/* The generic text for a code ("bad input data"). Static storage. */
const char *stw_strerror(stw_err code);

/*
 * Fills err (if not NULL) with code and a printf-style message, and returns
 * code so that callers can write `return stw_fail(err, STW_EDATA, ...)`.
 */
stw_err stw_fail(stw_error *err, stw_err code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clears err (if not NULL) to STW_OK with an empty message. */
void stw_error_clear(stw_error *err);

/*
 * Exit status for the command line: 0 success, 2 usage, 1 everything else
 * (data, workspace and system problems).
 */
int stw_exit_status(stw_err code);

#endif
