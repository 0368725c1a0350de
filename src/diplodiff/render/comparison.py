"""Renderers: pure functions from result objects to strings."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import attrs

from .._models import Change, ChangeKind, Comparison, Framing, Passage, Phrase, ShiftType, Statement
from ..text.speakers import OUTLET, outlet_name
from .escape import markdown, one_line, visible

SCHEMA_VERSION = 2
_SPACE = re.compile(r"\s+")
_SECTIONS = (
    (ChangeKind.ADDED, "Added", "only in the later statement"),
    (ChangeKind.DROPPED, "Dropped", "only in the earlier statement"),
    (ChangeKind.SHIFTED, "Shifted", "the same formula, reworded"),
    (ChangeKind.KEPT, "Kept", "the same formula in both"),
)
_MARK = {ChangeKind.ADDED: "+", ChangeKind.DROPPED: "-", ChangeKind.SHIFTED: "~", ChangeKind.KEPT: "="}
_COLOR = {ChangeKind.ADDED: "32", ChangeKind.DROPPED: "31", ChangeKind.SHIFTED: "33", ChangeKind.KEPT: "2"}
_CONTEXT = 110
_PASSAGE_CHARS = 240
_PASSAGES = (
    (ChangeKind.ADDED, "New passages", "sentences or clauses only in the later statement"),
    (ChangeKind.DROPPED, "Dropped passages", "sentences or clauses only in the earlier statement"),
)
_OTHER = (
    (ChangeKind.ADDED, "Other new sentences", "only in the later statement, in no finding above"),
    (ChangeKind.DROPPED, "Other dropped sentences", "only in the earlier statement, in no finding above"),
)


def _passage_text(passage: Passage) -> str:
    text = one_line(_SPACE.sub(" ", passage.text).strip())
    return text if len(text) <= _PASSAGE_CHARS else text[:_PASSAGE_CHARS].rsplit(" ", 1)[0] + "\u2026"


def _key_phrases(comparison: Comparison, passage: Passage) -> list[Change]:
    return [c for c in comparison.changes if c.passage == passage.id]


def _loose(comparison: Comparison, kind: ChangeKind) -> tuple[Change, ...]:
    """The changes of one kind that are not a key phrase of a passage."""
    return tuple(c for c in comparison.of_kind(kind) if c.passage is None)


def _summary(comparison: Comparison) -> str:
    line = ", ".join(f"{n} {kind}" for kind, n in comparison.counts().items())
    new = sum(p.kind is ChangeKind.ADDED for p in comparison.passages)
    gone = len(comparison.passages) - new
    if comparison.passages:
        line += f" (in {new} new and {gone} dropped passages)"
    if comparison.other_sentences:
        new = sum(p.kind is ChangeKind.ADDED for p in comparison.other_sentences)
        line += f"; other sentences: {new} new, {len(comparison.other_sentences) - new} dropped"
    return line


def sentence_of(phrase: Phrase, statement: Statement) -> str:
    """The sentence holding ``phrase``, whitespace collapsed."""
    return _SPACE.sub(" ", phrase.sentence_span.of(statement.text)).strip()


def _excerpt(phrase: Phrase, statement: Statement, open_: str, close: str,
             escape: Callable[[str], str] = visible) -> str:
    """The sentence with the phrase marked (by ``open_``/``close``, never escaped),
    cut to some words either side, its text passed through ``escape``."""
    text = statement.text
    s = phrase.sentence_span
    before = _SPACE.sub(" ", text[s.start : phrase.span.start]).lstrip()
    inner = _SPACE.sub(" ", phrase.text)
    after = _SPACE.sub(" ", text[phrase.span.end : s.end]).rstrip()
    if len(before) > _CONTEXT:
        before = "\u2026" + before[-_CONTEXT:].split(" ", 1)[-1]
    if len(after) > _CONTEXT:
        after = after[:_CONTEXT].rsplit(" ", 1)[0] + "\u2026"
    return f"{escape(before)}{open_}{escape(inner)}{close}{escape(after)}"


def _outlet(statement: Statement) -> str:
    """", from OUTLET" when the statement names who published it (source, outlet, dateline)."""
    name = outlet_name(statement)
    return "" if name == OUTLET else f", from {name}"


def _describe(statement: Statement) -> str:
    date = statement.date.isoformat() if statement.date else "date unknown"
    title = f", {one_line(statement.title)}" if statement.title else ""
    return f"{one_line(statement.id)} ({date}{title}{one_line(_outlet(statement))})"


def _notes(comparison: Comparison, escape: Callable[[str], str]) -> list[str]:
    """What the loader or the analysis noticed about each statement, one line each
    (an unknown date is already said next to the statement's id)."""
    return [f"note ({side}): {escape(note)}"
            for side, statement in (("earlier", comparison.earlier), ("later", comparison.later))
            for note in statement.notes if not note.startswith("date unknown")]


def _label(change: Change) -> str:
    if change.kind is ChangeKind.SHIFTED:
        assert change.earlier is not None
        assert change.later is not None
        return f"{one_line(change.earlier.text)} -> {one_line(change.later.text)}"
    return one_line(change.phrase.text)


def _tags(change: Change) -> str:
    tags = [one_line(change.category or "discovered")]
    tags += [s.value for s in change.shift]
    counts = f"{change.earlier_count}->{change.later_count}"
    return f"[{', '.join(tags)}; {counts}]"


def _speaker(phrase: Phrase) -> str:
    return f" ({one_line(phrase.speaker)})" if phrase.speaker else ""


def _framing_lines(comparison: Comparison) -> list[str]:
    """The whole-statement framing summary: label and rank, voices, modality, intensity."""
    if comparison.framing is None:
        return []
    before, after = comparison.framing

    def label(f: Framing) -> str:
        return f"{one_line(f.label[0])} (rank {f.label[1]})" if f.label else "none"

    def voices(f: Framing) -> str:
        return ", ".join(f"{one_line(side)} {n}" for side, n in f.voices) or "none"

    def commitment(f: Framing) -> str:
        return f"{f.modality} over {f.modal_formulas}" if f.modality is not None else "none"

    def move(a: float | None, b: float | None) -> str:
        if a is None or b is None or a == b:
            return ""
        return " (stronger)" if b > a else " (weaker)"

    lines = [
        f"  partnership label: {label(before)} -> {label(after)}",
        f"  voices (formulas per side): {voices(before)} -> {voices(after)}",
        f"  commitment (mean modality 1-5): {commitment(before)} -> {commitment(after)}"
        f"{move(before.modality, after.modality)}",
        f"  intensity (intensifiers - hedges): {before.intensity} -> {after.intensity}"
        f"{move(before.intensity, after.intensity)}",
    ]
    priority = (ShiftType.RANK_UP, ShiftType.RANK_DOWN, ShiftType.MODALITY, ShiftType.INTENSITY,
                ShiftType.SPEAKER)
    carriers = sorted((c for c in comparison.changes if set(c.shift) & set(priority)),
                      key=lambda c: min(priority.index(s) for s in c.shift if s in priority))
    for change in carriers[:4]:
        # Quote the detail of the shift that carries the framing, not another one of the change.
        top = min((s for s in change.shift if s in priority), key=priority.index).value.replace("_", " ")
        detail = next((d for d in change.details if d.startswith(top)), ", ".join(change.details[-1:]))
        lines.append(f"    carried by: {_label(change)} ({one_line(detail)})")
    return lines


def render_text(comparison: Comparison, *, color: bool = False, show_kept: bool = False) -> str:
    """Render a comparison as a plain-text report (ANSI colours with ``color=True``).

    The report leads with a summary (counts per kind), then added, dropped and
    shifted formulas with their sentences; kept formulas only with ``show_kept``.
    """
    def paint(code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if color else text

    hi = ("\x1b[1m", "\x1b[22m") if color else ("[", "]")
    lines = [
        f"earlier: {_describe(comparison.earlier)}",
        f"later:   {_describe(comparison.later)}",
        *_notes(comparison, one_line),
        "summary: " + _summary(comparison),
    ]
    framing = _framing_lines(comparison)
    if framing:
        lines += ["framing:", *framing]
    for kind, title, blurb in _PASSAGES:
        found = [p for p in comparison.passages if p.kind is kind]
        if not found:
            continue
        lines += ["", paint("1", f"{title} ({len(found)}): {blurb}")]
        for passage in found:
            lines.append(f"  {paint(_COLOR[kind], _MARK[kind] + ' ' + _passage_text(passage))}")
            keys = _key_phrases(comparison, passage)
            lines.append("      key phrases: " + ("; ".join(
                f"{one_line(c.phrase.text)} [{one_line(c.category or 'discovered')}]" for c in keys)
                or "none"))
            lines += [f"      record: {one_line(c.phrase.text)}: {one_line(note)}" for c in keys
                      for note in c.history]
    for kind, title, blurb in _SECTIONS:
        changes = _loose(comparison, kind)
        if not changes or (kind is ChangeKind.KEPT and not show_kept):
            continue
        lines += ["", paint("1", f"{title} ({len(changes)}): {blurb}")]
        for change in changes:
            lines.append(f"  {paint(_COLOR[kind], _MARK[kind] + ' ' + _label(change))}  {_tags(change)}")
            for detail in change.details:
                lines.append(f"      {one_line(detail)}")
            lines += [f"      record: {one_line(note)}" for note in change.history]
            if kind is ChangeKind.KEPT:
                continue
            for side, phrase, statement in (("earlier", change.earlier, comparison.earlier),
                                            ("later", change.later, comparison.later)):
                if phrase is not None:
                    lines.append(f"      {side}{_speaker(phrase)}: {_excerpt(phrase, statement, *hi)}")
    for kind, title, blurb in _OTHER:
        found = [p for p in comparison.other_sentences if p.kind is kind]
        if found:
            lines += ["", paint("1", f"{title} ({len(found)}): {blurb}")]
            lines += [f"  {paint(_COLOR[kind], _MARK[kind] + ' ' + _passage_text(p))}" for p in found]
    return "\n".join(lines) + "\n"


def render_markdown(comparison: Comparison, *, show_kept: bool = False) -> str:
    """Render a comparison as Markdown: summary table, then one section per kind."""
    counts = comparison.counts()
    lines = [
        f"# {markdown(comparison.earlier.id)} \u2192 {markdown(comparison.later.id)}",
        "",
        f"- **Earlier:** {_md_describe(comparison.earlier)}",
        f"- **Later:** {_md_describe(comparison.later)}",
        *(f"- {note}" for note in _notes(comparison, markdown)),
        "",
        "| " + " | ".join(counts) + " |",
        "|" + "---|" * len(counts),
        "| " + " | ".join(str(n) for n in counts.values()) + " |",
    ]
    framing = _framing_lines(comparison)
    if framing:
        lines += ["", "**Framing**", "", *(f"- {_md(line.strip())}" for line in framing)]
    for kind, title, blurb in _PASSAGES:
        found = [p for p in comparison.passages if p.kind is kind]
        if not found:
            continue
        lines += ["", f"## {title} ({len(found)})", "", f"_{blurb}_", ""]
        for passage in found:
            lines.append(f"- {_md(_passage_text(passage))}")
            keys = _key_phrases(comparison, passage)
            lines.append("  - _key phrases:_ " + ("; ".join(
                f"**{markdown(c.phrase.text)}** `{_code(c.category or 'discovered')}`" for c in keys)
                or "none"))
            lines += [f"  - _record:_ {markdown(c.phrase.text)}: {markdown(note)}" for c in keys
                      for note in c.history]
    for kind, title, blurb in _SECTIONS:
        changes = _loose(comparison, kind)
        if not changes or (kind is ChangeKind.KEPT and not show_kept):
            continue
        lines += ["", f"## {title} ({len(changes)})", "", f"_{blurb}_", ""]
        for change in changes:
            lines.append(f"- **{_md(_label(change))}** `{_code(_tags(change))}`")
            for detail in change.details:
                lines.append(f"  - {_md(detail)}")
            lines += [f"  - _record:_ {_md(note)}" for note in change.history]
            if kind is ChangeKind.KEPT:
                continue
            for side, phrase, statement in (("earlier", change.earlier, comparison.earlier),
                                            ("later", change.later, comparison.later)):
                if phrase is not None:
                    excerpt = _excerpt(phrase, statement, "**", "**", escape=markdown)
                    lines.append(f"  - _{side}{_md(_speaker(phrase))}:_ {excerpt}")
    for kind, title, blurb in _OTHER:
        found = [p for p in comparison.other_sentences if p.kind is kind]
        if found:
            lines += ["", f"## {title} ({len(found)})", "", f"_{blurb}_", ""]
            lines += [f"- {_md(_passage_text(p))}" for p in found]
    return "\n".join(lines) + "\n"


def _md(text: str) -> str:
    """Markdown for a line the text renderer already made visible (no double escapes)."""
    return markdown(text)


def _code(text: str) -> str:
    """Text for a Markdown code span: nothing in it is markup but a backtick."""
    return one_line(text).replace("`", "'")


def _md_describe(statement: Statement) -> str:
    date = statement.date.isoformat() if statement.date else "date unknown"
    title = f", {markdown(statement.title)}" if statement.title else ""
    return f"{markdown(statement.id)} ({date}{title}{markdown(_outlet(statement))})"


def statement_json(statement: Statement) -> dict[str, Any]:
    """The contract's description of a statement."""
    return {
        "id": statement.id, "path": statement.path,
        "date": statement.date.isoformat() if statement.date else None,
        "title": statement.title, "source": statement.source,
    }


def _side(phrase: Phrase | None, statement: Statement, count: int) -> dict[str, Any] | None:
    if phrase is None:
        return None
    return {
        "text": phrase.text, "sentence": sentence_of(phrase, statement), "speaker": phrase.speaker,
        "side": phrase.side, "span": [phrase.span.start, phrase.span.end], "count": count,
    }


def comparison_dict(comparison: Comparison) -> dict[str, Any]:
    """The JSON contract of ``diplodiff diff`` as a plain dict."""
    return {
        "schema_version": SCHEMA_VERSION,
        "earlier": statement_json(comparison.earlier),
        "later": statement_json(comparison.later),
        "summary": comparison.counts(),
        "changes": [
            {
                "kind": c.kind.value,
                "earlier": _side(c.earlier, comparison.earlier, c.earlier_count),
                "later": _side(c.later, comparison.later, c.later_count),
                "shift": [s.value for s in c.shift],
                "category": c.category,
                "score": round(c.score, 1),
                "formula": c.phrase.formula,
                "canonical": c.phrase.canonical,
                "origin": c.origin.value,
                "details": list(c.details),
                "history": list(c.history),
                "markers": [{"shift": m.shift.value, "statement": m.statement, "text": m.text,
                             "span": [m.span.start, m.span.end]} for m in c.markers],
                "passage": c.passage,
            }
            for c in comparison.changes
        ],
        "revision": comparison.revision,
        "alignment": [{"earlier": list(x.earlier), "later": list(x.later), "similarity": x.similarity}
                      for x in comparison.alignment],
        "passages": [{"id": p.id, "kind": p.kind.value, "sentences": list(p.sentences),
                      "span": [p.span.start, p.span.end], "text": p.text,
                      "key_phrases": [i for i, c in enumerate(comparison.changes) if c.passage == p.id]}
                     for p in comparison.passages],
        "other_sentences": [{"id": p.id, "kind": p.kind.value, "sentences": list(p.sentences),
                             "span": [p.span.start, p.span.end], "text": p.text}
                            for p in comparison.other_sentences],
        "framing": None if comparison.framing is None else {
            name: attrs.asdict(f) for name, f in zip(("earlier", "later"), comparison.framing, strict=True)
        },
        "options": comparison.options.to_dict(),
        "lexicons": list(comparison.lexicon_names),
    }


def to_json(comparison: Comparison) -> str:
    """Render a comparison as the JSON contract (``schema_version`` 2: version 1 plus
    the sentence alignment and the new and dropped passages)."""
    import json  # lazy: a text report, the default, needs none (start-up time counts)

    return json.dumps(comparison_dict(comparison), ensure_ascii=False, indent=2) + "\n"
