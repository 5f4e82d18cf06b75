#!/usr/bin/env python3
"""Checks that an exported CSV holds the same data as the original file.

usage: csvsame.py ORIGINAL ENCODING DELIMITER EXPORTED
Parses ORIGINAL with Python's csv module in the given encoding and delimiter
(skipping Excel's "sep=" line), parses EXPORTED as UTF-8 comma-separated,
and compares the rows field by field, byte for byte.
"""
import csv
import io
import sys

orig, enc, delim, exported = sys.argv[1:5]
delim = {"tab": "\t", "comma": ",", "semicolon": ";", "pipe": "|"}.get(delim, delim)
with open(orig, newline="", encoding=enc) as f:
    text = f.read()
if text.lower().startswith("sep="):
    text = text.split("\n", 1)[1] if "\n" in text else ""
a = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim))
a = [r for r in a if r != []]
with open(exported, newline="", encoding="utf-8") as f:
    b = [r for r in csv.reader(f) if r != []]
if a != b:
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            print(f"row {i + 1} differs:\n  original {x!r}\n  exported {y!r}")
            break
    else:
        print(f"row counts differ: original {len(a)}, exported {len(b)}")
    sys.exit(1)
print(f"{len(a)} rows identical")
