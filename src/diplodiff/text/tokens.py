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

import bisect
import functools
import re
from collections.abc import Callable, Iterator
from itertools import accumulate, chain
from operator import iadd, itemgetter
from typing import TypeVar, cast

from .._models import Sentence, Statement, Tokens, _sentence, _span
from .normalize import (
    INVISIBLE,
    QUOTES,
    ROMAN,
    WORD_PATTERN,
    _data_lines,
    char_places,
    fold_token,
    surface_chars,
)
from .punkt import sentence_spans
from .words import Word, token_words

_SPACED = str.maketrans("\r\n\t", "   ")
_PARAGRAPH = re.compile(r"\n[ \t\r\f\v]*\n\s*")
#: "ALMATY, April 25 (Xinhua) --", "Astana, The Gulf Observer:": a place, an
#: optional date and an outlet, then a dash or colon, at the start of the body.
_DATELINE = re.compile(
    r"\s*[A-Z][A-Za-z'\-]*(?: [A-Z][A-Za-z'\-]*){0,3},\s+(?:[A-Z][a-z]{2,9}\.?\s+\d{1,2},?\s+)?"
    r"(?:\([A-Za-z .&-]{2,40}\)|(?:The\s+)?[A-Z][A-Za-z.&-]*(?:\s+[A-Z][A-Za-z.&-]*){0,4})\s*"
    r"(?:--|\u2014|\u2013|:)\s*"
)
#: What lies between two words: white space, and invisible marks not followed by a
#: word character (before one, they belong to the word), taken without backtracking.
_GAP = rf"\s*+(?:[{INVISIBLE}]++(?!\w)\s*+)*+"
#: A word. Two shortcuts come first, each matching only where the word pattern gives
#: the same token: a word of a letter and more word characters with no hyphen after
#: it, and a single punctuation mark other than an apostrophe.
_TOKEN = rf"[^\W\d_]\w[\w{INVISIBLE}]*+(?![-\u2010\u2011\u2013])|[^\w\s{INVISIBLE}']|{WORD_PATTERN}"
#: Each word with the gap before it, so the lengths of these strings give every
#: word's end without a match object; where the text has no invisible marks, a word
#: is its string without the leading white space.
_GAPPED = re.compile(f"{_GAP}(?:{_TOKEN})")
#: The same for ASCII text, with ASCII classes, which ``re`` tests faster: with no
#: invisible mark to allow for, gaps are white space and the first shortcut plain
#: word characters. (``re`` reads the separators U+001C-U+001F as white space only
#: in Unicode mode: a text with one takes ``_GAPPED``.)
_ASCII_GAPPED = re.compile(
    rf"\s*+(?:[^\W\d_]\w++(?![-\u2010\u2011\u2013])|[^\w\s']|{WORD_PATTERN})", re.ASCII)
#: The same, with the word as a group of its own (the gap may end in invisible marks).
_SPACED_WORD = re.compile(f"({_GAP}({_TOKEN}))")
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_QUOTE_TO = {chr(k): v for k, v in QUOTES.items()}
#: The ASCII marks that ``QUOTES`` folds (a backtick).
_ASCII_QUOTES = [chr(k) for k in QUOTES if k < 128]
_spaced, _word = itemgetter(0), itemgetter(1)  # a word with the gap before it; the word
#: Folded parts by token text: a corpus has few distinct words, so each is folded once.
_FOLDED: dict[str, tuple[str, ...]] = {}
_MAX_FOLDED = 1 << 18
#: A word with the gap before it (as ``findall`` gives it: " partnership") -> the word:
#: one lookup stands for stripping the gap, and the word's string is shared by every
#: statement that has it. Its parts are then looked up by the word in ``_FOLDED``: two
#: passes over a statement's words, where the word and its parts as one value took three.
_GAPPED_WORDS: dict[str, str] = {}
_MAX_GAP = 16
_T = TypeVar("_T")


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
    folded, quoted = _fold_quotes(text)
    spans = _sentence_spans(text, folded)
    if not spans:
        return ()
    # The words of the whole text at once, from the first sentence on. Each sentence
    # then takes the words that end in it, unless one crosses its edges (a word pattern
    # reading past a sentence's end): then ``_own_words`` reads the sentence alone.
    texts, ends, parts, words, marks = _words(folded, spans[0][0], len(folded))
    _requote(texts, ends, parts, words, marks, text, quoted)
    sentences: list[Sentence] = []
    right = bisect.bisect_right
    for a, b in spans:
        i, j = right(ends, a), right(ends, b)
        if (i < j and ends[i] - len(texts[i]) < a) or (j < len(ends) and ends[j] - len(texts[j]) < b):
            found = _own_words(text, folded, quoted, a, b)
            if found is None:
                continue
            tokens = Tokens(*found[:3], words=found[3], marks=found[4])
        elif i == j:
            continue
        else:
            tokens = Tokens(texts[i:j], ends[i:j], parts[i:j], words=words[i:j], marks=marks[i:j])
        sentences.append(_sentence(len(sentences), _span(a, b), tokens))
    return tuple(sentences)


