#!/usr/bin/env python
"""Regenerate README.md from nbs/index.ipynb offline, without Quarto.

`nbdev-readme` needs Quarto, which cannot be installed here. This script does what it does up to the render:
nbdev's own docs processing of the notebook (`FilterDefaults`, as `nbdev-proc-nbs` runs it: `#| hide` and export
cells removed, show_doc cells rendered, backticked names linked), then a small stand-in for Quarto's handling of the
cell options that processing leaves (`#| include: false`, `#| echo: false`, `#| output: false|asis`,
`#| warning: false`), relative notebook links turned into documentation links (as nbdev's `readme_filter` does),
and nbconvert's MarkdownExporter. Image outputs and attachments are dropped: the README stays a single text file.

    python tools/make_readme.py           # write README.md
    python tools/make_readme.py --check   # exit 1 if README.md is out of step with nbs/index.ipynb
"""
import argparse, difflib, os, re, sys, warnings
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIX = 'python tools/make_readme.py'
_re_opt = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
_re_link = re.compile(r'(?<!!)(\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))')
_re_attach = re.compile(r'!\[[^\]]*\]\(attachment:[^)]*\)')
_drop_mimes = ('image/', 'application/pdf', 'application/vnd.jupyter.widget')

@contextmanager
def _cwd_env(path, **env):
    "Run in `path` with `env` set, as nbdev's docs processing does"
    old_cwd, old_env = os.getcwd(), {k: os.environ.get(k) for k in env}
    os.chdir(path); os.environ.update(env)
    try: yield
    finally:
        os.chdir(old_cwd)
        for k,v in old_env.items():
            if v is None: os.environ.pop(k, None)
            else: os.environ[k] = v

def _opts(src):
    "Leading Quarto option lines of `src` as a dict, and the source without them"
    lines, opts = src.splitlines(), {}
    while lines and (m := _re_opt.match(lines[0])):
        opts[m[1]] = m[2].strip('"\'').lower()
        lines.pop(0)
    return opts, '\n'.join(lines).strip('\n')

def _asis(o):
    "Output `o` as raw markdown, as Quarto's `output: asis` shows it"
    if o.get('output_type') == 'stream': text = o.get('text', '')
    else:
        data = o.get('data', {})
        text = data.get('text/markdown', data.get('text/plain', ''))
    if isinstance(text, list): text = ''.join(text)
    return dict(output_type='display_data', metadata={}, data={'text/markdown': text})

def _keep_output(o, counts):
    "Drop binary mimetypes from `o`; False if nothing worth showing is left (e.g. a bare `<Figure ...>` repr)"
    if o.get('output_type') not in ('display_data', 'execute_result'): return True
    data = o.get('data', {})
    dropped = [k for k in data if k.startswith(_drop_mimes)]
    for k in dropped: del data[k]
    if dropped: counts['images'] += 1
    plain = data.get('text/plain', '')
    if isinstance(plain, list): plain = ''.join(plain)
    return bool(set(data) - {'text/plain'}) or bool(plain) and not (dropped and plain.startswith('<'))

def _doc_links(md, cfg):
    "Rewrite relative links to notebooks in markdown `md` to the hosted docs, outside code fences"
    if not cfg.get('doc_host'): return md
    from nbdev.readme_filter import doc_link
    nbdir, out, fence = Path(cfg.readme_nb).parent.as_posix(), [], False
    for line in md.splitlines(keepends=True):
        if line.lstrip().startswith(('```', '~~~')): fence = not fence
        if not fence: line = _re_link.sub(lambda m: m[1] + doc_link(m[2], cfg.doc_url, nbdir) + m[3], line)
        out.append(line)
    return ''.join(out)

def _proc_nb(nb_path, cfg):
    "Run nbdev's docs processors on the notebook at `nb_path`; returns it as an nbformat notebook and its frontmatter"
    import nbformat
    from fastcore.nbio import read_nb, nb2str
    from nbdev.processors import FilterDefaults
    nb = read_nb(nb_path)
    with _cwd_env(cfg.nbs_path, IN_TEST='1'): FilterDefaults()(nb)
    fm = dict(getattr(nb, 'frontmatter_', {}) or {})
    return nbformat.reads(nb2str(nb), as_version=4), fm

