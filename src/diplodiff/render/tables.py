"""CSV: one row per change, per formula per statement, per phrase, or per latest-report finding.

Every cell goes through ``csv_cell``: text that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``) gets a leading ``'``. ``excel=True`` adds the
UTF-8 byte order mark Excel needs to read UTF-8.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from .._models import CHANGE_COLUMNS, JOIN, Analysis, Comparison
from .escape import csv_cell
from .phrases import listed

if TYPE_CHECKING:  # the CSV of a diff needs no timeline code
    from ..timeline.history import LatestReport
    from ..timeline.track import Timeline

BOM = "\ufeff"
PHRASE_COLUMNS = ("statement", "date", "formula", "phrase", "text", "category", "origin", "rank", "count",
                  "forms", "speakers", "sides", "start", "end", "sentence")
LATEST_COLUMNS = ("statement", "finding", "phrase", "formula", "category", "recent", "window", "streak",
                  "share", "score", "last_seen", "last_text")


def stream_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], stream: TextIO, *,
               excel: bool = False) -> None:
    """Write rows to ``stream`` as CSV with a header, one row at a time (see ``write_csv``)."""
    if excel:
        stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell("" if row.get(c) is None else row[c]) for c in columns])


def write_csv(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], *, excel: bool = False) -> str:
    """Rows as CSV text with a header; ``None`` is an empty cell; every cell neutralised."""
    out = io.StringIO()
    stream_csv(columns, rows, out, excel=excel)
    return out.getvalue()


def comparison_csv(comparison: Comparison, *, excel: bool = False) -> str:
    """One row per change: the JSON's change fields flattened (``Comparison.to_records``)."""
    return write_csv(CHANGE_COLUMNS, comparison.to_records(), excel=excel)


def timeline_csv(timeline: Timeline, *, excel: bool = False) -> str:
    """One row per formula per statement that uses it (``Timeline.to_records``)."""
    from ..timeline.track import OCCURRENCE_COLUMNS  # only timelines pay for the timeline stage

    return write_csv(OCCURRENCE_COLUMNS, timeline.to_records(), excel=excel)


def phrase_records(analyses: Sequence[Analysis]) -> list[dict[str, Any]]:
    """One flat dict per formula per statement, as ``diplodiff phrases`` lists them."""
    rows = []
    for analysis in analyses:
        statement = analysis.statement
        for group in listed(analysis):
            first = group[0]
            rows.append({
                "statement": statement.id, "date": statement.date.isoformat() if statement.date else None,
                "formula": first.formula, "phrase": first.canonical, "text": first.text,
                "category": first.category, "origin": first.origin.value, "rank": first.rank,
                "count": len(group), "forms": JOIN.join(dict.fromkeys(p.text for p in group)),
                "speakers": JOIN.join(dict.fromkeys(p.speaker for p in group if p.speaker)),
                "sides": JOIN.join(dict.fromkeys(p.side for p in group if p.side)),
                "start": first.span.start, "end": first.span.end,
                "sentence": " ".join(first.sentence_span.of(statement.text).split()),
            })
    return rows


def phrases_csv(analyses: Sequence[Analysis], *, excel: bool = False) -> str:
    """One row per formula per statement."""
    return write_csv(PHRASE_COLUMNS, phrase_records(analyses), excel=excel)


def latest_records(report: LatestReport) -> list[dict[str, Any]]:
    """One flat dict per finding: ``expected_absent``, then ``new``, then ``returning``."""
    sid = report.statement.id
    rows: list[dict[str, Any]] = [
        {"statement": sid, "finding": "expected_absent", "phrase": a.history.canonical,
         "formula": a.history.formula, "category": a.history.category, "recent": a.recent,
         "window": a.window, "streak": a.streak, "share": round(a.share, 3), "score": round(a.score, 3),
         "last_seen": a.last.date.isoformat() if a.last.date else None, "last_text": a.last.text}
        for a in report.absent]
    rows += [{"statement": sid, "finding": "new", "phrase": h.canonical, "formula": h.formula,
              "category": h.category} for h in report.new]
    rows += [{"statement": sid, "finding": "returning", "phrase": h.canonical, "formula": h.formula,
              "category": h.category, "last_seen": d.isoformat() if d else None}
             for h, d in report.returning]
    return rows


def latest_csv(report: LatestReport, *, excel: bool = False) -> str:
    """One row per finding of the latest-statement report."""
    return write_csv(LATEST_COLUMNS, latest_records(report), excel=excel)
