/*
 * Masking personal data for demos and screen sharing (--mask).
 *
 * Emails keep their first letter, the first letter of the domain and the
 * top-level domain (j***@e***.com); phone numbers keep their first four and
 * last two digits and their layout (+1 555 *** **67); names and streets keep
 * the first letter of each word (J*** S***); birth dates keep the year.
 * Fields that are not personal (company, city, country...) are shown as
 * they are.
 */
#ifndef UI_MASK_H
#define UI_MASK_H

#include "util.h"

/* True when values of field are masked. */
int ui_mask_field(const char *field);

/*
 * Replaces out's contents with value masked as field's kind (field NULL:
 * free text, every word masked). value NULL gives "".
 */
void ui_mask(stw_buf *out, const char *field, const char *value);

#endif
