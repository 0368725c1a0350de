"""Quotations are read from where their marks stand, not from the marks' style:
a text reads the same in straight and in curly quotes."""

from __future__ import annotations

import pytest

from diplodiff import Statement, tokenize
from diplodiff.text.speakers import attribute, quote_continues


def _open_after(text: str) -> list[bool]:
    """For each sentence, whether a quotation is open at its start."""
    return quote_continues(text, tokenize(Statement(id="q", text=text)))


@pytest.mark.parametrize("mark", ['"', "\u201c", "\u201d"])
def test_a_stray_closing_mark_opens_nothing(mark: str) -> None:
    """A mark before a full stop closes (a stray one, here), whatever its glyph."""
    text = f"The ministers met on Monday {mark}. China and India signed the accord. Talks will go on."
    assert _open_after(text) == [False, False, False]


@pytest.mark.parametrize(("opening", "closing"), [('"', '"'), ("\u201c", "\u201d"), ("\u201d", "\u201c")])
def test_a_quotation_is_open_between_its_marks_in_any_glyphs(opening: str, closing: str) -> None:
    """A mark before a word opens a quotation; one after a full stop closes it."""
    text = (f"Wang said {opening}China is ready to work with India. We will deepen trust.{closing} "
            "The talks were held in Beijing.")
    assert _open_after(text) == [False, True, False]


@pytest.mark.parametrize("mark", ['"', "\u201c", "\u201d"])
def test_a_mark_between_words_turns_the_state_over(mark: str) -> None:
    """Where the place does not tell (between two words), a mark opens a closed quotation."""
    text = f"The minister{mark}said the talks went well. China and India signed the accord."
    assert _open_after(text) == [False, True]


def test_a_stray_closing_quote_gives_the_same_speakers_straight_or_curly() -> None:
    """The Hypothesis case: a lone closing mark kept the quotation open only when straight."""
    text = ("Strategic partnership.\n\nPermanent comprehensive strategic partners development path, "
            "national conditions {}. China comprehensive strategic partnership.")
    straight, curly = (Statement(id="s", text=text.format(mark)) for mark in ('"', "\u201d"))
    assert [s.speaker for s in attribute(straight, tokenize(straight))] == \
        [s.speaker for s in attribute(curly, tokenize(curly))]
