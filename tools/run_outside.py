#!/usr/bin/env python
"""Run notebooks as a learner would: each copied alone into a folder outside the clone, fastsgd imported from an install.

    python -I tools/run_outside.py --repo . --out /tmp/somewhere nbs/*.ipynb     # -I: nothing of the clone on sys.path

Run it with the Python of an environment where fastsgd was installed from the wheel (`.ci/run` makes one) and nbdev
is not installed, as on Colab or Kaggle. Each notebook is copied into a folder of its own under `--out` (no
neighbours, no `pyproject.toml` above it) and run there in a fresh process, two at a time, by execnb's
`CaptureShell`, the kernel `nbdev-test` uses, with nbdev-test's rules written out, because outside an nbdev project
there is no `tst_flags` to read: `IN_TEST=1`, `OMP_NUM_THREADS=1`, markdown and `#| eval: false` cells skipped, and
cells flagged `#| notest` or `#| slow` skipped. Hosted-notebook variables (Colab's, Kaggle's, `FASTSGD_SOURCE`) are
removed, so the first cell does nothing.

`--slow NAME` also runs the `#| slow` cells of the notebook NAME (nbdev-test in the clone skips them), and then
requires each of them to print what the notebook has saved: index.ipynb's results table is such a cell, so README's
table (made from the saved output) is checked against a fresh run of the stages.

A notebook fails when a cell raises, when a `--slow` cell's output differs from the saved one, and also when it ran
inside the clone after all: the working folder, the file
of the `fastsgd` it imported, or an entry of `sys.path` under `--repo`, or any file under `--repo` that it opened
(an audit hook sees every `open`). Exit 1 if any notebook failed.
"""
import argparse, os, re, shutil, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

SKIP_FLAGS = {'notest', 'slow'}                                 # nbdev's `tst_flags` of this project (pyproject.toml)
HOSTED_ENV = ('COLAB_RELEASE_TAG', 'KAGGLE_KERNEL_RUN_TYPE', 'FASTSGD_SOURCE')
_re_dir = re.compile(r'^\s*#\s*\|\s*([\w-]+)\s*(:?)\s*(.*?)\s*$')

def directives(src:str)->dict:
    "The `#| name[: value]` lines at the top of a cell's source `src`, as nbdev reads them"
    res = {}
    for line in src.splitlines():
        if not line.strip(): continue
        m = _re_dir.match(line)
        if not m: break
        res[m[1]] = m[3] if m[2] else True
    return res

def skip_cell(cell, run_slow:bool=False)->bool:
    "True for the cells `nbdev-test` leaves out, with this project's `tst_flags` (less `slow` if `run_slow`)"
    if cell.cell_type != 'code': return True
    d = directives(cell.source)
    return str(d.get('eval', 'true')).lower() in ('false', 'no', '0') or bool((SKIP_FLAGS - ({'slow'} if run_slow else set())) & set(d))

def _texts(outputs)->list:
    "The text a reader sees in `outputs` (streams, plain text, markdown, HTML), without images or execution counts"
    res = []
    for o in outputs:
        if o.get('output_type') == 'stream': res.append((o.get('name'), ''.join(o.get('text', ''))))
        elif o.get('output_type') == 'error': res.append(('error', o.get('ename')))
        for k in ('text/markdown', 'text/html', 'text/plain'):
            v = (o.get('data') or {}).get(k)
            if v is not None: res.append((k, ''.join(v))); break
    return res

def _under(p, root:Path)->bool:
    try: return Path(p).resolve().is_relative_to(root)
    except (OSError, ValueError, TypeError): return False

def run_one(nb_path:Path, repo:Path, run_slow:bool=False)->int:
    "Run the notebook at `nb_path` in this process (its `#| slow` cells too if `run_slow`); print what went wrong, 1 if anything did"
    from fastcore.nbio import read_nb
    from execnb.shell import CaptureShell
    opened = set()
    def _audit(event, args):
        if event == 'open' and isinstance(args[0], (str, bytes, os.PathLike)) and _under(os.fsdecode(args[0]), repo): opened.add(os.fsdecode(args[0]))
    sys.addaudithook(_audit)
    nb = read_nb(nb_path)
    slow = [c for c in nb.cells if run_slow and not skip_cell(c, True) and 'slow' in directives(c.source)]
    saved = [_texts(c.get('outputs', [])) for c in slow]
    shell = CaptureShell(nb_path)
    try: shell.run_all(nb, exc_stop=True, preproc=partial(skip_cell, run_slow=run_slow))
    except BaseException:
        sys.stderr.write(shell.prettytb(fname=nb_path.name) + '\n')
        return 1
    stale = [(c, old) for c, old in zip(slow, saved) if _texts(c.get('outputs', [])) != old]
    for c, old in stale:
        new = '\n'.join(t for _, t in _texts(c.outputs))
        print(f"{nb_path.name}: the #| slow cell {c.get('id')} printed something else than its saved output; re-run it "
              f"(OMP_NUM_THREADS=1 nbdev-test --flags slow --save nbs/{nb_path.name}, then python tools/make_readme.py) and commit it. Saved:\n"
              + '\n'.join(t for _, t in old) + f"\nNow:\n{new}", file=sys.stderr)
    if slow and not stale: print(f'{nb_path.name}: {len(slow)} #| slow cell(s) ran and printed their saved output')
    if stale: return 1
    import fastsgd   # usually imported by the notebook already; the questionnaire may not
    inside = [f'{what} {p}' for what, p in [('working folder', os.getcwd()), ('fastsgd imported from', fastsgd.__file__)]
              + [('sys.path entry', p) for p in sys.path if p] if _under(p, repo)]
    inside += [f'opened {p}' for p in sorted(opened)]
    for o in inside: print(f'{nb_path.name}: ran inside the clone: {o}', file=sys.stderr)
    print(f'cpu={time.process_time():.1f}')          # CPU seconds: what a notebook costs, whatever else the machine runs
    return 1 if inside else 0

