#!/usr/bin/env python3
"""W4: the command-line tool refuses a backup with a broken reference or a
damaged record (non-zero exit, the record named, no files written) instead
of dropping rows, and still makes the report from a sound backup.

Usage: refuses_broken.py <bridgework CLI>"""
import json
import os
import subprocess
import sys
import tempfile

cli = sys.argv[1]
failures = 0


def check(what, ok, detail=''):
    global failures
    print(('ok   ' if ok else 'FAIL ') + what + ('' if ok else '\n     ' + detail))
    failures += 0 if ok else 1


with tempfile.TemporaryDirectory() as tmp:
    demo = os.path.join(tmp, 'demo.json')
    subprocess.run([cli, 'demo-backup', demo], check=True, capture_output=True)
    backup = json.load(open(demo, encoding='utf-8'))

    def ese(name, data):
        path = os.path.join(tmp, name + '.json')
        json.dump(data, open(path, 'w', encoding='utf-8'))
        out = os.path.join(tmp, 'out-' + name)
        os.makedirs(out)
        run = subprocess.run([cli, 'ese', '--year', '2026', '--quarter', '2', '--out', out, path],
                             capture_output=True, text=True)
        return run, out

    run, out = ese('sound', backup)
    check('a sound backup makes the three files', run.returncode == 0 and len(os.listdir(out)) == 3, run.stderr)

    def first(data, kind):
        return next(r for r in data['records'] if r['kind'] == kind)

    cases = [
        ('a service whose establishment is missing', 'service', 'establishment', 'names the establishment'),
        ('a service whose employer is missing', 'service', 'employer', 'names the employer'),
        ('a service whose staff member is missing', 'service', 'staff', 'names the staff member'),
        ('an establishment whose employer is missing', 'establishment', 'employer', 'names the employer'),
        ('a staff member whose organisation is missing', 'staff', 'organisation', 'names the organisation'),
    ]
    for what, kind, field, words in cases:
        data = json.loads(json.dumps(backup))
        record = first(data, kind)
        record[field] = 'gone-0000000001'
        run, out = ese(kind + '-' + field, data)
        message = run.stderr
        check(what + ' is refused, naming the record',
              run.returncode != 0 and record['id'] in message and words + ' gone-0000000001' in message
              and not os.listdir(out), 'exit %d: %s' % (run.returncode, message))

    data = json.loads(json.dumps(backup))
    first(data, 'service')['date'] = '0000-01-01'
    run, out = ese('date', data)
    check('a service dated 0000-01-01 is refused', run.returncode != 0 and '"date" is not a date' in run.stderr,
          run.stderr)

print('%d passed, %d failed' % (len(cases) + 2 - failures, failures))
sys.exit(1 if failures else 0)
