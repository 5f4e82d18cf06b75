/*
 * Nickname compatibility on the embedded table: the documented levels,
 * folding of case and accents, canonical names, concurrent first use, and
 * a clean release for the leak checker.
 */
#include <criterion/criterion.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "nickname.h"

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static void
release(void)
{
	stw_nick_free();
}

TestSuite(nick, .fini = release);

Test(nick, loads_the_embedded_table)
{
	/* About 2,700 rows over some 2,200 distinct names. */
	unsigned n = stw_nick_load();
	cr_expect(n > 1500 && n < 5000, "%u names", n);
	cr_expect_eq(stw_nick_load(), n);
}

Test(nick, levels)
{
	struct { const char *a, *b; stw_nick_level level; } c[] = {
		/* A row links the two names. */
		{"Bob", "Robert", STW_NICK_SAME_FORMAL},
		{"Robert", "Bob", STW_NICK_SAME_FORMAL},
		{"Peggy", "Margaret", STW_NICK_SAME_FORMAL},
		{"Bill", "William", STW_NICK_SAME_FORMAL},
		{"Bill", "Robert", STW_NICK_SAME_FORMAL},
		{"Bobby", "Rob", STW_NICK_SAME_FORMAL},
		{"Bobby", "Robert", STW_NICK_SAME_FORMAL},
		{"Dick", "Richard", STW_NICK_SAME_FORMAL},
		{"Jack", "John", STW_NICK_SAME_FORMAL},
		{"Ted", "Edward", STW_NICK_SAME_FORMAL},
		{"Chuck", "Charles", STW_NICK_SAME_FORMAL},
		{"Liz", "Elizabeth", STW_NICK_SAME_FORMAL},
		{"Steve", "Stephen", STW_NICK_SAME_FORMAL},
		{"Jim", "James", STW_NICK_SAME_FORMAL},
		/* Both nicknames of one formal name only. */
		{"Bess", "Lizzie", STW_NICK_SAME_FORMAL},
		{"Jim", "Jimmy", STW_NICK_SAME_FORMAL},
		/* Equal names. */
		{"Robert", "robert", STW_NICK_SAME_FORMAL},
		{"Zebulon", "Zebulon", STW_NICK_SAME_FORMAL},
		{"Xqzzy", "xqzzy", STW_NICK_SAME_FORMAL},
		/* Through a nickname of several formal names. */
		{"Bill", "Bob", STW_NICK_AMBIGUOUS},
		{"Will", "Bill", STW_NICK_AMBIGUOUS},
		{"Maggie", "Peggy", STW_NICK_AMBIGUOUS},
		{"Ed", "Ted", STW_NICK_AMBIGUOUS},
		/* Only through a row written backwards. */
		{"Wilma", "William", STW_NICK_AMBIGUOUS},
		/* Unrelated. */
		{"Robert", "William", STW_NICK_NONE},
		{"Robert", "Richard", STW_NICK_NONE},
		{"Steven", "Stephen", STW_NICK_NONE},
		{"Margaret", "Elizabeth", STW_NICK_NONE},
		{"Bob", "Xqzzy", STW_NICK_NONE},
		{"Xqzzy", "Yqzzy", STW_NICK_NONE},
		/* Missing values. */
		{"", "Robert", STW_NICK_NONE},
		{"Bob", "", STW_NICK_NONE},
		{NULL, "Robert", STW_NICK_NONE},
		{"Bob", NULL, STW_NICK_NONE},
		{NULL, NULL, STW_NICK_NONE},
		{"", "", STW_NICK_NONE},
		{"   ", "   ", STW_NICK_NONE},
	};
	for (size_t i = 0; i < N_OF(c); i++) {
		cr_expect_eq(stw_nick_compatible(c[i].a, c[i].b), c[i].level,
		    "%s/%s", c[i].a ? c[i].a : "(null)", c[i].b ? c[i].b : "(null)");
		cr_expect_eq(stw_nick_compatible(c[i].b, c[i].a), c[i].level,
		    "symmetry %zu", i);
	}
}

Test(nick, folds_case_accents_and_spaces)
{
	cr_expect_eq(stw_nick_compatible("BOB", "robert"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("  Bob ", "Robert"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("Jos\xc3\xa9", "jose"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("Ren\xc3\xa9", "Rene"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("B\xc3\xb6" "b", "Robert"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("\xc3\x89" "d", "Edward"), STW_NICK_SAME_FORMAL);
	/* Other scripts: only identical strings are the same. */
	cr_expect_eq(stw_nick_compatible("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd",
	    "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_compatible("\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd",
	    "\xd0\x9f\xd1\x91\xd1\x82\xd1\x80"), STW_NICK_NONE);
	cr_expect_eq(stw_nick_compatible("\xff" "Bob", "Robert"), STW_NICK_NONE);
	cr_expect_eq(stw_nick_compatible("\xff", "\xfe"), STW_NICK_NONE);
}

Test(nick, long_names)
{
	char *s = malloc(4001);
	memset(s, 'b', 4000);
	s[4000] = '\0';
	cr_expect_eq(stw_nick_compatible(s, "Robert"), STW_NICK_NONE);
	cr_expect_eq(stw_nick_compatible(s, s), STW_NICK_SAME_FORMAL);
	cr_expect_eq(stw_nick_canonical(s), s);
	free(s);
}

Test(nick, canonical)
{
	struct { const char *in, *want; } c[] = {
		{"Jim", "james"},
		{"JIMMY", "james"},
		{"Robby", "robert"},
		{"Lizzie", "elizabeth"},
		{"Bess", "elizabeth"},
		{"Chick", "charles"},
	};
	for (size_t i = 0; i < N_OF(c); i++)
		cr_expect_str_eq(stw_nick_canonical(c[i].in), c[i].want, "%s", c[i].in);

	/* Not unique, formal already, unknown, empty: the argument itself. */
	const char *same[] = {"Bill", "Peggy", "Robert", "Margaret", "William",
	    "Xqzzy", "", "\xd0\x98\xd0\xb2\xd0\xb0\xd0\xbd"};
	for (size_t i = 0; i < N_OF(same); i++)
		cr_expect_eq(stw_nick_canonical(same[i]), same[i], "%s", same[i]);
	cr_expect_null(stw_nick_canonical(NULL));
}

static void *
worker(void *arg)
{
	int *bad = arg;
	for (int i = 0; i < 2000; i++) {
		if (stw_nick_compatible("Bob", "Robert") != STW_NICK_SAME_FORMAL ||
		    stw_nick_compatible("Bill", "Bob") != STW_NICK_AMBIGUOUS ||
		    strcmp(stw_nick_canonical("Jim"), "james") != 0)
			(*bad)++;
	}
	return NULL;
}

Test(nick, concurrent_first_use)
{
	pthread_t t[4];
	int bad[4] = {0};
	for (int i = 0; i < 4; i++)
		cr_assert_eq(pthread_create(&t[i], NULL, worker, &bad[i]), 0);
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		cr_expect_eq(bad[i], 0, "thread %d", i);
	}
}
