"""One naming scheme for every result and format: ``to_text``, ``to_markdown``, ``to_json``,
``to_csv``, ``to_html`` and ``to_dict``, each taking any result.

A result is a ``Comparison`` (``compare``), a ``Timeline`` (``track``), a
``LatestReport`` (``check_latest``), or an ``Analysis`` or a sequence of them
(``analyse``; what ``diplodiff phrases`` lists). A format a result does not have
raises ``TypeError`` naming the ones it has.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, TypeAlias

from .._models import Analysis, Comparison
from . import comparison as _comparison
from . import phrases as _phrases

if TYPE_CHECKING:
    from ..timeline.history import LatestReport
    from ..timeline.track import Timeline

#: Anything ``to_*`` renders. (A string: the timeline types are imported only when a
#: timeline is rendered, so that a command that only diffs never loads them.)
Result: TypeAlias = "Comparison | Timeline | LatestReport | Analysis | Sequence[Analysis]"

_FORMATS = {
    "Comparison": ("text", "markdown", "json", "csv", "html"),
    "Timeline": ("text", "markdown", "json", "csv", "html"),
    "LatestReport": ("text", "markdown", "json", "csv"),
    "Analysis": ("text", "markdown", "json", "csv"),
}


def _record_types() -> tuple[type[Timeline], type[LatestReport]]:
    """The timeline's result types, imported on first use (see ``Result``)."""
    # Rendering a diff must not import the timeline stage (~50 ms of start-up).
    from ..timeline.history import LatestReport
    from ..timeline.track import Timeline

    return Timeline, LatestReport


def _analyses(result: object) -> tuple[Analysis, ...] | None:
    if isinstance(result, Analysis):
        return (result,)
    if isinstance(result, Sequence) and not isinstance(result, str) and result \
            and all(isinstance(a, Analysis) for a in result):
        return tuple(result)
    return None


def _unsupported(result: object, fmt: str) -> TypeError:
    kind = "Analysis" if _analyses(result) else type(result).__name__
    has = _FORMATS.get(kind)
    if has is None:
        return TypeError(f"cannot render a {kind}: give a Comparison, Timeline, LatestReport or Analysis")
    return TypeError(f"a {kind} has no {fmt} form; it has {', '.join(has)}")


def to_text(result: Result, *, color: bool = False, show_kept: bool = False) -> str:
    """The plain-text report (what the command line prints by default).

    ``color`` (ANSI colours) and ``show_kept`` (list kept formulas) apply to a
    ``Comparison`` only.
    """
    if isinstance(result, Comparison):
        return _comparison.render_text(result, color=color, show_kept=show_kept)
    analyses = _analyses(result)
    if analyses is not None:
        return _phrases.phrases_text(analyses)
    timeline_type, latest_type = _record_types()
    from .timeline import render_latest_text, render_timeline_text  # a diff never loads timelines

    if isinstance(result, timeline_type):
        return render_timeline_text(result)
    if isinstance(result, latest_type):
        return render_latest_text(result)
    raise _unsupported(result, "text")


def to_markdown(result: Result, *, show_kept: bool = False) -> str:
    """The Markdown report (``show_kept`` applies to a ``Comparison`` only)."""
    if isinstance(result, Comparison):
        return _comparison.render_markdown(result, show_kept=show_kept)
    analyses = _analyses(result)
    if analyses is not None:
        return _phrases.phrases_markdown(analyses)
    timeline_type, latest_type = _record_types()
    from .timeline import render_latest_text, render_timeline_markdown  # as above

    if isinstance(result, timeline_type):
        return render_timeline_markdown(result)
    if isinstance(result, latest_type):
        return render_latest_text(result, markdown=True)
    raise _unsupported(result, "markdown")


def _plain(value: Any) -> Any:
    """Tuples (from attrs) as lists, all the way down: exactly what ``json.loads`` would give."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def _found_dict(result: Result) -> dict[str, Any]:
    if isinstance(result, Comparison):
        return _comparison.comparison_dict(result)
    analyses = _analyses(result)
    if analyses is not None:
        return _phrases.phrases_dict(analyses)
    timeline_type, latest_type = _record_types()
    from .timeline import latest_dict, timeline_dict  # as above

    if isinstance(result, timeline_type):
        return timeline_dict(result)
    if isinstance(result, latest_type):
        return latest_dict(result)
    raise _unsupported(result, "dict")


def to_dict(result: Result) -> dict[str, Any]:
    """The JSON contract of the result as plain dicts and lists (see docs/json.md)."""
    plain: dict[str, Any] = _plain(_found_dict(result))
    return plain


def to_json(result: Result) -> str:
    """``to_dict(result)`` as indented UTF-8 JSON text, ending in a newline."""
    import json  # lazy: a text report, the default, needs none (start-up time counts)

    return json.dumps(to_dict(result), ensure_ascii=False, indent=2) + "\n"


def to_csv(result: Result, *, excel: bool = False) -> str:
    """CSV with a header row: one row per change (``Comparison``), per formula per statement
    (``Timeline``, analyses) or per finding (``LatestReport``).

    Cells that a spreadsheet would run as a formula get a leading ``'``;
    ``excel=True`` starts the text with a UTF-8 byte order mark.
    """
    from . import tables as _tables  # only when asked: keeps `diplodiff diff` start-up lean

    if isinstance(result, Comparison):
        return _tables.comparison_csv(result, excel=excel)
    analyses = _analyses(result)
    if analyses is not None:
        return _tables.phrases_csv(analyses, excel=excel)
    timeline_type, latest_type = _record_types()
    if isinstance(result, timeline_type):
        return _tables.timeline_csv(result, excel=excel)
    if isinstance(result, latest_type):
        return _tables.latest_csv(result, excel=excel)
    raise _unsupported(result, "csv")


def to_html(result: Result, *, title: str | None = None, show_kept: bool = False) -> str:
    """A self-contained HTML page: a ``Comparison`` side by side, or a ``Timeline`` grid.

    ``show_kept`` ticks the kept filter of a comparison page.
    """
    from . import html as _html  # only when asked: keeps `diplodiff diff` start-up lean

    if isinstance(result, Comparison):
        return _html.render_comparison_html(result, title=title, show_kept=show_kept)
    if _analyses(result) is None and isinstance(result, _record_types()[0]):
        return _html.render_timeline_html(result, title=title or "diplodiff timeline")
    raise _unsupported(result, "html")
