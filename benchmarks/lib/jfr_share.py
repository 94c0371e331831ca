#!/usr/bin/env python3
# jfr_share.py RECORDING.jfr PATTERN...: the share of execution samples whose stack holds a frame matching each
# PATTERN (a substring of "package.Class.method"), the frame types of the top frames; FROM=HH:MM:SS TO=HH:MM:SS
# (UTC) keep only the samples in that window (a JFR.dump holds whole chunks, e.g. the warm-up too).
import json, os, subprocess, sys, collections
f = sys.argv[1]
pats = sys.argv[2:]
out = subprocess.run(['jfr', 'print', '--json', '--events', 'jdk.ExecutionSample', '--stack-depth', '200', f],
                     capture_output=True, text=True, check=True).stdout
ev = json.loads(out)['recording']['events']

_from, _to = os.environ.get('FROM'), os.environ.get('TO')
if _from:
    ev = [e for e in ev if _from <= e['values']['startTime'][11:19] <= _to]
n = len(ev)
types = collections.Counter()
hits = collections.Counter()
interp_any = 0
for e in ev:
    fr = e['values']['stackTrace']['frames']
    if not fr:
        continue
    types[fr[0]['type']] += 1
    names = [f"{x['method']['type']['name'].replace('/', '.')}.{x['method']['name']}" for x in fr]
    if any(x['type'] == 'Interpreted' for x in fr):
        interp_any += 1
    for p in pats:
        if any(p in s for s in names):
            hits[p] += 1
print(f"{f}: {n} samples; top frame types: " + ", ".join(f"{k} {100*v/n:.1f}%" for k, v in types.most_common())
      + f"; stacks with an interpreted frame {100*interp_any/n:.1f}%")
for p in pats:
    print(f"  {100*hits[p]/n:5.1f}%  {p}")
