"""The text stage finds marks with ``str.find`` where a regular expression would
scan every character: each finder gives what the expression it stands for gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from diplodiff.text.punkt import _PERIOD_CONTEXT, _marks
from diplodiff.text.speakers import _mark_places, _opens_at, opens_with_quote

#: Texts of the characters these finders look at, and a few others around them.
TEXTS = st.text(alphabet=st.sampled_from(list('ab. ?!\n\t\r"\u201c\u201d\u2018)-,:')), max_size=40)


@given(TEXTS)
def test_sentence_ends_are_those_the_pattern_finds(text: str) -> None:
    assert [m.span() for m in _marks(text)] == [m.span() for m in _PERIOD_CONTEXT.finditer(text)]


@given(TEXTS)
def test_quote_marks_are_those_the_pattern_finds(text: str) -> None:
    assert _mark_places(text) == [m.start() for m in re.finditer('["\u201c\u201d]', text)]


@given(TEXTS, st.integers(0, 40), st.integers(0, 40))
def test_a_sentence_opens_with_a_quote_as_its_stripped_text_does(text: str, start: int, end: int) -> None:
    start, end = min(start, len(text)), min(end, len(text))
    assert _opens_at(text, start, end) == opens_with_quote(text[start:end].lstrip())
