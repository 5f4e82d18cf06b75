/*
 * English given-name nicknames: is "Bob" compatible with "Robert"?
 *
 * The table is the embedded rules/nicknames/names.csv (rows "formal,
 * has_nickname,nick"; see rules/nicknames/NOTICE), read inverted into a hash
 * table from each lower-case name to the formal names it is a nickname of.
 * It is loaded on first use, once per process, safely from several threads
 * (pthread_once), and then only read, so every function here may be called
 * concurrently. Lookups fold case and accents (stw_ascii_fold in cmp.h) and
 * allocate nothing.
 *
 * The source list is not a strict formal -> nickname mapping: it also links
 * nicknames to each other ("bobby,has_nickname,rob") and in both directions
 * ("robert,has_nickname,bill" and "bill,has_nickname,robert"), and some
 * rows run from a short form to a full name ("wilma,has_nickname,william").
 * A row whose nickname has more nicknames of its own than its formal name
 * is taken to be written backwards (nickname.c explains this): it links its
 * two names only weakly and plays no part in the other relations.
 */
#ifndef STW_NICKNAME_H
#define STW_NICKNAME_H

typedef enum {
	STW_NICK_NONE = 0,      /* not related through the table */
	STW_NICK_AMBIGUOUS = 1, /* related only through a nickname that has
	                           several formal names: a weaker match */
	STW_NICK_SAME_FORMAL = 2, /* the same person's name, as far as the
	                             table can tell */
} stw_nick_level;

/*
 * How the given names a and b relate. STW_NICK_SAME_FORMAL when they are
 * equal (after folding), when the table has a row linking the two directly
 * (Bob/Robert, Peggy/Margaret, Bill/William, Bobby/Rob), or when both are
 * nicknames of one and the same formal name and of no other (Bess/Lizzie,
 * both Elizabeth). STW_NICK_AMBIGUOUS when they are nicknames of a common
 * formal name but at least one of them also belongs to another formal name
 * (Bill/Bob: "bill" is William or Robert), or when the only row linking
 * them is one taken to be backwards (Wilma/William, from the row
 * "wilma,has_nickname,william"). STW_NICK_NONE otherwise: names the table
 * does not know, two formal names that only share a nickname (Robert and
 * William through "bill"), NULL, empty or blank names. A name that does not
 * fold to ASCII (other scripts) or is longer than 63 bytes is only ever
 * SAME_FORMAL with an identical string. Leading and trailing spaces are
 * ignored; "Mary Ann" is looked up as one name.
 */
stw_nick_level stw_nick_compatible(const char *a, const char *b);

/*
 * The formal name to use for name in a blocking key: when the folded name
 * is a nickname of exactly one formal name, that formal name (lower case,
 * static storage owned by the table, valid until stw_nick_free()); in every
 * other case name itself, unchanged (the returned pointer is then name).
 * "Jim" gives "james"; "Peggy" (Margaret, Margaretta or Marguerite) is
 * returned as is.
 */
const char *stw_nick_canonical(const char *name);

/*
 * Loads the table now instead of on first use. Returns the number of
 * distinct names in it (0 if the embedded file is missing).
 */
unsigned stw_nick_load(void);

/*
 * Frees the table. Only for leak checkers and tests at the end of a
 * process: afterwards no nickname function may be called again, and none
 * may be running on another thread.
 */
void stw_nick_free(void);

#endif
