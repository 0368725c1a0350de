"""Sentences and word tokens with character spans; the only module that imports nltk.

Only the data-free part of nltk is used (``PunktSentenceTokenizer`` with our
own abbreviation list): nothing here needs downloaded nltk data. nltk is
imported on first use because importing it costs ~0.3 s. Words come from
``normalize.WORD_PATTERN`` through ``re`` (nltk's ``RegexpTokenizer`` wraps the
same ``re.finditer`` at 3x the cost).

One word pattern is used rather than ``NLTKWordTokenizer``: that
tokenizer runs ~25 regex substitutions per sentence (6 ms for a 1,000-word
statement, half the cost of reading one), too slow for corpora of thousands of
statements, and its Treebank conventions (``` `` ``` for quotes) are nothing we need.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .._models import Sentence, Span, Statement, Token
from .normalize import QUOTES, _data_lines, fold_token, word_spans

if TYPE_CHECKING:
    from collections.abc import Callable

_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: "ALMATY, April 25 (Xinhua) --", "Astana, The Gulf Observer:": a place, an
#: optional date and an outlet, then a dash or colon, at the start of the body.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Za-z'\-]*(?: [A-Z][A-Za-z'\-]*){0,3},\s+(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},?\s+)?"
    r"(?:\([A-Za-z .&-]{2,40}\)|(?:The\s+)?[A-Z][A-Za-z.&-]*(?:\s+[A-Z][A-Za-z.&-]*){0,4})\s*"
    r"(?:--|\u2014|\u2013|:)\s*"
)


@functools.cache
def _sentence_splitter() -> Callable[[str], Iterator[tuple[int, int]]]:
    # Lazy: importing nltk costs ~0.3 s, and only tokenizing needs it.
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    params = PunktParameters()
    params.abbrev_types = set(_data_lines("abbreviations.txt"))
    sentences: Any = PunktSentenceTokenizer(params)
    return sentences.span_tokenize  # type: ignore[no-any-return]


def dateline_end(text: str) -> int:
    """Return where a leading dateline ("ALMATY, April 25 (Xinhua) --") ends, else 0."""
    match = _DATELINE.match(text[:160])
    return match.end() if match else 0


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH.finditer(text):
        yield start, match.start()
        start = match.end()
    yield start, len(text)


def tokenize(statement: Statement) -> tuple[Sentence, ...]:
    """Split a statement into sentences of tokens, each with spans into its text.

    A leading dateline is left out: it is not part of any sentence.

    >>> from diplodiff import Statement
    >>> s = Statement(id="x", text="BEIJING, May 1 (Xinhua) -- Mr. Li met U.S. envoys. They agreed.")
    >>> [s.text[x.span.start:x.span.end] for x in tokenize(s)]
    ['Mr. Li met U.S. envoys.', 'They agreed.']
    """
    split_sentences = _sentence_splitter()
    text = statement.text
    folded = text.translate(QUOTES)
    skip = dateline_end(text)
    sentences: list[Sentence] = []
    for p_start, p_end in _paragraphs(text):
        p_start = max(p_start, skip)
        if p_start >= p_end:
            continue
        for s_start, s_end in split_sentences(folded[p_start:p_end]):
            a, b = p_start + s_start, p_start + s_end
            tokens = tuple(
                Token(text[a + x : a + y], Span(a + x, a + y), fold_token(text[a + x : a + y]))
                for x, y in word_spans(folded[a:b])
            )
            if tokens:
                sentences.append(Sentence(len(sentences), Span(a, b), tokens))
    return tuple(sentences)
