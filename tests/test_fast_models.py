"""The finders' fast builders make the same public values as the attrs constructors."""

from __future__ import annotations

import pickle

import attrs
import pytest

from diplodiff import Change, ChangeKind, Origin, Phrase, Sentence, ShiftType, Span
from diplodiff._models import _change, _phrase, _sentence, _span

ARGS = ("s1", "strategic partnership", 10, 31, 2, Span(0, 40), "strategic partnership",
        "partnership.strategic", "strategic partnership", "partnership_label", 3, Origin.LEXICON,
        "Wang Yi", "China", ("quoted",))


def _slow() -> Phrase:
    statement_id, text, start, end, *rest = ARGS
    return Phrase(statement_id, text, Span(start, end), *rest)  # type: ignore[arg-type]


def test_fast_builders_make_the_frozen_classes_with_every_field() -> None:
    """Built in a settable subclass, each value ends as its own class with every field set
    (a field added to a class must be added to its builder), and stays frozen."""
    fast = _phrase(*ARGS)
    assert (type(fast), type(fast.span)) == (Phrase, Span)
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(_slow(), recurse=False)
    span = _span(3, 8)
    assert (type(span), span) == (Span, Span(3, 8))
    sentence = _sentence(1, span, (), "Wang Yi", "China", None)
    assert (type(sentence), sentence) == (Sentence, Sentence(1, Span(3, 8), (), "Wang Yi", "China", None))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.text = "changed"  # type: ignore[misc]


def test_fast_phrase_equals_the_constructed_one() -> None:
    """Equal, same hash, same repr, and it pickles back to an equal phrase."""
    fast = _phrase(*ARGS)
    slow = _slow()
    assert (fast == slow, hash(fast), repr(fast)) == (True, hash(slow), repr(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow


def test_fast_change_equals_the_constructed_one() -> None:
    """Equal, same hash, same repr, and it pickles back to an equal change."""
    fields = {"shift": (ShiftType.RANK_UP,), "score": 87.5, "earlier_count": 2, "later_count": 1,
              "details": ("rank up: rank 2 -> 3",), "history": ("first appearance",), "passage": "p1"}
    fast = _change(ChangeKind.SHIFTED, _slow(), _slow(), **fields)  # type: ignore[arg-type]
    slow = Change(ChangeKind.SHIFTED, _slow(), _slow(), **fields)  # type: ignore[arg-type]
    assert (fast == slow, hash(fast), repr(fast)) == (True, hash(slow), repr(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow
    assert attrs.asdict(fast, recurse=False) == attrs.asdict(slow, recurse=False)  # every field
    assert type(fast) is Change
    assert _change(ChangeKind.ADDED, None, _slow()) == Change(ChangeKind.ADDED, None, _slow())
