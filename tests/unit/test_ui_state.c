/*
 * The console's state machine with no terminal: key -> action -> state.
 */
#include <criterion/criterion.h>
#include <string.h>

#include "state.h"

static struct ui_state s;

static void
setup(void)
{
	ui_state_init(&s, 24, 80);
	s.list[UI_DUPES].page = 10;
	ui_list_set_count(&s.list[UI_DUPES], 25);
	ui_state_set_detail(&s, 3, 8);
}

TestSuite(ui_state, .init = setup);

Test(ui_state, starts_on_duplicates_queue)
{
	cr_assert_eq(s.pane, UI_DUPES);
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	cr_assert(!s.detail);
}

Test(ui_state, number_keys_and_tab_switch_panes)
{
	cr_assert_eq(ui_key(&s, '3'), UI_A_MOVE);
	cr_assert_eq(s.pane, UI_INCOMPLETE);
	ui_key(&s, UI_K_TAB);
	cr_assert_eq(s.pane, UI_LOG);
	ui_key(&s, UI_K_BTAB);
	ui_key(&s, UI_K_BTAB);
	cr_assert_eq(s.pane, UI_DUPES);
	ui_key(&s, '5');
	ui_key(&s, UI_K_TAB);
	cr_assert_eq(s.pane, UI_DASHBOARD);
}

Test(ui_state, arrows_and_vi_keys_move_and_clamp)
{
	ui_key(&s, 'j');
	ui_key(&s, UI_K_DOWN);
	cr_assert_eq(s.list[UI_DUPES].cur, 2);
	ui_key(&s, 'k');
	cr_assert_eq(s.list[UI_DUPES].cur, 1);
	ui_key(&s, UI_K_PGDN);
	cr_assert_eq(s.list[UI_DUPES].cur, 11);
	cr_assert_eq(s.list[UI_DUPES].top, 2);
	ui_key(&s, UI_K_END);
	cr_assert_eq(s.list[UI_DUPES].cur, 24);
	ui_key(&s, 'j');
	cr_assert_eq(s.list[UI_DUPES].cur, 24);
	ui_key(&s, UI_K_HOME);
	cr_assert_eq(s.list[UI_DUPES].cur, 0);
	cr_assert_eq(s.list[UI_DUPES].top, 0);
	ui_key(&s, UI_K_UP);
	cr_assert_eq(s.list[UI_DUPES].cur, 0);
}

Test(ui_state, decisions_are_actions)
{
	cr_assert_eq(ui_key(&s, 'a'), UI_A_ACCEPT);
	cr_assert_eq(ui_key(&s, 'r'), UI_A_REJECT);
	cr_assert_eq(ui_key(&s, 'd'), UI_A_DEFER);
	cr_assert_eq(ui_key(&s, 'u'), UI_A_UNDO);
	cr_assert_eq(ui_key(&s, 'q'), UI_A_QUIT);
}

Test(ui_state, no_decision_on_an_empty_queue)
{
	ui_list_set_count(&s.list[UI_DUPES], 0);
	cr_assert_eq(ui_key(&s, 'a'), UI_A_NONE);
	cr_assert_eq(ui_key(&s, 'r'), UI_A_NONE);
}

Test(ui_state, detail_picks_values_and_master)
{
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE);
	cr_assert(s.detail);
	ui_key(&s, 'j');
	ui_key(&s, 'l');
	ui_key(&s, UI_K_RIGHT);
	ui_key(&s, UI_K_RIGHT); /* clamps at the last record */
	cr_assert_eq(s.field, 1);
	cr_assert_eq(s.col, 2);
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_PICK);
	cr_assert_eq(ui_key(&s, 'm'), UI_A_MASTER);
	ui_key(&s, 'h');
	cr_assert_eq(s.col, 1);
	ui_key(&s, UI_K_ESC);
	cr_assert(!s.detail);
}

Test(ui_state, typed_golden_value)
{
	ui_key(&s, UI_K_ENTER);
	ui_key(&s, 'e');
	cr_assert_eq(s.mode, UI_MODE_PROMPT);
	cr_assert_eq(s.prompt, UI_PROMPT_VALUE);
	ui_key(&s, 'B');
	ui_key(&s, 'o');
	ui_key(&s, 'b');
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_SET_VALUE);
	cr_assert_str_eq(s.edit.buf, "Bob");
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
}

