"""The finders' fast builders make the same public values as the attrs constructors."""

from __future__ import annotations

import pickle

import attrs

from diplodiff import Origin, Phrase, Span
from diplodiff._models import _PHRASE_FIELDS, _phrase

ARGS = ("s1", "strategic partnership", 10, 31, 2, Span(0, 40), "strategic partnership",
        "partnership.strategic", "strategic partnership", "partnership_label", 3, Origin.LEXICON,
        "Wang Yi", "China", ("quoted",))


def _slow() -> Phrase:
    statement_id, text, start, end, *rest = ARGS
    return Phrase(statement_id, text, Span(start, end), *rest)  # type: ignore[arg-type]


def test_fast_phrase_sets_every_field_in_order() -> None:
    """The builder's field list is the class's: a field added to Phrase must be added there."""
    assert tuple(a.name for a in attrs.fields(Phrase)) == _PHRASE_FIELDS


def test_fast_phrase_equals_the_constructed_one() -> None:
    """Equal, same hash, same repr, and it pickles back to an equal phrase."""
    fast = _phrase(*ARGS)
    slow = _slow()
    assert (fast == slow, hash(fast), repr(fast)) == (True, hash(slow), repr(slow))
    assert pickle.loads(pickle.dumps(fast)) == slow
