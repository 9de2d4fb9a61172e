#!/usr/bin/env python3
"""R3: the ESE files open in a real spreadsheet program (LibreOffice, headless)
and read back cell by cell: text stays text (no formula runs), numbers are
numbers, quoted commas, quotes and line breaks stay in their cells.

Usage: read_back.py <bridgework CLI> <folder of golden ESE files>"""
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

NS = {'table': 'urn:oasis:names:tc:opendocument:xmlns:table:1.0',
      'office': 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
      'text': 'urn:oasis:names:tc:opendocument:xmlns:text:1.0'}


def q(ns, name):
    return '{%s}%s' % (NS[ns], name)


def read_sheet(path):
    """Rows of (type, text, formula) as LibreOffice read them."""
    rows = []
    for row in ET.parse(path).iter(q('table', 'table-row')):
        cells = []
        for c in row.findall('table:table-cell', NS):
            repeat = int(c.get(q('table', 'number-columns-repeated'), '1'))
            text = '\n'.join(''.join(p.itertext()) for p in c.findall('text:p', NS))
            cell = (c.get(q('office', 'value-type')), text, c.get(q('table', 'formula')))
            cells.extend([cell] * min(repeat, 50))
        while cells and cells[-1][0] is None:
            cells.pop()
        if cells:
            rows.append(cells)
    return rows


def convert(files, out):
    """Opens the CSV files as a person would (UTF-8, comma, double quote) and saves them as flat ODS."""
    profile = tempfile.mkdtemp(prefix='lo-profile-')
    subprocess.run(['soffice', '-env:UserInstallation=file://' + profile, '--headless',
                    '--infilter=CSV:44,34,76,1', '--convert-to', 'fods', '--outdir', out] + files,
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180)
    return {os.path.basename(f): read_sheet(os.path.join(out, os.path.basename(f)[:-4] + '.fods')) for f in files}


failures = []


def check(ok, what):
    print(('ok   ' if ok else 'FAIL ') + what)
    if not ok:
        failures.append(what)


def main():
    cli, golden = sys.argv[1], sys.argv[2]
    work = tempfile.mkdtemp(prefix='ese-')
    # The demo workspace through the command-line tool, and the golden files of the core tests.
    subprocess.run([cli, 'demo-backup', os.path.join(work, 'demo.json'), '--at', '2026-11-23T09:00'], check=True,
                   stdout=subprocess.DEVNULL)
    os.mkdir(os.path.join(work, 'demo'))
    subprocess.run([cli, 'ese', '--year', '2026', '--quarter', '2', '--out', os.path.join(work, 'demo'),
                    os.path.join(work, 'demo.json')], check=True, stdout=subprocess.DEVNULL)
    names = ['ESE_PY2026_Q2_detail.csv', 'ESE_PY2026_Q2_summary.csv', 'ESE_PY2026_Q2_rates.csv']
    os.mkdir(os.path.join(work, 'out-golden'))
    os.mkdir(os.path.join(work, 'out-demo'))
    fixed = convert([os.path.join(golden, n) for n in names], os.path.join(work, 'out-golden'))
    demo = convert([os.path.join(work, 'demo', n) for n in names], os.path.join(work, 'out-demo'))

    for label, sheets in (('golden', fixed), ('demo', demo)):
        formulas = [c for rows in sheets.values() for row in rows for c in row if c[2]]
        check(not formulas, f'{label}: no cell is a formula ({formulas[:3]})')
        detail = sheets[names[0]]
        check(detail[0][0] == ('string', 'Program year', None), f'{label}: the byte-order mark is not part of the first cell')
        check(all(len(r) <= 14 for r in detail), f'{label}: every detail row has at most 14 cells')
        check(all(r[0][1].startswith('PY2026') for r in detail[1:]), f'{label}: every detail row is PY2026')
        summary = sheets[names[1]]
        check(len(summary) == 10 and summary[-1][0][1] == 'Total', f'{label}: eight categories and a total')
        check(all(c[0] == 'float' for r in summary[1:] for c in r[1:3]), f'{label}: summary counts are numbers')
        total_services = int(float(summary[-1][2][1]))
        check(total_services == len(detail) - 1, f'{label}: the total of services is the number of detail rows')

    d = fixed[names[0]]
    mill = next(r for r in d[1:] if r[6][1] == '27-7654321')
    check(mill[5] == ('string', "'=cmd|' /C calc'!A0", None), 'an employer named like a formula is text, with its apostrophe')
    check(mill[7][1] == '1 River Rd\nFresno, CA', 'a quoted line break and comma stay in one cell')
    check(mill[12][1] == 'Met 40 workers, "all shifts"', 'doubled quotes read back as one quote')
    annex = next(r for r in d[1:] if r[9][1] == '2026-12-31')
    check(annex[12] == ('string', "'-12 hours of training; =on site", None), 'text beginning with "-" is text')
    check(annex[13][1] == 'Yes', 'a service entered at 23:59 on the day is on time')
    check(annex[9][0] == 'date', 'ISO service dates are read as dates')
    rates = {r[0][1]: r[1] for r in fixed[names[2]] if len(r) > 1}
    check(rates['Establishments served in the quarter'] == ('float', '3', None), 'counts read back as numbers')
    check(rates['Repeat business customers rate'][0] == 'float' and
          abs(float(rates['Repeat business customers rate'][1].replace(',', '')) - 1 / 3) < 1e-5, 'rates read back as numbers')
    check(rates['Employer penetration rate'][0] == 'float', 'the penetration rate is a number')

    # The check can fail: a raw formula in a CSV does run in LibreOffice.
    raw = os.path.join(work, 'raw.csv')
    with open(raw, 'wb') as f:
        f.write('\ufeffa\r\n=1+1\r\n'.encode('utf-8'))
    os.mkdir(os.path.join(work, 'out-raw'))
    control = convert([raw], os.path.join(work, 'out-raw'))['raw.csv']
    check(control[1][0][2] is not None, 'control: an unneutralised "=1+1" would run as a formula')

    print(f'{len(failures)} failed')
    return 1 if failures else 0


sys.exit(main())
