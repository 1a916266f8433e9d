#!/usr/bin/env python
"""Regenerate README.md from nbs/index.ipynb offline, without Quarto (which `nbdev-readme` needs).

nbdev's own docs processing of the notebook (`FilterDefaults`, as `nbdev-proc-nbs` runs it: hidden and export cells
removed, backticked names linked), then what Quarto would do with the cell options it leaves (`include: false`,
`echo: false`, `output: false|asis`, `warning: false`), relative notebook links turned into documentation links (nbdev's
`doc_link`), and nbconvert's MarkdownExporter. Images are left out: the README stays one text file.

    python tools/make_readme.py           # write README.md
    python tools/make_readme.py --check   # exit 1 if README.md is out of step with nbs/index.ipynb
"""
import difflib, re, sys, warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_re_opt = re.compile(r'^\s*#\|\s*([\w-]+)\s*:\s*(.*?)\s*$')
_re_link = re.compile(r'(?<!!)(\[[^\]]*\]\()([^)\s]+)((?:\s+"[^"]*")?\))')
BINARY = ('image/', 'application/pdf', 'application/vnd.jupyter.widget')

def _opts(src):
    "Leading Quarto option lines of `src` as a dict, and the source without them"
    lines, opts = src.splitlines(), {}
    while lines and (m := _re_opt.match(lines[0])): opts[m[1]] = m[2].strip('"\'').lower(); lines.pop(0)
    return opts, '\n'.join(lines).strip('\n')

def _asis(o):
    "Output `o` as raw markdown, as Quarto's `output: asis` shows it"
    d = o.get('data', {})
    text = o.get('text', '') if o.get('output_type') == 'stream' else d.get('text/markdown', d.get('text/plain', ''))
    return dict(output_type='display_data', metadata={}, data={'text/markdown': ''.join(text)})

def _keep(o):
    "Drop binary mimetypes from `o`; False if nothing worth showing is left (e.g. a bare `<Figure ...>` repr)"
    if o.get('output_type') not in ('display_data', 'execute_result'): return True
    data = o.get('data', {})
    dropped = [k for k in list(data) if k.startswith(BINARY) and data.pop(k) is not None]
    plain = ''.join(data.get('text/plain', ''))
    return bool(set(data) - {'text/plain'}) or bool(plain) and not (dropped and plain.startswith('<'))

def _links(md, cfg):
    "Relative links of markdown `md` to the hosted docs, outside code fences"
    from nbdev.readme_filter import doc_link
    out, fence = [], False
    for line in md.splitlines(keepends=True):
        if line.lstrip().startswith(('```', '~~~')): fence = not fence
        out.append(line if fence else _re_link.sub(lambda m: m[1] + doc_link(m[2], cfg.doc_url, '.') + m[3], line))
    return ''.join(out)

def make_readme()->str:
    import nbformat
    from fastcore.nbio import read_nb, nb2str
    from fastcore.xtras import working_directory, modified_env
    from nbconvert import MarkdownExporter
    from nbconvert.preprocessors import TagRemovePreprocessor
    from nbdev.config import get_config
    from nbdev.processors import FilterDefaults
    sys.path.insert(0, str(ROOT))   # nbdev links backticked names through this tree's `_modidx`, whichever fastsgd is installed
    cfg = get_config(ROOT)
    nb = read_nb(cfg.nbs_path/cfg.readme_nb)
    with working_directory(cfg.nbs_path), modified_env(IN_TEST='1'): FilterDefaults()(nb)
    fm = dict(getattr(nb, 'frontmatter_', {}) or {})
    nb, cells = nbformat.reads(nb2str(nb), as_version=4), []
    for c in nb.cells:
        if c.cell_type == 'raw' and c.source.lstrip().startswith('---'): continue   # front matter: becomes the header
        if c.cell_type == 'markdown': c.source = _links(re.sub(r'!\[[^\]]*\]\(attachment:[^)]*\)', '', c.source), cfg); c.pop('attachments', None)
        if c.cell_type == 'code':
            opts, c.source = _opts(c.source)
            if opts.get('include') == 'false': continue
            outs = [o for o in c.get('outputs', []) if not (opts.get('warning') == 'false' and o.get('name') == 'stderr')]
            outs = [] if opts.get('output') == 'false' else [_asis(o) for o in outs] if opts.get('output') == 'asis' else outs
            c.outputs = [{**o, 'execution_count': None} if 'execution_count' in o else o for o in outs if _keep(o)]
            c.execution_count, c.metadata = None, {'tags': ['remove_input'] if opts.get('echo') == 'false' or not c.source.strip() else []}
        cells.append(c)
    nb.cells, nb.metadata = cells, {'language_info': {'name': 'python'}}
    exp = MarkdownExporter()
    exp.register_preprocessor(TagRemovePreprocessor(remove_input_tags={'remove_input'}, enabled=True), enabled=True)
    body, _ = exp.from_notebook_node(nbformat.from_dict(nb))
    head = (f"# {fm['title']}\n\n" if fm.get('title') else '') + (f"> {fm['description']}\n\n" if fm.get('description') else '')
    return re.sub(r'\n{3,}', '\n\n', re.sub(r'[ \t]+\n', '\n', head + body)).strip('\n') + '\n'

if __name__ == '__main__':
    with warnings.catch_warnings(): warnings.simplefilter('ignore', DeprecationWarning); text = make_readme()
    readme = ROOT/'README.md'
    old = readme.read_bytes().decode('utf-8') if readme.exists() else ''
    if '--check' in sys.argv[1:]:
        if old == text: sys.exit(print('README.md is in step with nbs/index.ipynb'))
        diff = list(difflib.unified_diff(old.splitlines(), text.splitlines(), 'README.md', 'from nbs/index.ipynb', lineterm='', n=1))
        sys.exit(print('\n'.join(diff[:60]) + '\nREADME.md is out of step with nbs/index.ipynb: run python tools/make_readme.py', file=sys.stderr) or 1)
    readme.write_bytes(text.encode('utf-8'))
    print(f"README.md {'unchanged' if old == text else 'written'} from nbs/index.ipynb")