def _to_md(nb, cfg, counts):
    "Apply Quarto cell options to `nb`, then export it with nbconvert's MarkdownExporter"
    import nbformat
    from nbconvert import MarkdownExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    cells = []
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.lstrip().startswith('---'): continue  # YAML frontmatter: becomes the header
        if c.cell_type == 'markdown':
            src = _re_attach.sub('', c.source)
            if src != c.source: counts['images'] += 1
            c.source = _doc_links(src, cfg)
            c.pop('attachments', None)
        if c.cell_type == 'code':
            opts, c.source = _opts(c.source)
            if opts.get('include') == 'false': continue
            tags = []
            if opts.get('echo') == 'false' or not c.source.strip(): tags.append('remove_input')
            outs = c.get('outputs', [])
            if opts.get('warning') == 'false': outs = [o for o in outs if o.get('name') != 'stderr']
            if opts.get('output') == 'false': outs = []
            elif opts.get('output') == 'asis': outs = [_asis(o) for o in outs]
            c.outputs = [o for o in outs if _keep_output(o, counts)]
            c.execution_count = None
            for o in c.outputs:
                if 'execution_count' in o: o['execution_count'] = None
            c.metadata = {'tags': tags}
        cells.append(c)
    nb.cells = cells
    nb.metadata = {'language_info': {'name': 'python'}}
    nb = nbformat.from_dict(nb)
    exp = MarkdownExporter()
    exp.register_preprocessor(TagRemovePreprocessor(remove_input_tags={'remove_input'}, enabled=True), enabled=True)
    body, _ = exp.from_notebook_node(nb)
    return body

def make_readme(root=ROOT):
    "The README text for the project at `root`, or None if it has no readme notebook"
    from nbdev.config import get_config
    # nbdev links backticked names through each library's `_modidx`: use this tree's, whichever fastsgd is installed
    if str(root) not in sys.path: sys.path.insert(0, str(root))
    cfg = get_config(root)
    nb_path = cfg.nbs_path/cfg.readme_nb
    if not nb_path.exists(): return None
    counts = {'images': 0}
    nb, fm = _proc_nb(nb_path, cfg)
    body = _to_md(nb, cfg, counts)
    if counts['images']: print(f'make_readme: left out {counts["images"]} image(s) from {nb_path.name}', file=sys.stderr)
    head = ''
    if fm.get('title'): head += f"# {fm['title']}\n\n"
    if fm.get('description'): head += f"> {fm['description']}\n\n"
    text = head + body
    text = re.sub(r'[ \t]+\n', '\n', text)            # trailing spaces
    text = re.sub(r'\n{3,}', '\n\n', text).strip('\n') + '\n'
    return text

def main(argv=None):
    p = argparse.ArgumentParser(description='Regenerate README.md from nbs/index.ipynb without Quarto')
    p.add_argument('--check', action='store_true', help='do not write: exit 1 if README.md would change')
    args = p.parse_args(argv)
    readme = ROOT/'README.md'
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', DeprecationWarning)
        text = make_readme(ROOT)
    if text is None:
        if readme.exists(): sys.exit(f'{readme.name} exists but there is no nbs/index.ipynb to generate it from')
        print('make_readme: no nbs/index.ipynb and no README.md yet: nothing to do', file=sys.stderr)
        return 0
    old = readme.read_bytes().decode('utf-8') if readme.exists() else None  # bytes: no newline translation
    if args.check:
        if old == text:
            print('README.md is in step with nbs/index.ipynb')
            return 0
        diff = list(difflib.unified_diff((old or '').splitlines(), text.splitlines(), 'README.md (committed)',
                                         'README.md (from nbs/index.ipynb)', lineterm='', n=1))
        print('\n'.join(diff[:60] + (['...'] if len(diff) > 60 else [])), file=sys.stderr)
        print(f'README.md is out of step with nbs/index.ipynb: run {FIX}', file=sys.stderr)
        return 1
    if old != text: readme.write_bytes(text.encode('utf-8'))
    print(f"README.md {'unchanged' if old == text else 'written'} from nbs/index.ipynb")
    return 0

if __name__ == '__main__': sys.exit(main())
