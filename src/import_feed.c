/*
 * The import's reading thread. Batches of rows take turns in a ring of
 * NBATCH: the thread fills the free ones, the loader empties the full ones
 * in order. A batch keeps its rows' bytes in one arena and their places as
 * offsets, so a batch costs a handful of allocations however many rows it
 * holds, and its memory is reused from turn to turn.
 */
#include "import_feed.h"
#include "fields.h"
#include "util.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBATCH 3
#define BATCH_ROWS 1024
#define BATCH_BYTES ((size_t)4 << 20) /* a batch is cut early past this */
#define NONE SIZE_MAX

/* One row of a batch: where its parts are in the batch's arena. */
typedef struct {
	long     line, end_line;
	size_t   n;            /* fields */
	size_t   field0;       /* its first field in the batch's offs and lens */
	size_t   raw_off, raw_len;
	size_t   why_off;      /* NONE: a good row */
	size_t   json_off, json_len;
	uint64_t offset;
	bool     bad_encoding;
} slot;

typedef struct {
	slot    *rows;
	int      n;
	size_t  *offs, *lens;  /* per field of every row */
	size_t   nfields, capfields;
	stw_buf  arena;
	bool     last;         /* the end of the file or an error follows these rows */
	int      status;       /* with last: 0 at the end, -1 on an error */
} batch;

struct stw_feed {
	stw_csv        *csv;
	size_t          ncols;
	bool            encode;
	pthread_t       th;
	pthread_mutex_t mu;
	pthread_cond_t  cv;    /* a batch was filled, taken back, or stop was set */
	batch           b[NBATCH];
	int             head;  /* the next batch to empty */
	int             tail;  /* the next batch to fill */
	int             full;  /* batches filled and not yet taken back */
	atomic_bool     stop;
	stw_error       err;   /* the thread's, when a batch ends with -1 */
	/* The loader's side. */
	batch          *cur;
	int             pos;
	const char    **v;     /* the current row's field pointers */
	size_t          vcap;
};

static size_t
arena_put(stw_buf *a, const char *s, size_t n)
{
	size_t off = a->len;
	stw_buf_add(a, s, n);
	stw_buf_addc(a, '\0');
	return off;
}

/* Adds a row to b; why is NULL for a good row. */
static void
batch_add(stw_feed *f, batch *b, const stw_csv_row *row, const char *why, uint64_t offset)
{
	if (b->nfields + row->n > b->capfields) {
		size_t cap = b->capfields ? b->capfields : 64;
		while (cap < b->nfields + row->n)
			cap *= 2;
		b->offs = stw_xrealloc(b->offs, cap * sizeof *b->offs);
		b->lens = stw_xrealloc(b->lens, cap * sizeof *b->lens);
		b->capfields = cap;
	}
	slot *s = &b->rows[b->n++];
	s->line = row->line;
	s->end_line = row->end_line;
	s->n = row->n;
	s->field0 = b->nfields;
	s->offset = offset;
	s->bad_encoding = row->bad_encoding;
	for (size_t i = 0; i < row->n; i++) {
		b->offs[b->nfields + i] = arena_put(&b->arena, row->v[i], row->len[i]);
		b->lens[b->nfields + i] = row->len[i];
	}
	b->nfields += row->n;
	s->why_off = s->raw_off = s->json_off = NONE;
	s->raw_len = s->json_len = 0;
	if (why) {
		s->why_off = arena_put(&b->arena, why, strlen(why));
		s->raw_off = arena_put(&b->arena, row->raw, row->raw_len);
		s->raw_len = row->raw_len;
	} else if (f->encode) {
		s->json_off = b->arena.len;
		stw_fields_encode(&b->arena, row->v, row->len, row->n);
		s->json_len = b->arena.len - s->json_off;
		stw_buf_addc(&b->arena, '\0');
	}
}

/* Fills b with the next rows; returns false when it ended the file. */
static bool
batch_fill(stw_feed *f, batch *b)
{
	b->n = 0;
	b->nfields = 0;
	b->last = false;
	b->status = 0;
	stw_buf_reset(&b->arena);
	while (b->n < BATCH_ROWS && b->arena.len < BATCH_BYTES && !atomic_load(&f->stop)) {
		stw_csv_row row;
		int got = stw_csv_next(f->csv, &row, &f->err);
		if (got <= 0) {
			b->last = true;
			b->status = got;
			return false;
		}
		char reason[240];
		const char *why = row.bad;
		if (!why && row.n != f->ncols) {
			long first = row.line, last = row.end_line;
			if (last > first && stw_csv_resync(f->csv, &row, &f->err) < 0) {
				b->last = true;
				b->status = -1;
				return false;
			}
			if (last > first)
				snprintf(reason, sizeof reason,
				         "%zu fields where the header has %zu (a quote opened on line %ld "
				         "runs to line %ld)", row.n, f->ncols, first, last);
			else
				snprintf(reason, sizeof reason, "%zu fields where the header has %zu",
				         row.n, f->ncols);
			why = reason;
		}
		batch_add(f, b, &row, why, stw_csv_offset(f->csv));
	}
	return true;
}

