"""Messy text matches as the clean text does, and evidence still quotes the untouched text.

Scraped statements carry soft hyphens, zero-width and bidi marks, fullwidth or
mathematical letters, Cyrillic look-alikes and hard wraps. None of them may make
a formula look added, dropped or shifted.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import diplodiff
from diplodiff.text.normalize import INVISIBLE, fold_text, has_unusual, surface

#: Two seeds keep the run short; every mess is tried on both.
SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))[::3]


def _soft_hyphens(text: str) -> str:
    return re.sub(r"(\w{4})(\w{4})", "\\1\u00ad\\2", text)


def _zero_width(text: str) -> str:
    return re.sub(r"(\w{3})(\w{3})", "\\1\u200b\\2", text).replace(" a", " \u2060a")


def _bidi(text: str) -> str:
    return text.replace("partner", "part\u200ener").replace("China", "Ch\u202eina\u202c")


def _fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalpha() else c for c in text)


def _bold(text: str) -> str:
    return "".join(chr(0x1D41A + ord(c) - 97) if "a" <= c <= "z" else c for c in text)


def _cyrillic(text: str) -> str:
    return text.replace("o", "\u043e").replace("a", "\u0430").replace("p", "\u0440")


def _greek(text: str) -> str:
    return text.replace("o", "\u03bf").replace("A", "\u0391")


def _hard_wrap(text: str) -> str:
    return "\n\n".join(textwrap.fill(p, 50) for p in text.split("\n\n"))


MESSES: dict[str, Callable[[str], str]] = {
    "soft hyphens": _soft_hyphens, "zero-width": _zero_width, "bidi marks": _bidi,
    "fullwidth": _fullwidth, "mathematical bold": _bold, "cyrillic look-alikes": _cyrillic,
    "greek look-alikes": _greek, "hard wraps": _hard_wrap,
}


@pytest.mark.parametrize("seed", SEEDS, ids=[p.name[:3] for p in SEEDS])
@pytest.mark.parametrize("mess", sorted(MESSES))
def test_messy_copy_has_no_change(seed: Path, mess: str) -> None:
    """A seed against its messy copy reports every formula kept."""
    text = diplodiff.load_statement(seed).text
    clean = diplodiff.Statement(id="clean", text=text)
    messy = diplodiff.Statement(id="messy", text=MESSES[mess](text))
    found = [(c.kind.value, c.phrase.text) for c in diplodiff.compare(clean, messy).changes
             if c.kind is not diplodiff.ChangeKind.KEPT]
    assert found == []


@pytest.mark.parametrize("mess", sorted(MESSES))
def test_evidence_quotes_the_untouched_text(mess: str) -> None:
    """Every phrase's text is exactly its span of the original, invisible characters and all."""
    statement = diplodiff.Statement(id="m", text=MESSES[mess](diplodiff.load_statement(SEEDS[0]).text))
    phrases = diplodiff.extract_phrases(statement)
    assert phrases
    assert [p for p in phrases if statement.text[p.span.start:p.span.end] != p.text] == []


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\u200c", "\u2060", "\u200e", "\u202e", "\ufeff"])
def test_invisible_character_inside_a_word_is_no_change(char: str) -> None:
    """The issue's case: "compre<invisible>hensive strategic partnership" is the plain wording."""
    plain = diplodiff.Statement(id="a", text="China and Kazakhstan are comprehensive strategic partners")
    odd = diplodiff.Statement(id="b", text=f"China and Kazakhstan are compre{char}hensive strategic partners")
    assert [c.kind for c in diplodiff.compare(plain, odd).changes] == [diplodiff.ChangeKind.KEPT]


def test_invisible_characters_are_format_characters() -> None:
    """Every character the tokenizer treats as invisible is Unicode category Cf."""
    import unicodedata

    chars = [chr(c) for c in range(0x10000) if re.fullmatch(f"[{INVISIBLE}]", chr(c))]
    assert {unicodedata.category(c) for c in chars} == {"Cf"}


def test_lookalikes_only_inside_latin_words() -> None:
    """A Cyrillic word stays Cyrillic; a Cyrillic letter inside a Latin word becomes Latin."""
    moscow = "\u041c\u043e\u0441\u043a\u0432\u0430"
    assert surface(f"\u0441ooperation {moscow}") == f"cooperation {moscow}"


@pytest.mark.parametrize("text", ["Over the past \u00b2 decades", "\u2460 decades", "\u00b9\u2070 decades"])
def test_compatibility_digits_fold_without_error(text: str) -> None:
    """Superscript and circled digits fold to digits (they used to raise in int())."""
    statement = diplodiff.Statement(id="x", text=f"{text}, the two sides built a golden bridge.")
    assert diplodiff.compare(statement, statement).changes is not None
    assert fold_text(text)[-2].isdigit()


def test_note_says_the_text_was_unusual() -> None:
    """A statement with invisible characters is noted in the report."""
    odd = diplodiff.Statement(id="b", text="They are compre\u00adhensive strategic partners.")
    report = diplodiff.to_text(diplodiff.compare(odd, odd))
    assert "note (earlier): text has invisible" in report


def test_plain_text_gets_no_note() -> None:
    """Ordinary text with curly quotes, dashes and accents is not noted."""
    assert not has_unusual("Kassym-Jomart Toka\u00ffev said \u201cyes\u201d \u2014 caf\u00e9.")


@pytest.mark.parametrize("text", ["\uff53trategic partners", "\u0441ooperation grows", "the \ufb01rst step",
                                  "partners\u00b2 met", "\u2460 decade"])
def test_text_with_a_word_surface_changes_is_unusual(text: str) -> None:
    """Fullwidth, look-alike, ligature, superscript and circled characters each make a text unusual."""
    assert has_unusual(f"The sides \u2014 {text}.")


def test_hard_wrapped_body_after_header_has_no_title() -> None:
    """The first line of a wrapped paragraph is text, not a headline."""
    raw = "date: 2024-07-03\n\nChina and Kazakhstan are the comprehensive\nstrategic partners.\n"
    statement = diplodiff.parse_statement(raw, id="x")
    assert (statement.title, statement.text.startswith("China")) == (None, True)


def test_wrapped_body_gives_no_false_rank_down() -> None:
    """The issue's case: a wrapped body compared with its one-line form reports no change."""
    one = diplodiff.parse_statement(
        "date: 2024-07-03\n\nBoth are the comprehensive strategic partners of each other.\n", id="a")
    wrapped = diplodiff.parse_statement(
        "date: 2024-07-04\n\nBoth are the comprehensive\nstrategic partners of each other.\n", id="b")
    assert [c.kind for c in diplodiff.compare(one, wrapped).changes
            if c.kind is not diplodiff.ChangeKind.KEPT] == []


@pytest.mark.parametrize("char", ["\u00ad", "\u200b", "\u2060"])
def test_invisible_character_between_two_words_is_a_word_break(char: str) -> None:
    """The issue's case: "strategic<invisible>partnership" is no false drop of the formula."""
    plain = diplodiff.Statement(id="a", text="They are comprehensive strategic partners")
    odd = diplodiff.Statement(id="b", text=f"They are comprehensive strategic{char}partners")
    assert [c.kind for c in diplodiff.compare(plain, odd).changes] == [diplodiff.ChangeKind.KEPT]


def test_invisible_character_splits_only_known_words() -> None:
    """Pieces that are not both known words stay one word."""
    assert fold_text("compre\u00adhensive part\u200bner\u200bship") == ("comprehensive", "partnership")
