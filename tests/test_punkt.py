"""The sentence splitter makes Punkt's decisions, span for span, in linear time.

nltk is the reference here only (a test dependency): ``text.punkt`` must split
exactly where nltk's ``PunktSentenceTokenizer`` with our abbreviation list does.
"""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

from diplodiff.text.punkt import sentence_spans
from diplodiff.text.tokens import abbreviations

ROOT = Path(__file__).parent.parent
TEXTS = sorted([*(ROOT / "seeds").glob("*.txt"), *(ROOT / "tests" / "data" / "dev").glob("*.txt")])
#: Pieces that exercise every rule: ends, abbreviations, initials, numbers,
#: ellipses, closing quotes and brackets, line and paragraph breaks.
PIECES = [*"aAbB.?!  \n\t,;:()[]\"'`-_019J«»\u2019\u201c\u201d\x1c\xa0é", "Mr.", "U.S.", "e.g.", "J.",
          " The ", " the ", "...", "--", "2019.", "no.", "Dr. ", "i.e. ", "Ok. ", "said. ", ". (", ".) "]


def _nltk(text: str) -> list[tuple[int, int]]:
    params = PunktParameters()
    params.abbrev_types = set(abbreviations())
    return list(PunktSentenceTokenizer(params).span_tokenize(text))


def test_same_spans_as_nltk_on_real_statements() -> None:
    """Every seed and dev statement splits exactly as nltk splits it."""
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        assert list(sentence_spans(text, abbreviations())) == _nltk(text), path.name


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_same_spans_as_nltk_on_generated_text(text: str) -> None:
    """Generated text with every kind of boundary splits exactly as nltk splits it."""
    assert list(sentence_spans(text, abbreviations())) == _nltk(text)


def test_many_short_sentences_split_without_a_timeout() -> None:
    """"Ok. " * 100,000 made nltk's regex guard raise after 5 s; each "Ok." is a sentence."""
    text = "Ok. " * 100_000
    spans = list(sentence_spans(text, abbreviations()))
    assert len(spans) == 100_000
    assert {text[a:b] for a, b in spans} == {"Ok."}
