/*
 * Line editor, text fitting (escaping, wide characters) and masking.
 */
#include <criterion/criterion.h>
#include <locale.h>
#include <string.h>

#include "edit.h"
#include "mask.h"
#include "state.h"
#include "text.h"

static void
setup(void)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
}

TestSuite(ui_text, .init = setup);

Test(ui_text, editor_utf8_cursor)
{
	struct ui_edit e;
	ui_edit_set(&e, "Zoë");
	ui_edit_key(&e, UI_K_LEFT);
	ui_edit_key(&e, UI_K_BACKSPACE); /* removes o */
	cr_assert_str_eq(e.buf, "Zë");
	ui_edit_key(&e, UI_K_HOME);
	ui_edit_key(&e, 0x6771); /* 東 */
	cr_assert_str_eq(e.buf, "東Zë");
	ui_edit_key(&e, UI_K_END);
	ui_edit_key(&e, UI_K_LEFT);
	ui_edit_key(&e, UI_K_DELETE);
	cr_assert_str_eq(e.buf, "東Z");
	ui_edit_key(&e, UI_CTRL('u'));
	cr_assert_str_eq(e.buf, "");
	cr_assert_eq(ui_edit_key(&e, UI_K_ESC), UI_EDIT_CANCEL);
	cr_assert_eq(ui_edit_key(&e, UI_K_ENTER), UI_EDIT_DONE);
}

Test(ui_text, editor_refuses_control_characters)
{
	struct ui_edit e;
	ui_edit_set(&e, NULL);
	ui_edit_key(&e, 0x1b);
	ui_edit_key(&e, 0x07);
	ui_edit_key(&e, 0x9b);
	ui_edit_key(&e, 'a');
	cr_assert_str_eq(e.buf, "a");
}

Test(ui_text, editor_word_erase_and_view)
{
	struct ui_edit e;
	ui_edit_set(&e, "one two  ");
	ui_edit_key(&e, UI_CTRL('w'));
	cr_assert_str_eq(e.buf, "one ");
	ui_edit_set(&e, "東東東東東");
	size_t start;
	int curx;
	ui_edit_view(&e, 6, &start, &curx);
	cr_assert(curx < 6);
	cr_assert(start > 0);
}

Test(ui_text, escapes_control_sequences)
{
	stw_buf b = STW_BUF_INIT;
	ui_text_fit(&b, "\x1b[31mred\x07\n", 40, false);
	cr_assert_str_eq(b.data, "\\e[31mred\\x07\\n");
	ui_text_fit(&b, "bad\xff", 40, false);
	cr_assert_str_eq(b.data, "bad\\xFF");
	ui_text_fit(&b, "\xc2\x9b" "x", 40, false); /* C1 CSI */
	cr_assert_str_eq(b.data, "\\u009Bx");
	stw_buf_free(&b);
}

Test(ui_text, fits_wide_characters)
{
	stw_buf b = STW_BUF_INIT;
	cr_assert_eq(ui_text_width("東京"), 4);
	cr_assert_eq(ui_text_fit(&b, "東京都", 5, true), 5);
	cr_assert_str_eq(b.data, "東京…");
	cr_assert_eq(ui_text_fit(&b, "Zoë", 5, true), 5);
	cr_assert_str_eq(b.data, "Zoë  ");
	cr_assert_eq(ui_text_fit(&b, "abcdef", 4, false), 4);
	cr_assert_str_eq(b.data, "abc…");
	stw_buf_free(&b);
}

Test(ui_text, masks_personal_data)
{
	stw_buf b = STW_BUF_INIT;
	ui_mask(&b, "email", "john.doe@example.com");
	cr_assert_str_eq(b.data, "j***@e***.com");
	ui_mask(&b, "phone", "+1 555 123 4567");
	cr_assert_str_eq(b.data, "+1 555 *** **67");
	ui_mask(&b, "full_name", "Zoë Smith");
	cr_assert_str_eq(b.data, "Z*** S***");
	ui_mask(&b, "city", "Paris");
	cr_assert_str_eq(b.data, "Paris");
	cr_assert(!ui_mask_field("company"));
	stw_buf_free(&b);
}