Test(ui_state, horizontal_scroll_follows_the_record)
{
	s.col_fit = 2;
	ui_state_set_detail(&s, 5, 8);
	ui_key(&s, UI_K_ENTER);
	for (int i = 0; i < 4; i++)
		ui_key(&s, 'l');
	cr_assert_eq(s.col, 4);
	cr_assert_eq(s.col_first, 3);
	ui_key(&s, 'h');
	ui_key(&s, 'h');
	ui_key(&s, 'h');
	cr_assert_eq(s.col_first, 1);
}

Test(ui_state, split_needs_a_proper_subset)
{
	cr_assert_eq(ui_key(&s, 'x'), UI_A_MOVE);
	cr_assert_eq(s.mode, UI_MODE_SPLIT);
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE); /* nothing picked */
	cr_assert_eq(s.mode, UI_MODE_SPLIT);
	ui_key(&s, ' ');
	ui_key(&s, 'l');
	ui_key(&s, ' ');
	cr_assert_eq(s.split_mask, 3u);
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_SPLIT);
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
}

Test(ui_state, split_refused_for_two_records)
{
	ui_state_set_detail(&s, 2, 8);
	ui_key(&s, 'x');
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	cr_assert(strstr(s.status, "three") != NULL);
}

Test(ui_state, filter_and_sort_cycle_and_reset_the_cursor)
{
	ui_key(&s, 'j');
	ui_key(&s, 'f');
	cr_assert_eq(s.filter, 2);
	cr_assert_eq(s.list[UI_DUPES].cur, 0);
	ui_key(&s, 's');
	cr_assert_eq(s.sort, 1);
	for (int i = 0; i < 4; i++)
		ui_key(&s, 'f');
	cr_assert_eq(s.filter, 1);
}

Test(ui_state, purge_needs_a_reason)
{
	ui_key(&s, '3');
	s.nrules = 2;
	s.list[UI_INCOMPLETE].page = 5;
	ui_list_set_count(&s.list[UI_INCOMPLETE], 4);
	ui_key(&s, 'X');
	cr_assert_eq(s.prompt, UI_PROMPT_PURGE);
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE);
	ui_key(&s, 'X');
	ui_key(&s, 'd');
	ui_key(&s, 'u');
	ui_key(&s, 'p');
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_PURGE);
	cr_assert_str_eq(s.edit.buf, "dup");
}

Test(ui_state, apply_rule_asks_first)
{
	ui_key(&s, '3');
	s.nrules = 2;
	ui_list_set_count(&s.list[UI_INCOMPLETE], 4);
	cr_assert_eq(ui_key(&s, 'A'), UI_A_APPLY_RULE_ASK);
	ui_confirm(&s, UI_A_APPLY_RULE, "Apply 4?");
	cr_assert_eq(s.mode, UI_MODE_CONFIRM);
	cr_assert_eq(ui_key(&s, 'n'), UI_A_MOVE);
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	ui_confirm(&s, UI_A_APPLY_RULE, "Apply 4?");
	cr_assert_eq(ui_key(&s, 'y'), UI_A_APPLY_RULE);
	ui_key(&s, 'l');
	cr_assert_eq(s.rule, 1);
	ui_key(&s, 'l');
	cr_assert_eq(s.rule, 1);
}

Test(ui_state, edit_prompt_asks_for_the_current_value)
{
	ui_key(&s, '3');
	ui_list_set_count(&s.list[UI_INCOMPLETE], 4);
	ui_key(&s, 'e');
	cr_assert_eq(s.prompt, UI_PROMPT_EDIT);
	cr_assert(s.prompt_fill);
	cr_assert_eq(ui_key(&s, UI_K_ESC), UI_A_MOVE);
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
}

Test(ui_state, help_search_and_jump)
{
	ui_key(&s, '?');
	cr_assert_eq(s.mode, UI_MODE_HELP);
	ui_key(&s, 'x');
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	ui_key(&s, '/');
	ui_key(&s, 'a');
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_SEARCH);
	ui_key(&s, ':');
	ui_key(&s, 'c');
	ui_key(&s, '7');
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_JUMP);
	cr_assert_str_eq(s.edit.buf, "c7");
}

Test(ui_state, resize_keeps_the_cursor)
{
	ui_key(&s, UI_K_END);
	int64_t cur = s.list[UI_DUPES].cur;
	ui_state_resize(&s, 40, 120);
	ui_list_set_page(&s.list[UI_DUPES], 30);
	cr_assert_eq(s.list[UI_DUPES].cur, cur);
	ui_state_resize(&s, 24, 80);
	ui_list_set_page(&s.list[UI_DUPES], 5);
	cr_assert_eq(s.list[UI_DUPES].cur, cur);
	cr_assert(s.list[UI_DUPES].top <= cur && cur < s.list[UI_DUPES].top + 5);
}

