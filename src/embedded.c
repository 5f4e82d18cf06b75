/*
 * Lookup in the table of files compiled in from rules/.
 */
#include "embedded.h"

#include <string.h>

const stw_embedded *
stw_embedded_get(const char *name)
{
	for (const stw_embedded *e = stw_embedded_files; e->name; e++)
		if (strcmp(e->name, name) == 0)
			return e;
	return NULL;
}
