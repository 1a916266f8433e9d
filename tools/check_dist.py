#!/usr/bin/env python
"""Check what `python -m build` made: one wheel and one sdist of fastsgd's version, the wheel holding the library only.

    python -m build && python tools/check_dist.py dist     # then: twine check --strict dist/*

Fails (exit 1, one line per problem) when dist/ does not hold exactly one wheel and one sdist at the version in
fastsgd/__init__.py, when the wheel holds anything but the `.py` files under fastsgd/ (its subpackages included) and its `.dist-info` (a notebook, tools/, a
cache), when a module of fastsgd/ is missing from it, or when it lacks the `fastsgd` command.
Prints the wheel's size and contents, for the release notes and the CI log.
"""
import re, sys, tarfile, zipfile
from pathlib import Path
from notebook_cells import ROOT, version   # the version's one reader: fastsgd/__init__.py, as pyproject.toml reads it

def wheel_problems(whl:Path, ver:str, modules)->list:
    "What is wrong with the wheel at `whl` for fastsgd `ver` whose library is `modules` (names like 'fastsgd/cli.py', 'fastsgd/exercises/core.py')"
    names, info = zipfile.ZipFile(whl).namelist(), f'fastsgd-{ver}.dist-info/'
    res = [f'{whl.name}: holds {n}: the wheel is for the library only' for n in names
           if not (re.fullmatch(r'fastsgd/(\w+/)*\w+\.py', n) or n.startswith(info))]
    res += [f'{whl.name}: lacks {m}: is it under fastsgd/ and committed?' for m in sorted(set(modules) - set(names))]
    ep = zipfile.ZipFile(whl).read(info + 'entry_points.txt').decode() if info + 'entry_points.txt' in names else ''
    if not re.search(r'^fastsgd\s*=\s*fastsgd\.cli:main', ep, re.M): res.append(f'{whl.name}: no `fastsgd` command in entry_points.txt')
    return res

def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    dist = Path(argv[0] if argv else ROOT/'dist')
    ver, modules = version(), [p.relative_to(ROOT).as_posix() for p in (ROOT/'fastsgd').rglob('*.py') if '__pycache__' not in p.parts]
    whls, sdists = sorted(dist.glob('*.whl')), sorted(dist.glob('*.tar.gz'))
    probs = [f'{dist}: expected one {k} {want}, found {[p.name for p in got]}' for k, want, got in
             (('wheel', f'fastsgd-{ver}-py3-none-any.whl', whls), ('sdist', f'fastsgd-{ver}.tar.gz', sdists)) if [p.name for p in got] != [want]]
    for whl in whls:
        probs += wheel_problems(whl, ver, modules)
        z = zipfile.ZipFile(whl)
        print(f'{whl.name}: {whl.stat().st_size/1024:.1f} KiB, {len(z.namelist())} files '
              f'({sum(i.file_size for i in z.infolist())/1024:.1f} KiB unpacked)')
        for i in z.infolist(): print(f'  {i.file_size:>8}  {i.filename}')
    for sd in sdists:
        names = tarfile.open(sd).getnames()
        stray = [n for n in names if n.endswith('.ipynb') or '/tools/' in n or '/nbs/' in n]
        if stray: probs.append(f'{sd.name}: holds {stray[:3]}...: the sdist is the library, its README, licence and pyproject')
        print(f'{sd.name}: {sd.stat().st_size/1024:.1f} KiB, {len(names)} entries')
    for p in probs: print(p, file=sys.stderr)
    return 1 if probs else 0

if __name__ == '__main__': sys.exit(main())