Test(ui_state, log_filters_cycle)
{
	ui_key(&s, '4');
	s.nactions = 2;
	s.nstewards = 1;
	ui_key(&s, 'f');
	ui_key(&s, 'f');
	cr_assert_eq(s.log_action, 2);
	ui_key(&s, 'f');
	cr_assert_eq(s.log_action, 0);
	ui_key(&s, 'w');
	cr_assert_eq(s.log_steward, 1);
	ui_key(&s, 'c');
	cr_assert_eq(s.log_steward, 0);
}

Test(ui_state, every_pane_has_a_bar)
{
	for (int p = 0; p < UI_NPANES; p++) {
		s.pane = p;
		cr_assert(strlen(ui_state_keys(&s)) > 0);
		cr_assert(strstr(ui_state_keys(&s), "?") != NULL);
	}
}

Test(ui_state, dashboard_profile_and_match_keys)
{
	ui_key(&s, '1');
	cr_assert_eq(s.pane, UI_DASHBOARD);
	cr_assert_eq(ui_key(&s, 'P'), UI_A_PROFILE);
	cr_assert_eq(ui_key(&s, 'M'), UI_A_MATCH);
	cr_assert(strstr(ui_state_keys(&s), "P profile") != NULL);
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE);
	cr_assert_eq(s.pane, UI_DUPES);
	/* P means nothing on the queue. */
	cr_assert_eq(ui_key(&s, 'P'), UI_A_NONE);
}

Test(ui_state, bars_fit_80_columns)
{
	for (int p = 0; p < UI_NPANES; p++) {
		s.pane = p;
		/* The bar is drawn after one space; arrows are one column each. */
		const char *k = ui_state_keys(&s);
		int cols = 0;
		for (const unsigned char *c = (const unsigned char *)k; *c; c++)
			cols += (*c & 0xc0) != 0x80;
		cr_assert_leq(cols, 79, "pane %d: %s", p, k);
	}
}

static void
type(const char *text)
{
	for (const char *p = text; *p; p++)
		ui_key(&s, (unsigned char)*p);
}

Test(ui_state, dashboard_import_asks_for_a_file)
{
	ui_key(&s, '1');
	cr_assert(strstr(ui_state_keys(&s), "I import") != NULL);
	cr_assert_eq(ui_key(&s, 'I'), UI_A_MOVE);
	cr_assert_eq(s.mode, UI_MODE_PROMPT);
	cr_assert_eq(s.prompt, UI_PROMPT_IMPORT);
	type("new.csv");
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_IMPORT);
	cr_assert_str_eq(s.edit.buf, "new.csv");
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	cr_assert_eq(s.pane, UI_DASHBOARD);
	/* Esc, or no file, imports nothing. */
	ui_key(&s, 'I');
	type("x.csv");
	cr_assert_eq(ui_key(&s, UI_K_ESC), UI_A_MOVE);
	cr_assert_eq(s.mode, UI_MODE_NORMAL);
	ui_key(&s, 'I');
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE);
	cr_assert(s.status_error);
	cr_assert(strstr(s.status, "nothing imported") != NULL, "%s", s.status);
	/* I means nothing on the other panes. */
	ui_key(&s, '2');
	cr_assert_eq(ui_key(&s, 'I'), UI_A_NONE);
}

Test(ui_state, colon_import_from_any_pane)
{
	ui_key(&s, '3');
	ui_key(&s, ':');
	type("import  dir/my file.csv");
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_IMPORT);
	cr_assert_str_eq(s.edit.buf, "dir/my file.csv");
	cr_assert_eq(s.pane, UI_INCOMPLETE);
	/* Without a file it says how. */
	ui_key(&s, ':');
	type("import");
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_MOVE);
	cr_assert(s.status_error);
	cr_assert(strstr(s.status, ":import FILE") != NULL, "%s", s.status);
	/* Ids still jump; a word that only starts like it is no import. */
	ui_key(&s, ':');
	type("c12");
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_JUMP);
	ui_key(&s, ':');
	type("imports.csv");
	cr_assert_eq(ui_key(&s, UI_K_ENTER), UI_A_JUMP);
}
