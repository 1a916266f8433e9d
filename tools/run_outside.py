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

A notebook fails when a cell raises, and also when it ran inside the clone after all: the working folder, the file
of the `fastsgd` it imported, or an entry of `sys.path` under `--repo`, or any file under `--repo` that it opened
(an audit hook sees every `open`). Exit 1 if any notebook failed.
"""
import argparse, os, re, shutil, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
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

def skip_cell(cell)->bool:
    "True for the cells `nbdev-test` leaves out, with this project's `tst_flags`"
    if cell.cell_type != 'code': return True
    d = directives(cell.source)
    return str(d.get('eval', 'true')).lower() in ('false', 'no', '0') or bool(SKIP_FLAGS & set(d))

def _under(p, root:Path)->bool:
    try: return Path(p).resolve().is_relative_to(root)
    except (OSError, ValueError, TypeError): return False

def run_one(nb_path:Path, repo:Path)->int:
    "Run the notebook at `nb_path` in this process; print what went wrong and return 1 if anything did"
    from fastcore.nbio import read_nb
    from execnb.shell import CaptureShell
    opened = set()
    def _audit(event, args):
        if event == 'open' and isinstance(args[0], (str, bytes, os.PathLike)) and _under(os.fsdecode(args[0]), repo): opened.add(os.fsdecode(args[0]))
    sys.addaudithook(_audit)
    nb = read_nb(nb_path)
    shell = CaptureShell(nb_path)
    try: shell.run_all(nb, exc_stop=True, preproc=skip_cell)
    except BaseException:
        sys.stderr.write(shell.prettytb(fname=nb_path.name) + '\n')
        return 1
    import fastsgd   # usually imported by the notebook already; the questionnaire may not
    inside = [f'{what} {p}' for what, p in [('working folder', os.getcwd()), ('fastsgd imported from', fastsgd.__file__)]
              + [('sys.path entry', p) for p in sys.path if p] if _under(p, repo)]
    inside += [f'opened {p}' for p in sorted(opened)]
    for o in inside: print(f'{nb_path.name}: ran inside the clone: {o}', file=sys.stderr)
    print(f'cpu={time.process_time():.1f}')          # CPU seconds: what a notebook costs, whatever else the machine runs
    return 1 if inside else 0

def _child_env()->dict:
    env = {k: v for k, v in os.environ.items() if k not in HOSTED_ENV}
    env.update(IN_TEST='1', OMP_NUM_THREADS='1')
    return env

def run_all(nbs, repo:Path, out:Path, n_workers:int=2)->int:
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
        r = subprocess.run([sys.executable, '-I', str(runner), '--one', str(d/nb.name), '--repo', str(repo)], cwd=d,
                           env=_child_env(), capture_output=True, text=True, stdin=subprocess.DEVNULL)
        return nb, r, time.perf_counter() - t
    t0, failed = time.perf_counter(), []
    with ThreadPoolExecutor(n_workers) as ex:
        for nb, r, secs in ex.map(_run, nbs):
            cpu = re.findall(r'^cpu=([\d.]+)$', r.stdout, re.M)
            print(f"  {'ok  ' if r.returncode == 0 else 'FAIL'} {nb.name:<32}{secs:6.1f} s" + (f" ({cpu[-1]} s CPU)" if cpu else ''), flush=True)
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
    p.add_argument('--one', type=Path, help=argparse.SUPPRESS)  # a child: run this notebook, here
    a = p.parse_args(argv)
    if a.one: return run_one(a.one.resolve(), a.repo.resolve())
    if not a.notebooks or not a.out: p.error('give the notebooks and --out')
    return run_all(a.notebooks, a.repo, a.out, a.workers)

if __name__ == '__main__': sys.exit(main())
