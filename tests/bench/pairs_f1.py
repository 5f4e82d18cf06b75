#!/usr/bin/env python3
"""Pairwise precision, recall and F1 of the clusters in a workspace against a
ground truth. Usage: pairs_f1.py WORKSPACE TRUTH.csv KEYCOL ENTITYCOL
TRUTH maps each record's external id (KEYCOL) to its entity (ENTITYCOL); the
special truth 'febrl' derives the entity from FEBRL record ids (rec-N-...).
Every pair of records inside one cluster counts as predicted."""
import csv, sqlite3, sys
from collections import defaultdict
from itertools import combinations

ws, truth = sys.argv[1], sys.argv[2]
db = sqlite3.connect(ws)
ext = dict(db.execute("SELECT id, external_id FROM rec WHERE status='active'"))
ent = {}
if truth == 'febrl':
    for rid, e in ext.items():
        ent[rid] = e.strip().split('-')[1]
else:
    keycol, entcol = sys.argv[3], sys.argv[4]
    by_ext = {}
    with open(truth, newline='', encoding='utf-8') as f:
        for row in csv.DictReader(f):
            by_ext[row[keycol]] = row[entcol]
    for rid, e in ext.items():
        ent[rid] = by_ext.get(e, 'unknown-%d' % rid)
groups = defaultdict(list)
for rid, e in ent.items():
    groups[e].append(rid)
true_pairs = set()
for m in groups.values():
    true_pairs.update(combinations(sorted(m), 2))
clusters = defaultdict(list)
for cid, rid in db.execute("SELECT cluster_id, record_id FROM cluster_member"):
    clusters[cid].append(rid)
pred = set()
for m in clusters.values():
    pred.update(combinations(sorted(m), 2))
tp = len(pred & true_pairs)
p = tp / len(pred) if pred else 0.0
r = tp / len(true_pairs) if true_pairs else 0.0
f1 = 2 * p * r / (p + r) if p + r else 0.0
print("pairs: true %d, predicted %d, correct %d; precision %.4f recall %.4f F1 %.4f"
      % (len(true_pairs), len(pred), tp, p, r, f1))
