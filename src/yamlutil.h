/*
 * A small YAML document tree on top of libyaml's event parser, keeping each
 * node's line and column so that rule and profile errors can name them.
 * Anchors and aliases are refused (rules files do not need them).
 */
#ifndef STW_YAMLUTIL_H
#define STW_YAMLUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "error.h"

typedef enum { STW_Y_SCALAR, STW_Y_SEQ, STW_Y_MAP } stw_ykind;

typedef struct stw_ynode stw_ynode;
struct stw_ynode {
	stw_ykind   kind;
	char       *value;  /* scalars: the text (owned) */
	bool        quoted; /* scalars: written in quotes */
	stw_ynode **items;  /* seq: the items; map: key, value, key, value... (owned) */
	size_t      n;      /* seq: item count; map: number of pairs */
	int         line;   /* 1-based */
	int         col;    /* 1-based */
};

/*
 * Parses data (len bytes) as one YAML document. name is used in messages
 * ("rules/default.yaml"). On success *out is the root (owned, stw_ynode_free);
 * on failure *out is NULL and err says "name:line:col: problem".
 */
stw_err stw_yaml_parse(const char *name, const char *data, size_t len, stw_ynode **out,
                       stw_error *err);

/* Reads the file at path and parses it. */
stw_err stw_yaml_load_file(const char *path, stw_ynode **out, stw_error *err);

void stw_ynode_free(stw_ynode *n);

/* Map lookup: the value node for key, or NULL. */
const stw_ynode *stw_ymap_get(const stw_ynode *map, const char *key);
/* The i-th key / value of a map. */
const stw_ynode *stw_ymap_key(const stw_ynode *map, size_t i);
const stw_ynode *stw_ymap_val(const stw_ynode *map, size_t i);

/* Fills err with "name:line:col: message" for node n and returns STW_EDATA. */
stw_err stw_yerr(stw_error *err, const char *name, const stw_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A human word for a node kind: "a scalar", "a list", "a mapping". */
const char *stw_ykind_name(stw_ykind k);

#endif