def _child_env()->dict:
    "The environment of a learner's kernel: no hosted-notebook variables, and no activated venv (IPython puts the"
    "site-packages of `$VIRTUAL_ENV` on `sys.path`, and CI's own venv lives inside the clone)"
    env = {k: v for k, v in os.environ.items() if k not in HOSTED_ENV and k != 'VIRTUAL_ENV'}
    venv_bin = os.environ.get('VIRTUAL_ENV') and os.path.join(os.environ['VIRTUAL_ENV'], 'bin')
    if venv_bin: env['PATH'] = os.pathsep.join(o for o in env.get('PATH', '').split(os.pathsep) if o != venv_bin)
    env.update(IN_TEST='1', OMP_NUM_THREADS='1')
    return env

def run_all(nbs, repo:Path, out:Path, n_workers:int=2, slow=())->int:
    "Copy each notebook of `nbs` alone into a folder under `out` and run it there; print one line each; exit status"
    repo, out = repo.resolve(), out.resolve()
    if _under(out, repo): sys.exit(f'run_outside: --out {out} is inside the clone {repo}: choose a folder outside it')
    out.mkdir(parents=True, exist_ok=True)
    runner = out/'run_outside.py'                      # run from the copy: nothing of the clone in the child's path
    shutil.copy(__file__, runner)
    def _run(nb):
        d = out/nb.stem
        d.mkdir(exist_ok=True)
        shutil.copy(nb, d/nb.name)
        t = time.perf_counter()
        r = subprocess.run([sys.executable, '-I', str(runner), '--one', str(d/nb.name), '--repo', str(repo)]
                           + ['--slow', nb.name]*(nb.name in slow), cwd=d,
                           env=_child_env(), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        return nb, r, time.perf_counter() - t
    t0, failed = time.perf_counter(), []
    nbs = sorted(nbs, key=lambda nb: nb.name not in slow)   # the long ones first, so the pool ends together
    with ThreadPoolExecutor(n_workers) as ex:
        for nb, r, secs in ex.map(_run, nbs):
            cpu = re.findall(r'^cpu=([\d.]+)$', r.stdout, re.M)
            print(f"  {'ok  ' if r.returncode == 0 else 'FAIL'} {nb.name:<32}{secs:6.1f} s" + (f" ({cpu[-1]} s CPU)" if cpu else ''), flush=True)
            for line in re.findall(r'^.*#\| slow cell.*$', r.stdout, re.M) if r.returncode == 0 else []: print(f'       {line}')
            if r.returncode:
                failed.append(nb.name)
                print(re.sub(r'(?m)^', '       ', (r.stdout + r.stderr).strip()[-6000:]), flush=True)
    import fastsgd
    print(f'{len(nbs)} notebook(s) run outside the clone in {time.perf_counter()-t0:.1f} s (in {out}, fastsgd '
          f'{fastsgd.__version__} from {Path(fastsgd.__file__).parent}): {len(nbs)-len(failed)} ran clean, {len(failed)} did not'
          + (f": {' '.join(failed)}" if failed else ''))
    return 1 if failed else 0

def main(argv=None):
    p = argparse.ArgumentParser(description='Run notebooks outside the clone, with fastsgd from an install')
    p.add_argument('notebooks', nargs='*', type=Path)
    p.add_argument('--repo', type=Path, required=True, help='the clone: nothing under it may be used')
    p.add_argument('--out', type=Path, help='the folder outside the clone to copy the notebooks into')
    p.add_argument('-n', '--workers', type=int, default=2)
    p.add_argument('--slow', action='append', default=[], metavar='NAME',
                   help="also run this notebook's #| slow cells, and require their saved outputs (repeatable)")
    p.add_argument('--one', type=Path, help=argparse.SUPPRESS)  # a child: run this notebook, here
    a = p.parse_args(argv)
    if a.one: return run_one(a.one.resolve(), a.repo.resolve(), a.one.name in a.slow)
    if not a.notebooks or not a.out: p.error('give the notebooks and --out')
    return run_all(a.notebooks, a.repo, a.out, a.workers, set(a.slow))

if __name__ == '__main__': sys.exit(main())