def _fold_quotes(text: str) -> tuple[str, list[int]]:
    """``text.translate(QUOTES)`` and where it differs from ``text``.

    ``str.translate`` reads a non-ASCII text character by character through the
    table (0.09 s for 2 MB with a few curly quotes, a quarter of tokenizing it):
    the text is searched for the quotes and rebuilt around them instead.
    """
    if text.isascii() and not any(map(text.__contains__, _ASCII_QUOTES)):  # ``in`` is a fast search
        return text, []
    quoted = char_places(text, _QUOTE_TO)
    if not quoted:
        return text, quoted
    pieces: list[str] = []
    at = 0
    for i in quoted:
        pieces += (text[at:i], _QUOTE_TO[text[i]])
        at = i + 1
    pieces.append(text[at:])
    return "".join(pieces), quoted


def _requote(texts: list[str], ends: list[int], parts: list[tuple[str, ...]], words: list[Word | None],
             marks: list[int], text: str, quoted: list[int]) -> None:
    """Give the words read from the folded text the quotes that ``text`` has at
    ``quoted`` (the tokens keep curly quotes), and their parts, words and marks; only
    the words holding one are read again."""
    right = bisect.bisect_right
    for i in quoted:
        k = right(ends, i)
        if k < len(ends) and ends[k] - len(texts[k]) <= i:
            texts[k] = text[ends[k] - len(texts[k]) : ends[k]]
            parts[k] = _parts([texts[k]])[0]
            (words[k],), (marks[k],) = token_words([texts[k]])


def _sentence_spans(text: str, folded: str) -> list[tuple[int, int]]:
    """Where each sentence starts and ends, paragraph by paragraph, after any dateline.
    A paragraph's number that Punkt reads as a sentence of its own ("1.", "iv.") is in no
    sentence, as a dateline is not: the words after it open the paragraph."""
    skip = dateline_end(text)
    known = abbreviations()
    spans = []
    for p_start, p_end in _paragraphs(text):
        p_start = max(p_start, skip)
        if p_start < p_end:
            found = sentence_spans(folded[p_start:p_end], known)
            if len(found) > 1 and _NUMBER.fullmatch(folded, p_start + found[0][0], p_start + found[0][1]):
                del found[0]
            spans += [(p_start + a, p_start + b) for a, b in found]
    return spans


#: A paragraph's number: digits or a Roman numeral (``normalize.ROMAN``, not empty), and a period.
_NUMBER = re.compile(rf"(?:\d{{1,3}}|(?=[ivxl]){ROMAN})\.", re.IGNORECASE)


def _words(folded: str, start: int, end: int) -> _Columns:
    """The words of ``folded[start:end]``, where each ends, and the parts, word and
    mark of each (``words.token_words``)."""
    if folded.isascii() and not _has_separator(folded, start, end) \
            and not _HYPHEN_BREAK.search(folded, start, end):  # what _pieced reads
        return _pieced(folded, start, end)
    if folded.isascii() or not _INVISIBLE.search(folded, start, end):
        plain = _GAPPED if not folded.isascii() or _has_separator(folded, start, end) else _ASCII_GAPPED
        spaced = plain.findall(folded, start, end)
        texts = _looked_up(_GAPPED_WORDS, spaced, _spaced_word)
        parts = _parts(texts)
    else:
        pairs = _SPACED_WORD.findall(folded, start, end)
        spaced, texts = list(map(_spaced, pairs)), list(map(_word, pairs))
        parts = _parts(texts)
    ends = list(accumulate(map(len, spaced), initial=start))
    del ends[0]
    words, marks = token_words(texts)
    return texts, ends, parts, list(words), list(marks)


#: A text's words, where each ends, and the parts, word and mark of each (``_words``).
_Columns = tuple[list[str], list[int], list[tuple[str, ...]], list["Word | None"], list[int]]


