"""The timeline as one self-contained HTML page: a formula-by-date grid.

No network: the CSS and the (small, data-free) script are inline. Every piece
of statement text goes through ``html.escape``; the script reads only the DOM.
"""

from __future__ import annotations

import html
import re

from .._models import Origin
from ..timeline.track import FormulaHistory, Timeline

_SPACE = re.compile(r"\s+")
_FORM_CLASSES = 6
_NONE = "\u2014"

_CSS = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em}
.controls{margin:.5em 0 1em}
table{border-collapse:collapse}
th,td{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
thead th{background:#f6f6f6;font-weight:600;font-size:12px;position:sticky;top:0}
thead tr.labels th{font-weight:normal;background:#eef3fb}
tbody th{text-align:left;font-weight:normal;white-space:nowrap;max-width:28em;overflow:hidden;
 text-overflow:ellipsis}
.cat{color:#777;font-size:11px;margin-left:.4em}
td.cell{font-size:12px;max-width:14em}
td.absent{background:#fafafa;color:#bbb;text-align:center}
td.present{cursor:help}
td.f0{background:#cfe8cf}td.f1{background:#fde2b5}td.f2{background:#d4def7}
td.f3{background:#f3cfe0}td.f4{background:#e2d6f5}td.f5{background:#d6f0ee}
tr.discovered th{font-style:italic}
tr.hidden{display:none}
.warnings{color:#8a4b00}
"""

_SCRIPT = """
(function () {
  var box = document.getElementById('filter');
  var lex = document.getElementById('lexicon-only');
  function apply() {
    var q = box.value.toLowerCase();
    var rows = document.querySelectorAll('#grid tbody tr');
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var name = r.querySelector('th').textContent.toLowerCase();
      var hide = (q && name.indexOf(q) < 0) || (lex.checked && r.classList.contains('discovered'));
      r.classList.toggle('hidden', Boolean(hide));
    }
  }
  box.addEventListener('input', apply);
  lex.addEventListener('change', apply);
})();
"""


def _e(text: str | None) -> str:
    return html.escape(_SPACE.sub(" ", text or "").strip(), quote=True)


def _row(history: FormulaHistory, ids: tuple[str, ...]) -> str:
    form_class = {f.key: i % _FORM_CLASSES for i, f in enumerate(history.forms())}
    cells = [f'<td class="cell absent" data-statement="{_e(i)}">\u00b7</td>' for i in ids]
    for o in history.occurrences:
        hover = o.sentence
        if o.sides:
            hover = f"[{', '.join(o.sides)}] {hover}"
        count = f" \u00d7{o.count}" if o.count > 1 else ""
        cells[o.index] = (f'<td class="cell present f{form_class[o.key]}"'
                          f' data-statement="{_e(o.statement_id)}" data-form="{_e(o.text)}"'
                          f' title="{_e(hover)}">{_e(o.text)}{count}</td>')
    kind = "lexicon" if history.origin is Origin.LEXICON else "discovered"
    return (f'<tr class="{kind}" data-formula="{_e(history.formula)}"><th scope="row" '
            f'title="{_e(history.formula)}">{_e(history.canonical)}'
            f'<span class="cat">{_e(history.category or "discovered")}</span></th>{"".join(cells)}</tr>')


def render_timeline_html(timeline: Timeline, *, title: str = "diplodiff timeline") -> str:
    """Render a timeline as a self-contained HTML page with a formula-by-date grid.

    Rows are formulas, columns dated statements (oldest first); a cell shows the
    wording used there, with the sentence on hover. A header row shows each
    statement's highest partnership label.
    """
    statements = timeline.statements
    ids = tuple(s.id for s in statements)
    labels = timeline.labels()
    dates = "".join(f'<th class="date" data-statement="{_e(s.id)}">'
                    f'{_e(s.date.isoformat() if s.date else "?")}</th>' for s in statements)
    names = "".join(f'<th class="statement" data-statement="{_e(s.id)}" title="{_e(s.title)}">'
                    f'{_e(s.id)}</th>' for s in statements)
    label_cells = "".join(
        f'<th class="label" data-statement="{_e(s.id)}">{_e(label.text) if label else _NONE}</th>'
        for s, label in zip(statements, labels, strict=True))
    rows = "\n".join(_row(h, ids) for h in timeline.formulas)
    warnings = ""
    if timeline.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in timeline.warnings)
        warnings = f'<ul class="warnings">{items}</ul>'
    undated = ""
    if timeline.undated:
        items = "".join(f'<li data-statement="{_e(s.id)}">{_e(s.id)} {_e(s.title)}</li>'
                        for s in timeline.undated)
        undated = f'<h2>Undated (left out of the grid)</h2><ul class="undated">{items}</ul>'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
script-src 'unsafe-inline'">
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{_e(title)}</h1>
<p>{len(statements)} dated statement(s), {len(timeline.formulas)} formula(s). Colours tell the
surface forms of a formula apart; hover a cell for its sentence.</p>
{warnings}
<div class="controls"><input id="filter" type="search" placeholder="filter formulas">
<label><input id="lexicon-only" type="checkbox"> lexicon formulas only</label></div>
<table id="grid">
<thead>
<tr class="dates"><th>date</th>{dates}</tr>
<tr class="statements"><th>statement</th>{names}</tr>
<tr class="labels"><th>partnership label</th>{label_cells}</tr>
</thead>
<tbody>
{rows}
</tbody>
</table>
{undated}
<script>{_SCRIPT}</script>
</body>
</html>
"""
