"""HTML pages: one comparison side by side, and the timeline as a formula-by-date grid.

Each page is self-contained: the CSS and the small, data-free scripts are inline
and a Content-Security-Policy forbids loading anything. Every piece of statement
text goes through ``render.escape.html_text``; the scripts read only the
DOM and write only with ``textContent``.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .._models import Change, ChangeKind, Comparison, Framing, Origin, Passage, Phrase, ShiftType, Statement

if TYPE_CHECKING:  # a diff page needs no timeline code
    from ..timeline.track import FormulaHistory, Timeline
from .escape import html_text, one_line

_FORM_CLASSES = 6
_NONE = "\u2014"
#: Width and height of each formula's presence chart, in pixels.
_CHART_W, _CHART_H = 132, 18
#: Records longer than this get no tick per absent statement in the charts.
_CHART_TICKS = 60
_CSP = ("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">")

_CSS = """
html{scroll-padding-bottom:9em}
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em 1.5em 7em;color:#222}
h1{font-size:1.3em}
.controls{margin:.5em 0 1em}
table{border-collapse:collapse}
th,td{border:1px solid #ddd;padding:2px 6px;vertical-align:top}
thead th{background:#f6f6f6;font-weight:600;font-size:12px;position:sticky;top:0}
thead tr.statements th{font-weight:normal;min-width:9em;max-width:14em;top:1.6em}
thead tr.statements th .t{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;
 overflow:hidden}
thead tr.labels th{font-weight:normal;background:#eef3fb}
tbody th{text-align:left;font-weight:normal;white-space:nowrap;max-width:30em;overflow:hidden;
 text-overflow:ellipsis}
tbody th svg{display:block;margin-top:2px}
.cat{color:#777;font-size:11px;margin-left:.4em}
td.cell{font-size:12px;max-width:14em}
td.absent{background:#fafafa;color:#bbb;text-align:center}
td.present{cursor:pointer}
td.present:focus,td.present.open{outline:2px solid #3d7be0;outline-offset:-2px}
td.f0{background:#cfe8cf}td.f1{background:#fde2b5}td.f2{background:#d4def7}
td.f3{background:#f3cfe0}td.f4{background:#e2d6f5}td.f5{background:#d6f0ee}
svg .f0{fill:#3f8f3f}svg .f1{fill:#c98a1b}svg .f2{fill:#4a6fd0}svg .f3{fill:#c0507f}
svg .f4{fill:#7d5bc4}svg .f5{fill:#2f9d92}svg .axis{stroke:#ccc}svg .none{stroke:#ddd}
tr.discovered th{font-style:italic}
tr.hidden{display:none}
.warnings{color:#8a4b00}
#evidence{position:fixed;left:0;right:0;bottom:0;background:#fffdf3;border-top:2px solid #e0c96b;
 padding:8px 1.5em;font-size:13.5px;max-height:30vh;overflow:auto}
#evidence .where{font-weight:600;margin-right:.5em}
#evidence mark{background:#fde2b5}
@media print{#evidence,.controls{display:none}thead th{position:static}body{margin:0}}
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
  var panel = document.getElementById('evidence');
  var open = null;
  function show(cell) {
    if (open) { open.classList.remove('open'); }
    open = cell;
    cell.classList.add('open');
    var head = document.querySelector('#grid thead th.statement[data-statement="' +
                                      CSS.escape(cell.dataset.statement) + '"]');
    var where = document.createElement('span');
    where.className = 'where';
    where.textContent = (head ? head.dataset.date + ' \u00b7 ' + head.dataset.title
                              : cell.dataset.statement) +
                        (cell.dataset.sides ? ' [' + cell.dataset.sides + ']' : '');
    var sentence = cell.dataset.sentence, form = cell.dataset.form;
    var at = sentence.toLowerCase().indexOf(form.toLowerCase());
    panel.textContent = '';
    panel.appendChild(where);
    if (at < 0) { panel.appendChild(document.createTextNode(sentence)); return; }
    var mark = document.createElement('mark');
    mark.textContent = sentence.slice(at, at + form.length);
    panel.appendChild(document.createTextNode(sentence.slice(0, at)));
    panel.appendChild(mark);
    panel.appendChild(document.createTextNode(sentence.slice(at + form.length)));
  }
  var grid = document.getElementById('grid');
  grid.addEventListener('click', function (event) {
    var cell = event.target.closest('td.present');
    if (cell) { show(cell); }
  });
  grid.addEventListener('keydown', function (event) {
    var cell = event.target.closest('td.present');
    if (cell && (event.key === 'Enter' || event.key === ' ')) { event.preventDefault(); show(cell); }
  });
})();
"""


def _e(text: str | None) -> str:
    return html_text(text)


def _chart(history: FormulaHistory, xs: list[float], form_class: dict[str, int]) -> str:
    """A small inline SVG: one dot per statement that uses the formula, placed by date."""
    y = _CHART_H / 2
    dots = "".join(f'<circle class="f{form_class[o.key]}" cx="{xs[o.index]:.1f}" cy="{y}" r="3.2">'
                   f"<title>{_e(o.date.isoformat() if o.date else '?')}: {_e(o.text)}</title></circle>"
                   for o in history.occurrences)
    present = {o.index for o in history.occurrences}
    # A tick per absence shows the gaps; past a few dozen statements they would only add weight.
    ticks = "".join(f'<line class="none" x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + 3}"/>'
                    for i, x in enumerate(xs) if i not in present) if len(xs) <= _CHART_TICKS else ""
    n = len(history.occurrences)
    return (f'<svg class="chart" width="{_CHART_W}" height="{_CHART_H}" viewBox="0 0 {_CHART_W} {_CHART_H}" '
            f'role="img" aria-label="in {n} of {history.record} statements">'
            f'<line class="axis" x1="3" x2="{_CHART_W - 3}" y1="{y}" y2="{y}"/>{ticks}{dots}</svg>')


def _positions(statements: tuple[Statement, ...]) -> list[float]:
    """x of each statement in the charts: by date, so gaps in time show as gaps."""
    days = [(s.date or dt.date.min).toordinal() for s in statements]
    if not days:
        return []
    low, span = min(days), max(days) - min(days)
    inner = _CHART_W - 10
    if span == 0:
        return [_CHART_W / 2 for _ in days]
    return [5 + inner * (d - low) / span for d in days]


def _row(history: FormulaHistory, ids: tuple[str, ...], xs: list[float]) -> str:
    form_class = {f.key: i % _FORM_CLASSES for i, f in enumerate(history.forms())}
    cells = [f'<td class="cell absent" data-statement="{_e(i)}">\u00b7</td>' for i in ids]
    for o in history.occurrences:
        hover = o.sentence
        if o.sides:
            hover = f"[{', '.join(o.sides)}] {hover}"
        count = f" \u00d7{o.count}" if o.count > 1 else ""
        cells[o.index] = (f'<td class="cell present f{form_class[o.key]}" tabindex="0"'
                          f' data-statement="{_e(o.statement_id)}" data-form="{_e(o.text)}"'
                          f' data-sentence="{_e(o.sentence)}" data-sides="{_e(", ".join(o.sides))}"'
                          f' title="{_e(hover)}">{_e(o.text)}{count}</td>')
    kind = "lexicon" if history.origin is Origin.LEXICON else "discovered"
    return (f'<tr class="{kind}" data-formula="{_e(history.formula)}"><th scope="row" '
            f'title="{_e(history.formula)}">{_e(history.canonical)}'
            f'<span class="cat">{_e(history.category or "discovered")}</span>'
            f'{_chart(history, xs, form_class)}</th>{"".join(cells)}</tr>')


def render_timeline_html(timeline: Timeline, *, title: str = "diplodiff timeline") -> str:
    """Render a timeline as a self-contained HTML page with a formula-by-date grid.

    Rows are formulas, columns dated statements (oldest first), headed by their
    date and title (the id on hover); a cell shows the wording used there, and a
    click shows its sentence in the evidence panel. Each row carries a small
    inline SVG chart of the formula's presence over time, placed by date. A
    header row shows each statement's highest partnership label.
    """
    statements = timeline.statements
    ids = tuple(s.id for s in statements)
    xs = _positions(statements)
    labels = timeline.labels()
    dates = "".join(f'<th class="date" data-statement="{_e(s.id)}" title="{_e(s.id)}">'
                    f'{_e(s.date.isoformat() if s.date else "?")}</th>' for s in statements)
    names = "".join(f'<th class="statement" data-statement="{_e(s.id)}" title="{_e(s.id)}" '
                    f'data-date="{_e(s.date.isoformat() if s.date else "?")}" '
                    f'data-title="{_e(s.title or s.id)}">'
                    f'<span class="t">{_e(s.title or s.id)}</span></th>' for s in statements)
    label_cells = "".join(
        f'<th class="label" data-statement="{_e(s.id)}">{_e(label.text) if label else _NONE}</th>'
        for s, label in zip(statements, labels, strict=True))
    rows = "\n".join(_row(h, ids, xs) for h in timeline.formulas)
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
{_CSP}
<title>{_e(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<h1>{_e(title)}</h1>
<p>{len(statements)} dated statement(s), {len(timeline.formulas)} formula(s). Colours tell the
surface forms of a formula apart; the small chart under each formula shows where it occurs over time;
click a cell to read its sentence below.</p>
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
<aside id="evidence" aria-live="polite">Click a cell to read the sentence it comes from.</aside>
<script>{_SCRIPT}</script>
</body>
</html>
"""


# --- One comparison as a page: the two statements side by side, every change highlighted. ---

_DOT = " \u00b7 "
#: A passage's entry in the list shows this many characters of it.
_PASSAGE_CHARS = 180
_KINDS = (ChangeKind.ADDED, ChangeKind.DROPPED, ChangeKind.SHIFTED, ChangeKind.KEPT)
_KIND_MARK = {ChangeKind.ADDED: "+", ChangeKind.DROPPED: "\u2212", ChangeKind.SHIFTED: "~",
              ChangeKind.KEPT: "="}
_KIND_BLURB = {ChangeKind.ADDED: "only in the later statement",
               ChangeKind.DROPPED: "only in the earlier statement",
               ChangeKind.SHIFTED: "the same formula, reworded or reframed",
               ChangeKind.KEPT: "the same formula in both"}
#: Shift types that move the framing of the whole statement, for the "carried by" line.
_FRAMING_SHIFTS = (ShiftType.RANK_UP, ShiftType.RANK_DOWN, ShiftType.MODALITY, ShiftType.INTENSITY,
                   ShiftType.SPEAKER)

_DIFF_CSS = """
:root{--added:#d7f0d8;--added-b:#2e7d32;--dropped:#fadcdc;--dropped-b:#c62828;--shifted:#fcebbd;
 --shifted-b:#a86b00;--kept:#e4ebf5;--kept-b:#5b6f8a;--line:#dde1e6;--muted:#667085}
*{box-sizing:border-box}
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2433;background:#f7f8fa}
header{padding:14px 22px 10px;background:#fff;border-bottom:1px solid var(--line)}
h1{font-size:19px;margin:0 0 6px}
h2{font-size:14px;margin:0 0 6px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.who{display:grid;grid-template-columns:1fr 1fr;gap:18px;margin:6px 0 10px}
.who div{border-left:3px solid var(--line);padding-left:8px}
.who .role{font-size:11px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.who .title{font-weight:600}
.who .id,.who .notes{color:var(--muted);font-size:12px}
.summary{display:flex;flex-wrap:wrap;gap:14px;align-items:flex-start}
.counts{display:flex;gap:6px;flex-wrap:wrap}
.chip{border-radius:12px;padding:2px 10px;font-weight:600;font-size:13px;border:1px solid}
.chip.added{background:var(--added);border-color:var(--added-b)}
.chip.dropped{background:var(--dropped);border-color:var(--dropped-b)}
.chip.shifted{background:var(--shifted);border-color:var(--shifted-b)}
.chip.kept{background:var(--kept);border-color:var(--kept-b)}
.chip.passages{background:#fff;border-color:var(--muted);font-weight:500}
span.passage.added{background:#eff8ef;box-shadow:0 2px 0 #b9dcb9}
span.passage.dropped{background:#fdf1f1;box-shadow:0 2px 0 #efc2c2}
span.passage{-webkit-box-decoration-break:clone;box-decoration-break:clone;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
span.passage.off{background:none;box-shadow:none}
span.passage.flash{background:#dbe8fb}
table.framing{border-collapse:collapse;font-size:12.5px}
table.framing th,table.framing td{border-bottom:1px solid var(--line);padding:2px 10px 2px 0;text-align:left;
 vertical-align:top}
table.framing th{color:var(--muted);font-weight:500}
.move{font-weight:600}.move.up{color:var(--added-b)}.move.down{color:var(--dropped-b)}
.carried{font-size:12.5px;margin:4px 0 0;color:var(--muted)}
.filters{display:flex;flex-wrap:wrap;gap:6px 16px;padding:8px 22px;background:#fff;
 border-bottom:1px solid var(--line);font-size:13px;align-items:center}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:2px 10px;align-items:center}
.filters legend{float:left;font-weight:600;margin-right:4px;padding:0}
.filters label{white-space:nowrap;cursor:pointer}
main{display:grid;grid-template-columns:minmax(260px,30%) 1fr 1fr;height:100vh}
main>section{overflow:auto;padding:12px 16px;border-right:1px solid var(--line);background:#fff}
main>section.changes{background:#fbfbfc}
.body{white-space:pre-wrap;font:15px/1.6 Georgia,"Times New Roman",serif;overflow-wrap:anywhere}
ol.list{list-style:none;margin:0;padding:0}
li.kind-head{font-weight:600;margin:12px 0 4px;color:var(--muted);font-size:12px;text-transform:uppercase;
 letter-spacing:.05em}
li.change{border:1px solid var(--line);border-left:4px solid;border-radius:4px;margin:0 0 6px;padding:5px 8px;
 background:#fff}
li.change.added{border-left-color:var(--added-b)}li.change.dropped{border-left-color:var(--dropped-b)}
li.change.shifted{border-left-color:var(--shifted-b)}li.change.kept{border-left-color:var(--kept-b)}
li.change.flash,a.hl.flash{outline:3px solid #3d7be0;outline-offset:1px}
li.passage-entry{border-left-style:double;border-left-width:6px}
li.passage-entry a.entry{font-weight:400;font-style:italic}
.anchor{scroll-margin:40px}
li.change a.entry{color:inherit;text-decoration:none;font-weight:600;display:block}
li.change .n{color:var(--muted);font-weight:400;font-size:11px;margin-right:4px}
li.change .tags{font-size:11.5px;color:var(--muted)}
li.change ul{margin:3px 0 0;padding-left:16px;font-size:12.5px}
li.change a.goto{color:#2457b5}
.hidden{display:none!important}
a.hl{color:inherit;text-decoration:none;border-radius:2px;border-bottom:2px solid;cursor:pointer;
 -webkit-print-color-adjust:exact;print-color-adjust:exact}
a.hl.added{background:var(--added);border-color:var(--added-b)}
a.hl.dropped{background:var(--dropped);border-color:var(--dropped-b)}
a.hl.shifted{background:var(--shifted);border-color:var(--shifted-b);border-bottom-style:double}
a.hl.kept{background:var(--kept);border-color:var(--kept-b);border-bottom-style:dotted}
a.hl.off{background:none;border-color:transparent;cursor:text}
a.hl+sup{font:10px system-ui,sans-serif;color:var(--muted);margin-left:1px}
a.hl.off+sup{display:none}
.cue{text-decoration:underline dotted #7a5ab8 2px;text-underline-offset:3px}
.help{font-size:12px;color:var(--muted);margin:0 0 8px}
@media print{
 body{background:#fff;font-size:11pt}
 .filters,.help{display:none}
 a.goto{color:inherit;text-decoration:none}
 header{border:0;padding:0 0 8pt}
 main{grid-template-columns:1fr 1fr;height:auto;gap:0 14pt}
 main>section{overflow:visible;border:0;padding:0 0 10pt}
 main>section.changes{grid-column:1/3;columns:2;column-gap:18pt}
 li.change{break-inside:avoid}
 .body{font-size:10pt}
 a.hl{border-bottom-width:1.5pt}
}
"""

_DIFF_SCRIPT = """
(function () {
  var boxes = document.querySelectorAll('.filters input[type=checkbox]');
  var entries = document.querySelectorAll('li.change');
  var marks = document.querySelectorAll('a.hl');
  function apply() {
    var on = {};
    for (var i = 0; i < boxes.length; i++) { on[boxes[i].value] = boxes[i].checked; }
    var shown = {};
    for (var j = 0; j < entries.length; j++) {
      var e = entries[j];
      var visible = on['kind:' + e.dataset.kind] && on['category:' + e.dataset.category];
      e.classList.toggle('hidden', !visible);
      if (visible) { shown[e.dataset.n] = true; }
    }
    var heads = document.querySelectorAll('li.kind-head');
    for (var h = 0; h < heads.length; h++) {
      var kind = heads[h].dataset.kind;
      heads[h].classList.toggle('hidden', kind === 'passage' ? !on['category:passage'] : !on['kind:' + kind]);
    }
    var bands = document.querySelectorAll('span.passage');
    for (var p = 0; p < bands.length; p++) {
      bands[p].classList.toggle('off', !shown[bands[p].dataset.passage]);
    }
    for (var k = 0; k < marks.length; k++) {
      var ids = marks[k].dataset.changes.split(' ');
      var any = false;
      for (var m = 0; m < ids.length; m++) { if (shown[ids[m]]) { any = true; } }
      marks[k].classList.toggle('off', !any);
    }
  }
  function flash(els) {
    for (var i = 0; i < els.length; i++) { els[i].classList.add('flash'); }
    setTimeout(function () {
      for (var i = 0; i < els.length; i++) { els[i].classList.remove('flash'); }
    }, 1500);
  }
  function showChange(n) {
    var sides = ['e', 'l'];
    for (var i = 0; i < sides.length; i++) {
      var anchor = document.getElementById(sides[i] + n);
      if (anchor) { anchor.scrollIntoView({block: 'center'}); }
    }
    flash(document.querySelectorAll('a.hl[data-changes~="' + n + '"]'));
  }
  function showEntry(n) {
    var entry = document.getElementById('change-' + n);
    if (entry) { entry.scrollIntoView({block: 'center'}); flash([entry]); }
  }
  document.addEventListener('click', function (event) {
    var link = event.target.closest('a');
    if (!link) { return; }
    if (link.classList.contains('entry') && link.dataset.passage) {
      event.preventDefault();
      var id = link.dataset.passage;
      var anchor = document.getElementById('l-' + id) || document.getElementById('e-' + id);
      if (anchor) { anchor.scrollIntoView({block: 'start'}); }
      flash(document.querySelectorAll('span.passage[data-passage="' + CSS.escape(id) + '"]'));
    } else if (link.classList.contains('entry')) {
      event.preventDefault();
      showChange(link.dataset.n);
    } else if (link.classList.contains('hl')) {
      event.preventDefault();
      if (link.classList.contains('off')) { return; }
      showEntry(link.dataset.changes.split(' ')[0]);
    }
  });
  for (var i = 0; i < boxes.length; i++) { boxes[i].addEventListener('change', apply); }
  apply();
})();
"""


def _marked(text: str, side: str, spans: list[tuple[int, int, int, ChangeKind]],
            cues: list[tuple[int, int, str]], passages: Sequence[Passage] = ()) -> str:
    """The statement text, escaped, with each change's phrase a highlight linking to its entry.

    Phrases, cue words and passages may overlap: the text is cut at every span
    boundary and each piece carries every change that covers it (the innermost
    one leads), inside the band of its passage, if any.
    """
    # Leading and trailing blank lines would show as empty space in a pre-wrap block.
    first, last = len(text) - len(text.lstrip()), len(text.rstrip())
    bounds = [(p.span.start, p.span.end) for p in passages]
    cuts = sorted({first, last, *(p for s in spans for p in s[:2]), *(p for c in cues for p in c[:2]),
                   *(p for b in bounds for p in b)} & set(range(first, last + 1)))
    opened: set[str] = set()
    started: set[int] = set()
    last_piece = {n: max(c for c in cuts if start <= c < end) for start, end, n, _ in spans if end > start}
    out: list[str] = []
    for a, b in itertools.pairwise(cuts):
        piece = html_text(text[a:b], collapse=False)
        words = [w for s, e, w in cues if s <= a and b <= e]
        if words:
            piece = f'<span class="cue" title="{html_text("; ".join(dict.fromkeys(words)))}">{piece}</span>'
        covering = sorted((e - s, n, kind) for s, e, n, kind in spans if s <= a and b <= e)
        if covering:
            lead = covering[0]
            ids = " ".join(str(n) for _, n, _ in covering)
            # One empty anchor per change where it starts: an element has one id, pieces may start several.
            anchors = "".join(f'<span class="anchor" id="{side}{n}"></span>' for _, n, _ in covering
                              if n not in started)
            started.update(n for _, n, _ in covering)
            numbers = [str(n) for _, n, _ in covering if last_piece[n] == a]
            number = f"<sup>{','.join(numbers)}</sup>" if numbers else ""
            piece = (f'{anchors}<a class="hl {lead[2].value}" href="#change-{lead[1]}" '
                     f'data-changes="{ids}">{piece}</a>{number}')
        passage = next((p for p in passages if p.span.start <= a and b <= p.span.end), None)
        if passage is not None:
            anchor = ("" if passage.id in opened
                      else f'<span class="anchor" id="{side}-{html_text(passage.id)}"></span>')
            opened.add(passage.id)
            piece = (f'{anchor}<span class="passage {passage.kind.value}" '
                     f'data-passage="{html_text(passage.id)}">{piece}</span>')
        out.append(piece)
    return "".join(out)


def _side_spans(comparison: Comparison, side: str) -> tuple[list[tuple[int, int, int, ChangeKind]],
                                                            list[tuple[int, int, str]]]:
    spans, cues = [], []
    for n, change in enumerate(comparison.changes, 1):
        phrase: Phrase | None = getattr(change, side)
        if phrase is not None:
            spans.append((phrase.span.start, phrase.span.end, n, change.kind))
        for marker in change.markers:
            if marker.statement == side:
                name = marker.shift.value.replace("_", " ")
                detail = next((d for d in change.details if d.startswith(name)), name)
                cues.append((marker.span.start, marker.span.end, f"{n}: {detail}"))
    return spans, cues


def _who(statement: Statement, role: str) -> str:
    date = statement.date.isoformat() if statement.date else "date unknown"
    source = f" \u00b7 {html_text(statement.source)}" if statement.source else ""
    notes = "".join(f'<div class="notes">{html_text(n)}</div>' for n in statement.notes)
    return (f'<div><div class="role">{role} \u00b7 {date}{source}</div>'
            f'<div class="title">{html_text(statement.title or statement.id)}</div>'
            f'<div class="id">{html_text(statement.id)}</div>{notes}</div>')


def _framing_table(comparison: Comparison) -> str:
    if comparison.framing is None:
        return ""
    before, after = comparison.framing

    def label(f: Framing) -> str:
        return f"{html_text(f.label[0])} (rank {f.label[1]})" if f.label else "none"

    def voices(f: Framing) -> str:
        return ", ".join(f"{html_text(side)} {n}" for side, n in f.voices) or "none"

    def move(a: float | None, b: float | None) -> str:
        if a is None or b is None or a == b:
            return ""
        return ' <span class="move up">\u25b2 stronger</span>' if b > a else \
            ' <span class="move down">\u25bc weaker</span>'

    def modality(f: Framing) -> str:
        return f"{f.modality} over {f.modal_formulas}" if f.modality is not None else "none"

    rank = move(before.label[1] if before.label else None, after.label[1] if after.label else None)
    rows = [("partnership label", label(before), label(after) + rank.replace("stronger", "higher")
             .replace("weaker", "lower")),
            ("voices (formulas per side)", voices(before), voices(after)),
            ("commitment (mean modality 1\u20135)", modality(before),
             modality(after) + move(before.modality, after.modality)),
            ("intensity (intensifiers \u2212 hedges)", str(before.intensity),
             f"{after.intensity}{move(before.intensity, after.intensity)}")]
    body = "".join(f"<tr><th>{name}</th><td>{a}</td><td>{b}</td></tr>" for name, a, b in rows)
    carriers = sorted(((n, c) for n, c in enumerate(comparison.changes, 1)
                       if set(c.shift) & set(_FRAMING_SHIFTS)),
                      key=lambda nc: min(_FRAMING_SHIFTS.index(s) for s in nc[1].shift
                                         if s in _FRAMING_SHIFTS))
    carried = ", ".join(f'<a class="entry" data-n="{n}" href="#change-{n}">{html_text(_wording_of(c))}</a>'
                        for n, c in carriers[:5])
    more = f' <span class="carried">carried by: {carried}</span>' if carried else ""
    return (f'<div><table class="framing"><thead><tr><th>framing</th><th>earlier</th><th>later</th></tr>'
            f"</thead><tbody>{body}</tbody></table>{more}</div>")


def _wording_of(change: Change) -> str:
    if change.kind is ChangeKind.SHIFTED and change.earlier is not None and change.later is not None:
        before, after = one_line(change.earlier.text), one_line(change.later.text)
        if before != after:
            return f"{before} \u2192 {after}"
    return one_line(change.phrase.text)


def _entry(n: int, change: Change) -> str:
    category = change.category or "discovered"
    tags = ", ".join([category.replace("_", " "), *(s.value.replace("_", " ") for s in change.shift)])
    counts = f"{change.earlier_count}\u2192{change.later_count}"
    notes = [html_text(d) for d in change.details]
    notes += [f"<i>record:</i> {html_text(h)}" for h in change.history]
    items = f"<ul>{''.join(f'<li>{x}</li>' for x in notes)}</ul>" if notes else ""
    links = []
    for side, phrase in (("earlier", change.earlier), ("later", change.later)):
        if phrase is not None:
            speaker = f": {html_text(phrase.speaker)}" if phrase.speaker else ""
            links.append(f'<a class="goto" href="#{side[0]}{n}">{side}{speaker}</a>')
    if change.passage is not None:
        where = "new" if change.kind is ChangeKind.ADDED else "dropped"
        links.append(f'<a class="goto" href="#passage-{html_text(change.passage)}">in {where} passage '
                     f"{html_text(change.passage)}</a>")
    return (f'<li class="change {change.kind.value}" id="change-{n}" data-n="{n}" '
            f'data-kind="{change.kind.value}" data-category="{html_text(category)}">'
            f'<a class="entry" data-n="{n}" href="#{"l" if change.later is not None else "e"}{n}">'
            f'<span class="n">{n}</span>{_KIND_MARK[change.kind]} {html_text(_wording_of(change))}</a>'
            f'<div class="tags">{html_text(tags)}{_DOT}{counts}{_DOT}{_DOT.join(links)}</div>{items}</li>')


def _passage_entry(passage: Passage, comparison: Comparison) -> str:
    side = "l" if passage.kind is ChangeKind.ADDED else "e"
    keys = [(n, c) for n, c in enumerate(comparison.changes, 1) if c.passage == passage.id]
    phrases = ", ".join(f'<a class="goto" href="#change-{n}">{html_text(c.phrase.text)}</a>' for n, c in keys)
    text = one_line(passage.text)
    short = text if len(text) <= _PASSAGE_CHARS else text[:_PASSAGE_CHARS].rsplit(" ", 1)[0] + " \u2026"
    where = f"only in the {'later' if passage.kind is ChangeKind.ADDED else 'earlier'} statement"
    count = f"{len(passage.sentences)} sentence{'s' if len(passage.sentences) != 1 else ''}"
    return (f'<li class="change passage-entry {passage.kind.value}" id="passage-{html_text(passage.id)}" '
            f'data-n="{html_text(passage.id)}" data-kind="{passage.kind.value}" data-category="passage">'
            f'<a class="entry" data-passage="{html_text(passage.id)}" href="#{side}-{html_text(passage.id)}">'
            f'<span class="n">{html_text(passage.id)}</span>{_KIND_MARK[passage.kind]} {html_text(short)}</a>'
            f'<div class="tags">{count}{_DOT}{where}'
            + (f"{_DOT}key phrases: {phrases}" if phrases else "") + "</div></li>")


def render_comparison_html(comparison: Comparison, *, title: str | None = None,
                           show_kept: bool = False) -> str:
    """Render a comparison as one self-contained HTML page.

    The two statements stand side by side with every compared phrase
    highlighted (green added, red dropped, amber shifted, blue kept) and linked
    to its entry in the list of changes; the framing summary is on top; the
    list can be filtered by kind and category; the page prints as a report.
    Nothing is loaded from the network; statement text is always escaped.
    Kept formulas are listed but unticked unless ``show_kept``.
    """
    changes = comparison.changes
    page_title = title or f"{comparison.earlier.id} \u2192 {comparison.later.id}"
    counts = comparison.counts()
    chips = "".join(f'<span class="chip {k}">{n} {k}</span>' for k, n in counts.items())
    kinds = "".join(
        f'<label><input type="checkbox" value="kind:{k.value}"'
        f'{" checked" if k is not ChangeKind.KEPT or show_kept else ""}> '
        f"{k.value} ({counts[k.value]})</label>" for k in _KINDS)
    categories = sorted({c.category or "discovered" for c in changes}, key=lambda c: (c == "discovered", c))
    passages = comparison.passages
    if passages or comparison.other_sentences:
        categories.append("passage")
    if passages:
        plural = "s" if len(passages) != 1 else ""
        chips += f'<span class="chip passages">{len(passages)} passage{plural}</span>'
    category_boxes = "".join(f'<label><input type="checkbox" value="category:{html_text(c)}" checked> '
                             f"{html_text(c.replace('_', ' '))}</label>" for c in categories)
    entries = []
    if passages:
        entries.append(f'<li class="kind-head" data-kind="passage">passages ({len(passages)}): sentences '
                       "with no counterpart in the other statement</li>")
        entries += [_passage_entry(p, comparison) for p in passages]
    others = comparison.other_sentences
    if others:
        entries.append(f'<li class="kind-head" data-kind="passage">other sentences ({len(others)}): with no '
                       "counterpart in the other statement, in no finding above</li>")
        entries += [_passage_entry(p, comparison) for p in others]
    for kind in _KINDS:
        numbered = [(n, c) for n, c in enumerate(changes, 1) if c.kind is kind]
        if numbered:
            entries.append(f'<li class="kind-head" data-kind="{kind.value}">{kind.value} ({len(numbered)}): '
                           f"{_KIND_BLURB[kind]}</li>")
            entries += [_entry(n, c) for n, c in numbered]
    texts = []
    for side, statement in (("earlier", comparison.earlier), ("later", comparison.later)):
        spans, cues = _side_spans(comparison, side)
        date = statement.date.isoformat() if statement.date else "date unknown"
        kind = ChangeKind.DROPPED if side == "earlier" else ChangeKind.ADDED
        bands = [p for p in (*passages, *others) if p.kind is kind]
        body = _marked(statement.text, side[0], spans, cues, bands)
        texts.append(f'<section class="text {side}" id="{side}"><h2>{side} \u00b7 {date}</h2>'
                     f'<div class="body">{body}</div></section>')
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
{_CSP}
<title>{html_text(page_title)}</title>
<style>{_DIFF_CSS}</style>
</head>
<body>
<header>
<h1>{html_text(page_title)}</h1>
<div class="who">{_who(comparison.earlier, "earlier")}{_who(comparison.later, "later")}</div>
<div class="summary"><div class="counts">{chips}</div>{_framing_table(comparison)}</div>
</header>
<nav class="filters" aria-label="filters">
<fieldset><legend>Kind</legend>{kinds}</fieldset>
<fieldset><legend>Category</legend>{category_boxes}</fieldset>
</nav>
<main>
<section class="changes"><h2>Changes</h2>
<p class="help">Click a change to show it in both statements; click a highlight to find its change.
Dotted underlines mark the words that carry a shift (speaker, modality, intensity, wording).</p>
<ol class="list">{"".join(entries)}</ol></section>
{"".join(texts)}
</main>
<script>{_DIFF_SCRIPT}</script>
</body>
</html>
"""
