"""What a finding quotes: never a wording the other statement says, never a change
whose two wordings are the same, never a wording of function words alone, and the
wording shown with its whitespace runs collapsed."""

from __future__ import annotations

from diplodiff import ChangeKind, Passage, Span, Statement
from diplodiff.diff.pipeline import _fallback, _word_stream, analyse

_MOVED = "and asks for the prompt delivery of the Joint Relief Framework for Coastal Towns"
_EARLIER = f"The council is alarmed by the floods along the river delta, {_MOVED}."
_LATER = f"The council is alarmed by the floods. It instructs the secretariat to act {_MOVED}."


def _clause_passage(text: str, clause: str) -> Passage:
    start = text.index(clause)
    span = Span(start, start + len(clause))
    return Passage("p1", ChangeKind.DROPPED, (0,), span, clause)


def test_a_clause_the_other_statement_says_whole_gives_no_finding() -> None:
    """A clause that moved into another sentence is said in both statements: the
    passage fallback finds nothing in it, not its longest phrase."""
    earlier = analyse(Statement(id="e", text=_EARLIER))
    other = _word_stream(analyse(Statement(id="l", text=_LATER)))
    assert _fallback(earlier, _clause_passage(_EARLIER, _MOVED), ChangeKind.DROPPED, other) is None


def test_a_fallback_finding_is_no_wording_the_other_statement_says() -> None:
    """Of a clause partly said elsewhere, the finding is a phrase the other statement lacks."""
    clause = "and asks for the prompt delivery of the Joint Relief Framework for Coastal Towns and Rivers"
    text = f"The council is alarmed by the floods along the river delta, {clause}."
    earlier = analyse(Statement(id="e", text=text))
    other = _word_stream(analyse(Statement(id="l", text=_LATER)))
    change = _fallback(earlier, _clause_passage(text, clause), ChangeKind.DROPPED, other)
    assert change is not None
    assert f" {change.phrase.key} " not in other
