#!/usr/bin/env python
"""Run the lessons as a learner's Run All does: each copied alone into a folder outside the clone, executed top to
bottom in a plain Jupyter kernel (nbclient, as `jupyter nbconvert --execute`): no IN_TEST, every cell runs, the kernel
of the Python that runs this script (so fastsgd comes from what is installed there, e.g. the built wheel).

    python tools/run_lessons.py --out /tmp/somewhere nbs/0*.ipynb     # two at a time; exit 1 if any failed

Prints one line per lesson: ok or FAIL, seconds, and on a failure the cell and the error.
"""
import argparse, os, shutil, sys, time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError

def run(nb:Path, out:Path, timeout:int)->tuple:
    (d := out/nb.stem).mkdir(parents=True, exist_ok=True)
    path, t, err = shutil.copy(nb, d/nb.name), time.perf_counter(), None
    try: NotebookClient(nbformat.read(path, as_version=4), timeout=timeout, kernel_name='python3', resources={'metadata': {'path': str(d)}}).execute()
    except CellExecutionError as e: err = str(e).strip()[-2000:]
    except Exception as e: err = f'{type(e).__name__}: {e}'[-2000:]
    return nb, time.perf_counter() - t, err

def main(argv=None)->int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument('notebooks', nargs='+', type=Path)
    p.add_argument('--out', type=Path, required=True, help='a folder outside the clone')
    p.add_argument('-n', '--workers', type=int, default=2)
    p.add_argument('--timeout', type=int, default=600, help='seconds a cell may take')
    a = p.parse_args(argv)
    for k in ('IN_TEST', 'COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE', 'VIRTUAL_ENV'): os.environ.pop(k, None)
    failed, t0 = [], time.perf_counter()
    with ThreadPoolExecutor(a.workers) as ex:
        for nb, secs, err in ex.map(lambda nb: run(nb, a.out.resolve(), a.timeout), a.notebooks):
            print(f"  {'ok  ' if err is None else 'FAIL'} {nb.name:<32}{secs:6.1f} s", flush=True)
            if err: failed.append(nb.name); print('       ' + err.replace('\n', '\n       '), flush=True)
    print(f'{len(a.notebooks)} lesson(s) run in a plain kernel in {time.perf_counter()-t0:.0f} s: '
          f'{len(a.notebooks)-len(failed)} ran clean, {len(failed)} did not' + (f": {' '.join(failed)}" if failed else ''))
    return 1 if failed else 0

if __name__ == '__main__': sys.exit(main())
