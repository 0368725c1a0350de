"""What ``diplodiff phrases`` shows of analysed statements: text, Markdown and a dict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._models import Analysis, Phrase
from ..find.discover import is_reportable
from .comparison import statement_json
from .escape import markdown, one_line

#: Version of the `phrases --format json` contract (its own: comparisons and timelines have theirs).
SCHEMA_VERSION = 1


def listed(analysis: Analysis) -> list[list[Phrase]]:
    """The phrase groups worth listing: the one rule of ``is_reportable`` (every lexicon
    formula, and discovered phrases that are quoted, named or repeated in the statement)."""
    return [group for group in analysis.groups().values() if is_reportable(group)]


def phrases_text(analyses: Sequence[Analysis]) -> str:
    """One block per statement: ``id (date)``, then count, first wording and category per formula."""
    lines = []
    for analysis in analyses:
        statement = analysis.statement
        lines.append(f"{one_line(statement.id)} ({statement.date or 'date unknown'})")
        for group in listed(analysis):
            where = group[0].category or "discovered"
            lines.append(f"  {len(group):3d}  {one_line(group[0].text)}  [{one_line(where)}]")
    return "\n".join(lines) + "\n"


def phrases_markdown(analyses: Sequence[Analysis]) -> str:
    """One section per statement with a table of its formulas."""
    lines: list[str] = []
    for analysis in analyses:
        statement = analysis.statement
        lines += [f"## {markdown(statement.id)} ({statement.date or 'date unknown'})", "",
                  "| count | phrase | category |", "|---|---|---|"]
        lines += [f"| {len(g)} | {markdown(g[0].text)} | {g[0].category or 'discovered'} |"
                  for g in listed(analysis)]
        lines.append("")
    return "\n".join(lines)


def _phrase_dict(group: list[Phrase]) -> dict[str, Any]:
    first = group[0]
    return {"formula": first.formula, "phrase": first.canonical, "text": first.text,
            "category": first.category, "origin": first.origin.value, "rank": first.rank,
            "count": len(group), "forms": list(dict.fromkeys(p.text for p in group)),
            "speakers": list(dict.fromkeys(p.speaker for p in group if p.speaker)),
            "sides": list(dict.fromkeys(p.side for p in group if p.side)),
            "span": [first.span.start, first.span.end], "marks": list(first.marks)}


def phrases_dict(analyses: Sequence[Analysis]) -> dict[str, Any]:
    """The JSON of ``diplodiff phrases --format json`` as a plain dict (``schema_version`` 1)."""
    return {
        "schema_version": SCHEMA_VERSION,
        "statements": [{**statement_json(a.statement), "phrases": [_phrase_dict(g) for g in listed(a)]}
                       for a in analyses],
    }