def _pieced(folded: str, start: int, end: int) -> _Columns:
    """The words of ``folded[start:end]``, where each ends and the parts, word and mark of
    each (an ASCII text with no separator or hyphen before a line break), read piece by
    piece.

    The text is cut at each space (``str.split``): no token holds one (a hyphen before a
    line break is the one word that goes on past a space), and what the pattern reads
    right past a token (a hyphen, a word boundary) reads the same before a space as at
    the end of a piece, so a piece read after one space has the tokens ``_ASCII_GAPPED``
    reads there in the whole text. Each piece is looked up in ``_PIECED`` for its words,
    their lengths with the gap before each, their parts, words and marks, flat (a piece
    is most often one word, and "cooperation." or "China's" recur): one lookup a piece
    and C-level slices and sums, where cutting the text around each period, comma and
    "'s" took a pass each and the words' parts a lookup each.
    """
    flat: list[str | int | tuple[str, ...] | Word | None] = []
    rest = iter(folded[start:end].split(" "))
    while True:  # read by ``map`` up to a piece not yet seen, as ``_looked_up`` reads
        try:
            # ``+=`` copies a tuple into the list as it stands, where ``chain`` made an
            # iterator for each piece
            functools.reduce(iadd, map(_PIECED.__getitem__, rest), flat)
            break
        except KeyError as missing:
            flat += _piece(missing.args[0], rest)
    # each length counts the space before its piece: the first piece has none
    ends = list(accumulate(cast("list[int]", flat[1::5]), initial=start - 1))
    del ends[0]
    return (cast("list[str]", flat[0::5]), ends, cast("list[tuple[str, ...]]", flat[2::5]),
            cast("list[Word | None]", flat[3::5]), cast("list[int]", flat[4::5]))


#: A piece of text with a space before it -> each of its words, the word's length with
#: the gap before it, its parts, word and mark, flat.
_Flat = tuple["str | int | tuple[str, ...] | Word | None", ...]
_PIECED: dict[str, _Flat] = {}
_MAX_PIECE = 64


def _piece(piece: str, rest: Iterator[str]) -> _Flat:
    """``_PIECED[piece]``, read and kept. A piece that ends in white space, or is empty
    (two spaces in a row), ends in no token: its gap goes on into the next piece, so the
    pieces up to one that ends in a token are read together, and kept by their text
    with its spaces (" The" for "on.  The"), which no piece of ``str.split`` is."""
    pieces = [piece]
    while not pieces[-1][-1:].strip() and (after := next(rest, None)) is not None:
        pieces.append(after)
    text = " ".join(pieces)
    found = _PIECED.get(text)
    if found is None:
        spaced = _ASCII_GAPPED.findall(" " + text)
        words = _looked_up(_GAPPED_WORDS, spaced, _spaced_word)
        rows = zip(words, map(len, spaced), _parts(words), *token_words(words), strict=True)
        found = cast(_Flat, tuple(chain.from_iterable(rows)))
        if text[-1:].strip() and len(text) <= _MAX_PIECE:  # ends in a token; no page of blank lines
            if len(_PIECED) >= _MAX_FOLDED:
                _PIECED.clear()  # hostile input with endless distinct pieces: stay bounded
            _PIECED[text] = found
    return found


#: A hyphen then a line break: the word goes on after the break (``WORD_PATTERN``),
#: perhaps past a space, which ``_pieced`` does not allow for.
_HYPHEN_BREAK = re.compile(r"-[ \t]*\r?\n")


def _spaced_word(spaced: str) -> str:
    text = spaced.lstrip()  # ``re`` and ``str`` agree on what is white space
    if len(spaced) - len(text) > _MAX_GAP:
        return text  # a long gap (a page of blank lines) is not kept in memory with its word
    if len(_GAPPED_WORDS) >= _MAX_FOLDED:
        _GAPPED_WORDS.clear()  # hostile input with endless distinct words: stay bounded
    _GAPPED_WORDS[spaced] = text
    return text


def _has_separator(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has one of the separators U+001C-U+001F (four fast
    searches by ``str.find`` cost less than one ``re`` scan of a character class)."""
    return any(text.find(c, start, end) >= 0 for c in _SEPARATOR_CHARS)


_SEPARATOR_CHARS = "\x1c\x1d\x1e\x1f"


def _own_words(text: str, folded: str, quoted: list[int], a: int, b: int) -> _Columns | None:
    """The tokens of one sentence read alone (``re`` with pos/endpos reads the text as if
    sliced there: no pattern looks behind), or ``None`` when it has none."""
    found = _words(folded, a, b)
    if not found[0]:
        return None
    _requote(*found, text, quoted)
    return found


def _parts(texts: list[str]) -> list[tuple[str, ...]]:
    return _looked_up(_FOLDED, texts, _fold)


def _looked_up(cache: dict[str, _T], keys: list[str], make: Callable[[str], _T]) -> list[_T]:
    """``[cache[k] if k in cache else make(k) for k in keys]`` (``make`` adds to ``cache``)
    by ``map``: a statement's words are nearly all in ``cache``, and a loop in Python over
    them cost as much as reading them. ``list.extend`` keeps what ``map`` gave before a
    ``KeyError``, and ``rest`` goes on after the missing key."""
    found: list[_T] = []
    rest = iter(keys)
    while True:
        try:
            found.extend(map(cache.__getitem__, rest))
            return found
        except KeyError as missing:
            found.append(make(missing.args[0]))
