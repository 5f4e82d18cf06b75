/*
 * Builds the node tree from libyaml events with an explicit stack.
 */
#include "yamlutil.h"
#include "util.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#define MAX_DEPTH 64

static stw_ynode *
node_new(stw_ykind kind, const yaml_mark_t *m)
{
	stw_ynode *n = stw_xcalloc(1, sizeof *n);
	n->kind = kind;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	return n;
}

/* items is NULL-terminated; a map stores key, value, key, value... */
static void
node_append(stw_ynode *parent, stw_ynode *child)
{
	size_t slots = 0;
	while (parent->items && parent->items[slots])
		slots++;
	parent->items = stw_xrealloc(parent->items, (slots + 2) * sizeof *parent->items);
	parent->items[slots] = child;
	parent->items[slots + 1] = NULL;
	parent->n = parent->kind == STW_Y_SEQ ? slots + 1 : (slots + 1) / 2;
}

void
stw_ynode_free(stw_ynode *n)
{
	if (!n)
		return;
	if (n->items)
		for (size_t i = 0; n->items[i]; i++)
			stw_ynode_free(n->items[i]);
	free(n->items);
	free(n->value);
	free(n);
}

stw_err
stw_yerr(stw_error *err, const char *name, const stw_ynode *n, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (n)
		return stw_fail(err, STW_EDATA, "%s:%d:%d: %s", name, n->line, n->col, msg);
	return stw_fail(err, STW_EDATA, "%s: %s", name, msg);
}

const char *
stw_ykind_name(stw_ykind k)
{
	switch (k) {
	case STW_Y_SCALAR: return "a single value";
	case STW_Y_SEQ: return "a list";
	case STW_Y_MAP: return "a mapping";
	}
	return "?";
}

stw_err
stw_yaml_parse(const char *name, const char *data, size_t len, stw_ynode **out, stw_error *err)
{
	*out = NULL;
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return stw_fail(err, STW_ENOMEM, "%s: out of memory", name);
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);

	stw_ynode *stack[MAX_DEPTH];
	int depth = 0;
	stw_ynode *root = NULL;
	stw_err e = STW_OK;
	bool done = false;
	while (!done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev)) {
			e = stw_fail(err, STW_EDATA, "%s:%zu:%zu: %s%s%s", name,
			             parser.problem_mark.line + 1, parser.problem_mark.column + 1,
			             parser.problem ? parser.problem : "syntax error",
			             parser.context ? " " : "", parser.context ? parser.context : "");
			break;
		}
		stw_ynode *n = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_END_EVENT:
			done = true;
			break;
		case YAML_ALIAS_EVENT:
			e = stw_fail(err, STW_EDATA, "%s:%zu:%zu: aliases (*name) are not supported",
			             name, ev.start_mark.line + 1, ev.start_mark.column + 1);
			break;
		case YAML_SCALAR_EVENT:
			n = node_new(STW_Y_SCALAR, &ev.start_mark);
			n->value = stw_xstrndup((const char *)ev.data.scalar.value, ev.data.scalar.length);
			n->quoted = ev.data.scalar.style == YAML_SINGLE_QUOTED_SCALAR_STYLE ||
			            ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
			if (ev.data.scalar.anchor)
				e = stw_fail(err, STW_EDATA, "%s:%d:%d: anchors (&name) are not supported",
				             name, n->line, n->col);
			break;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			n = node_new(ev.type == YAML_SEQUENCE_START_EVENT ? STW_Y_SEQ : STW_Y_MAP,
			             &ev.start_mark);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (n) {
			if (depth > 0) {
				stw_ynode *parent = stack[depth - 1];
				if (parent->kind == STW_Y_MAP) {
					size_t slots = 0;
					while (parent->items && parent->items[slots])
						slots++;
					if (slots % 2 == 0 && n->kind != STW_Y_SCALAR && e == STW_OK)
						e = stw_fail(err, STW_EDATA,
						             "%s:%d:%d: a key must be a single value", name,
						             n->line, n->col);
				}
				node_append(parent, n);
			} else if (!root) {
				root = n;
			} else {
				stw_ynode_free(n);
			}
			if (n->kind != STW_Y_SCALAR) {
				if (depth == MAX_DEPTH) {
					e = stw_fail(err, STW_EDATA, "%s:%d:%d: nested too deeply", name,
					             n->line, n->col);
				} else {
					stack[depth++] = n;
				}
			}
		}
		yaml_event_delete(&ev);
		if (e != STW_OK)
			break;
	}
	yaml_parser_delete(&parser);
	if (e == STW_OK && !root)
		e = stw_fail(err, STW_EDATA, "%s: the file is empty", name);
	if (e != STW_OK) {
		stw_ynode_free(root);
		return e;
	}
	*out = root;
	return STW_OK;
}

stw_err
stw_yaml_load_file(const char *path, stw_ynode **out, stw_error *err)
{
	*out = NULL;
	stw_buf b = STW_BUF_INIT;
	if (stw_read_file(path, &b) != 0) {
		stw_err e = stw_fail(err, STW_EIO, "%s: cannot read: %s", path, strerror(errno));
		stw_buf_free(&b);
		return e;
	}
	stw_err e = stw_yaml_parse(path, b.data, b.len, out, err);
	stw_buf_free(&b);
	return e;
}

const stw_ynode *
stw_ymap_key(const stw_ynode *map, size_t i)
{
	return map->items[2 * i];
}

const stw_ynode *
stw_ymap_val(const stw_ynode *map, size_t i)
{
	return map->items[2 * i + 1];
}

const stw_ynode *
stw_ymap_get(const stw_ynode *map, const char *key)
{
	if (!map || map->kind != STW_Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->value, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}
