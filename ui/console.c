/*
 * The console: a header line, the workspace summary and a bottom bar of keys.
 */
#include "console.h"
#include "term.h"

#include "error.h"
#include "util.h"
#include "ws.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void
restore_terminal(size_t size)
{
	(void)size;
	if (!isendwin())
		endwin();
}

static void
draw(const char *path, long long records, long long quarantined, long long sources)
{
	erase();
	int rows, cols;
	getmaxyx(stdscr, rows, cols);
	attron(A_REVERSE);
	mvhline(0, 0, ' ', cols);
	mvprintw(0, 1, "Steward  %.*s  %lld records", cols > 40 ? cols - 30 : 10, path, records);
	attroff(A_REVERSE);
	mvprintw(2, 2, "Sources imported:    %lld", sources);
	mvprintw(3, 2, "Records:             %lld", records);
	mvprintw(4, 2, "Rows in quarantine:  %lld", quarantined);
	attron(A_REVERSE);
	mvhline(rows - 1, 0, ' ', cols);
	mvprintw(rows - 1, 1, "q quit");
	attroff(A_REVERSE);
	refresh();
}

int
ui_console_run(const char *path)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "steward: the console needs a terminal (use the commands for scripts; "
		                "see 'steward --help')\n");
		return 1;
	}
	stw_error err;
	stw_ws *ws;
	if (stw_ws_open(&ws, path, 0, &err) != STW_OK) {
		fprintf(stderr, "steward: %s\n", err.msg);
		return stw_exit_status(err.code);
	}
	long long records = stw_ws_count_records(ws);
	long long quarantined = stw_ws_count_quarantine(ws);
	long long sources = stw_ws_count_sources(ws);

	setlocale(LC_ALL, "");
	stw_set_oom_handler(restore_terminal);
	initscr();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	curs_set(0);
	for (;;) {
		draw(path, records, quarantined, sources);
		int ch = getch();
		if (ch == 'q' || ch == 'Q')
			break;
	}
	endwin();
	stw_set_oom_handler(NULL);
	stw_ws_close(ws);
	return 0;
}
