"""Sentences and word tokens with character spans.

Sentences are split by ``punkt.sentence_spans`` (Punkt's rule with our own
abbreviation list, no nltk and no downloaded data needed); words come from
``normalize.WORD_PATTERN`` through ``re``. A sentence's tokens are kept as
plain columns (``Tokens``): the ``Token`` objects are built only when read.

One word pattern is used rather than ``NLTKWordTokenizer``: that
tokenizer runs ~25 regex substitutions per sentence (6 ms for a 1,000-word
statement, half the cost of reading one), too slow for corpora of thousands of
statements, and its Treebank conventions (``` `` ``` for quotes) are nothing we need.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from itertools import accumulate
from operator import itemgetter

from .._models import Sentence, Statement, Tokens, _span
from .normalize import INVISIBLE, QUOTES, WORD_PATTERN, _data_lines, fold_token, surface_chars
from .punkt import sentence_spans

_SPACED = str.maketrans("\r\n\t", "   ")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: "ALMATY, April 25 (Xinhua) --", "Astana, The Gulf Observer:": a place, an
#: optional date and an outlet, then a dash or colon, at the start of the body.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Za-z'\-]*(?: [A-Z][A-Za-z'\-]*){0,3},\s+(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},?\s+)?"
    r"(?:\([A-Za-z .&-]{2,40}\)|(?:The\s+)?[A-Z][A-Za-z.&-]*(?:\s+[A-Z][A-Za-z.&-]*){0,4})\s*"
    r"(?:--|\u2014|\u2013|:)\s*"
)
#: Each word with what lies between it and the previous one, so the lengths of gaps
#: and words give every span without a match object. The word pattern matches at
#: every character but white space and an invisible mark not followed by a word
#: character, so that is the gap, taken without backtracking (what ``(.*?)`` before
#: the word pattern gave, trying it at each next position). Two shortcuts come
#: first, each matching only where the word pattern gives the same token: a word
#: of a letter and more word characters with no hyphen after it, and a single
#: punctuation mark other than an apostrophe.
_SPACED_WORD = re.compile(
    rf"((?:\s|[{INVISIBLE}]++(?!\w))*+"
    rf"([^\W\d_]\w[\w{INVISIBLE}]*+(?![-\u2010\u2011\u2013])|[^\w\s{INVISIBLE}']|{WORD_PATTERN}))")
_spaced, _word = itemgetter(0), itemgetter(1)  # a word with the gap before it; the word
#: Folded parts by token text: a corpus has few distinct words, so each is folded once.
_FOLDED: dict[str, tuple[str, ...]] = {}
_MAX_FOLDED = 1 << 18


@functools.cache
def abbreviations() -> frozenset[str]:
    """Word types (lower case, no final period) after which a period ends no sentence."""
    return frozenset(_data_lines("abbreviations.txt"))


def _fold(text: str) -> tuple[str, ...]:
    parts = fold_token(text)
    if len(_FOLDED) >= _MAX_FOLDED:
        _FOLDED.clear()  # hostile input with endless distinct words: stay bounded
    _FOLDED[text] = parts
    return parts


def dateline_end(text: str) -> int:
    """Return where a leading dateline ("ALMATY, April 25 (Xinhua) --") ends, else 0.

    Read on the normalised view, so a dateline hard-wrapped or written with
    invisible or look-alike characters is still one.

    >>> dateline_end("ALMATY, April 25 (Xinhu\u0430) -- Talks.")
    29
    """
    head = text[:160]
    match = _DATELINE.match(head)
    if match:
        return match.end()
    if head.isascii():  # the normalised view only turns tabs and line breaks into spaces
        match = _DATELINE.match(head.translate(_SPACED))
        return match.end() if match else 0
    chars = surface_chars(head)
    match = _DATELINE.match("".join(c for c, _ in chars))
    return chars[match.end() - 1][1] + 1 if match and match.end() else 0


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
    text = statement.text
    folded = text.translate(QUOTES)
    skip = dateline_end(text)
    known = abbreviations()
    words = _SPACED_WORD.findall
    cached = _FOLDED.__getitem__
    sentences: list[Sentence] = []
    for p_start, p_end in _paragraphs(text):
        p_start = max(p_start, skip)
        if p_start >= p_end:
            continue
        for s_start, s_end in sentence_spans(folded[p_start:p_end], known):
            a, b = p_start + s_start, p_start + s_end
            # ``re`` with pos/endpos reads the text as if sliced there (no pattern looks behind)
            found = words(folded, a, b)
            if not found:
                continue
            texts = list(map(_word, found))
            ends = list(accumulate(map(len, map(_spaced, found)), initial=a))
            del ends[0]
            if text[a:b] != folded[a:b]:  # curly quotes: the tokens keep them
                texts = [text[y - len(t) : y] for t, y in zip(texts, ends, strict=True)]
            try:
                parts = list(map(cached, texts))
            except KeyError:  # a word not folded before
                parts = [cached(t) if t in _FOLDED else _fold(t) for t in texts]
            sentences.append(Sentence(len(sentences), _span(a, b), Tokens(texts, ends, parts)))
    return tuple(sentences)