static void *
feed_run(void *arg)
{
	stw_feed *f = arg;
	for (;;) {
		pthread_mutex_lock(&f->mu);
		while (f->full == NBATCH && !atomic_load(&f->stop))
			pthread_cond_wait(&f->cv, &f->mu);
		batch *b = &f->b[f->tail];
		pthread_mutex_unlock(&f->mu);
		if (atomic_load(&f->stop))
			break;
		bool more = batch_fill(f, b);
		pthread_mutex_lock(&f->mu);
		f->tail = (f->tail + 1) % NBATCH;
		f->full++;
		pthread_cond_broadcast(&f->cv);
		pthread_mutex_unlock(&f->mu);
		if (!more)
			break;
	}
	return NULL;
}

stw_err
stw_feed_start(stw_feed **out, stw_csv *csv, size_t ncols, bool encode, stw_error *err)
{
	*out = NULL;
	stw_feed *f = stw_xcalloc(1, sizeof *f);
	f->csv = csv;
	f->ncols = ncols;
	f->encode = encode;
	atomic_init(&f->stop, false);
	for (int i = 0; i < NBATCH; i++) {
		f->b[i].rows = stw_xmalloc(BATCH_ROWS * sizeof *f->b[i].rows);
		f->b[i].arena = (stw_buf)STW_BUF_INIT;
	}
	bool mu = false, cv = false;
	if (!(mu = pthread_mutex_init(&f->mu, NULL) == 0) ||
	    !(cv = pthread_cond_init(&f->cv, NULL) == 0) ||
	    pthread_create(&f->th, NULL, feed_run, f) != 0) {
		if (cv)
			pthread_cond_destroy(&f->cv);
		if (mu)
			pthread_mutex_destroy(&f->mu);
		for (int i = 0; i < NBATCH; i++)
			free(f->b[i].rows);
		free(f);
		return stw_fail(err, STW_ENOMEM, "cannot start a thread to read the file");
	}
	*out = f;
	return STW_OK;
}

/* Hands the batch just emptied back to the thread. */
static void
give_back(stw_feed *f)
{
	pthread_mutex_lock(&f->mu);
	f->head = (f->head + 1) % NBATCH;
	f->full--;
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
	f->cur = NULL;
}

int
stw_feed_next(stw_feed *f, stw_feed_row *out, stw_error *err)
{
	for (;;) {
		batch *b = f->cur;
		if (b && f->pos < b->n) {
			const slot *s = &b->rows[f->pos++];
			const char *a = b->arena.data;
			if (s->n > f->vcap) {
				f->vcap = s->n;
				f->v = stw_xrealloc(f->v, f->vcap * sizeof *f->v);
			}
			for (size_t i = 0; i < s->n; i++)
				f->v[i] = a + b->offs[s->field0 + i];
			memset(out, 0, sizeof *out);
			out->row.n = s->n;
			out->row.v = f->v;
			out->row.len = b->lens + s->field0;
			out->row.line = s->line;
			out->row.end_line = s->end_line;
			out->row.bad_encoding = s->bad_encoding;
			if (s->why_off != NONE) {
				out->why = a + s->why_off;
				out->row.raw = a + s->raw_off;
				out->row.raw_len = s->raw_len;
			}
			if (s->json_off != NONE) {
				out->json = a + s->json_off;
				out->json_len = s->json_len;
			}
			out->offset = s->offset;
			out->last = f->pos == b->n;
			return 1;
		}
		if (b && b->last) {
			if (b->status < 0 && err)
				*err = f->err;
			return b->status;
		}
		if (b)
			give_back(f);
		pthread_mutex_lock(&f->mu);
		while (f->full == 0)
			pthread_cond_wait(&f->cv, &f->mu);
		pthread_mutex_unlock(&f->mu);
		f->cur = &f->b[f->head];
		f->pos = 0;
	}
}

void
stw_feed_stop(stw_feed *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->mu);
	atomic_store(&f->stop, true);
	pthread_cond_broadcast(&f->cv);
	pthread_mutex_unlock(&f->mu);
	pthread_join(f->th, NULL);
	pthread_mutex_destroy(&f->mu);
	pthread_cond_destroy(&f->cv);
	for (int i = 0; i < NBATCH; i++) {
		free(f->b[i].rows);
		free(f->b[i].offs);
		free(f->b[i].lens);
		stw_buf_free(&f->b[i].arena);
	}
	free(f->v);
	free(f);
}
