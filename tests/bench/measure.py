#!/usr/bin/env python3
"""Runs a command and prints its wall time (s) and peak resident memory (MiB).

usage: measure.py LABEL COMMAND [ARGS...]
Prints one line: LABEL <seconds> s <MiB> MiB; exits with the command's status.
"""
import resource
import subprocess
import sys
import time

label, cmd = sys.argv[1], sys.argv[2:]
t0 = time.monotonic()
p = subprocess.run(cmd, stdout=subprocess.DEVNULL)
dt = time.monotonic() - t0
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
print(f"{label} {dt:.2f} s {peak:.0f} MiB")
sys.exit(p.returncode)
