"""Sentence boundaries: Punkt's decisions with our abbreviation list, in one linear pass.

diplodiff used nltk's ``PunktSentenceTokenizer`` with untrained parameters: our
abbreviation list and nothing learned (no collocations, no frequent sentence
starters, no orthographic statistics). With nothing learned, Punkt decides a
boundary from two tokens only, the one ending in ``.``, ``?`` or ``!`` and the
one after it:

* a ``.``, ``?`` or ``!`` token, or a word ending in one period that is not a
  known abbreviation, ends a sentence;
* except an initial ("J.") or a number ("2019.") followed by punctuation or a
  lower-case word, and an initial followed by an upper-case word;
* closing quotes and brackets after the boundary stay with the sentence.

This module makes the same decisions span for span (``tests/test_punkt.py``
checks it against nltk) with the standard ``re`` module, in time linear in the
text. nltk routes every regular expression through a wall-clock guard that
raised a 5-second ``TimeoutError`` on ``"Ok. " * 100000``, and importing nltk
costs ~0.3 s, more than a whole comparison. nltk's engine (the ``regex``
package) reads a few characters differently from ``re``: whitespace is
replicated exactly below; what remains are code points the two engines' Unicode
tables class differently (combining marks or unassigned code points directly
before a period), where a one-letter "initial" may be read differently.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from itertools import pairwise

#: ``\s`` and ``\S`` as nltk's ``regex`` engine reads them: Python's ``re`` also
#: counts the separators U+001C-U+001F as whitespace.
_WS = r"[^\S\x1c-\x1f]"
_NON_WS = r"[\S\x1c-\x1f]"
_NON_WORD = r"""(?:[)";}\]*:@'({\[\u2018\u2019\u201c\u201d\xab\xbb?!])"""
_MULTI_CHAR = rf"(?:-{{2,}}|\.{{2,}}|(?:\.{_WS}){{2,}}\.)"
_WORD_START = r"""[^("`{\[:;&#*@)}\]\-,]"""
#: A possible sentence end and what follows it: other punctuation, or
#: whitespace and the next token.
_PERIOD_CONTEXT = re.compile(
    rf"[.?!](?=(?P<after_tok>{_NON_WORD}|{_WS}+(?P<next_tok>{_NON_WS}+)))")
#: Punkt's word tokens: periods stay on the word they end.
_WORD = re.compile(
    rf"{_MULTI_CHAR}|(?={_WORD_START}){_NON_WS}+?(?={_WS}|$|{_NON_WORD}|{_MULTI_CHAR}"
    rf"|,(?=$|{_WS}|{_NON_WORD}|{_MULTI_CHAR}))|{_NON_WS}")
_REALIGN = re.compile(rf"""["')\]}}\u2018\u2019\u201c\u201d\xab\xbb]+?(?:{_WS}+|(?=--)|$)""", re.MULTILINE)
#: The characters ``_REALIGN`` can start with.
_CLOSING = frozenset("\"')]}\u2018\u2019\u201c\u201d\xab\xbb")
_ELLIPSIS = re.compile(r"\.\.+$")
_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
#: A word that ``_WORD`` reads as one token before a period or the end: letters and
#: digits, single hyphens inside.
_PLAIN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_INITIAL = re.compile(r"[^\W\d]\.$")
_ENDS = (".", "?", "!")
_PUNCTUATION = (";", ":", ",", ".", "!", "?")
_ASCII_SPACE = " \t\n\r\x0b\x0c"


def _breaks_before(token: str, following: str, abbreviations: Collection[str]) -> bool:
    """Does ``token`` end a sentence, given the token after it?"""
    if token in _ENDS:
        found = True
    elif token.endswith(".") and not token.endswith("..") and not _ELLIPSIS.match(token):
        lower = token[:-1].lower()
        found = lower not in abbreviations and lower.split("-")[-1] not in abbreviations
    else:
        found = False
    if not token.endswith("."):
        return found
    kind = _NUMERIC.sub("##number##", token.lower())
    if len(kind) > 1 and kind[-1] == ".":
        kind = kind[:-1]
    initial = _INITIAL.match(token) is not None
    if initial or kind == "##number##":
        if following in _PUNCTUATION or following[0].islower():
            return False  # the next token cannot start a sentence
        if initial and following[0].isupper():
            return False  # "J. Bach"
    return found


def _has_break(context: str, abbreviations: Collection[str]) -> bool:
    """Punkt's ``text_contains_sentbreak``: a break followed by another token."""
    word, mark, following = context.partition(".")
    if following[:1] == " " and word.isalpha() and following[1:].isalpha():
        # The common case, "partnership. The": Punkt's tokens are the word with its
        # period and the next word; a word of two letters or more is neither an
        # initial nor a number, so only the abbreviations decide.
        if len(word) > 1:
            return word.lower() not in abbreviations
        return _breaks_before(word + mark, following[1:], abbreviations)
    if following[:1] == " " and _PLAIN.fullmatch(word) and _PLAIN.fullmatch(following, 1):
        # "2024. The", "time-tested. Under": still those two tokens, where ``_WORD`` cost
        # ~40,000 instructions to find them
        return _breaks_before(word + mark, following[1:], abbreviations)
    tokens: list[str] = []
    for line in context.split("\n"):
        if line.strip():
            tokens.extend(_WORD.findall(line))
    return any(_breaks_before(tokens[k], tokens[k + 1], abbreviations) for k in range(len(tokens) - 1))


def _marks(text: str) -> Iterator[re.Match[str]]:
    """``_PERIOD_CONTEXT.finditer(text)``. Most paragraphs have no ``?`` or ``!``: their
    periods are found by ``str.find`` and only those tried, where ``finditer`` steps the
    pattern through every character (a third of splitting a readout into sentences)."""
    if "?" in text or "!" in text:
        yield from _PERIOD_CONTEXT.finditer(text)
        return
    match, find = _PERIOD_CONTEXT.match, text.find
    at = find(".")
    while at >= 0:
        found = match(text, at)
        if found is not None:
            yield found
        at = find(".", at + 1)


def _candidates(text: str) -> Iterator[tuple[re.Match[str], str]]:
    """Each possible end with its context (the word before it, the mark, what follows),
    dropping a candidate whose word overlaps the next one's ("acting!!!")."""
    previous: re.Match[str] | None = None
    word_start = word_stop = 0
    spaces = list(filter(text.__contains__, _ASCII_SPACE))
    only = spaces[0] if len(spaces) == 1 else None  # most paragraphs: spaces, no line breaks
    for match in _marks(text):
        end = match.start()
        space = text.rfind(only, word_stop, end) if only else max(
            [text.rfind(c, word_stop, end) for c in spaces], default=-1)
        start = space + 1 if space > word_stop else word_start
        if previous is not None and word_stop <= start:
            # the mark and what follows it (after_tok, a lookahead) stand right after the word
            yield previous, text[word_start : previous.end(1)]
        previous, word_start, word_stop = match, start, end
    if previous is not None:
        yield previous, text[word_start : previous.end(1)]


def _slices(text: str, abbreviations: Collection[str], stop: int) -> list[tuple[int, int]]:
    """Punkt's slices of ``text``; ``stop``: where its last one ends (``len(text.rstrip())``)."""
    slices = []
    last_break = 0
    for match, context in _candidates(text):
        if _has_break(context, abbreviations):
            slices.append((last_break, match.end()))
            after = match.start("next_tok")  # -1 when punctuation follows the mark
            last_break = after if after >= 0 else match.end()
    slices.append((last_break, stop))
    return slices


def _plain_spans(text: str, abbreviations: Collection[str], stop: int) -> list[tuple[int, int]] | None:
    """``sentence_spans`` of a paragraph with no ``?`` or ``!`` and only white space
    after ``stop`` (its last period, if there, has no next token: no candidate), read in
    one loop while each candidate's word has a space before it, after the mark before
    ("partnership. The": most do), and no closing mark opens the sentence after a break;
    ``None`` at the first that does not (the candidates' machinery reads the paragraph
    then). Each candidate's word then starts after that space, none overlaps the next
    and nothing is realigned: the generators, the candidates' bookkeeping and the
    realignment cost ~15,000 instructions a candidate for nothing."""
    spans = []
    last = word_stop = 0
    match, find, rfind = _PERIOD_CONTEXT.match, text.find, text.rfind
    at = find(".", 0, stop - 1)
    while at >= 0:
        found = match(text, at)
        if found is not None:
            space = rfind(" ", word_stop, at)
            # no other white space (a line break) ends the word, as ``_candidates`` reads it
            if space <= word_stop or not text[space + 1 : at].isprintable():
                return None
            if _has_break(text[space + 1 : found.end(1)], abbreviations):
                spans.append((last, at + 1))
                last = found.start(2)  # the next token; -1 when punctuation follows the mark
                if last < 0:
                    last = at + 1
                if text[last] in _CLOSING:
                    return None
            word_stop = at
        at = find(".", at + 1, stop - 1)
    if last < stop:
        spans.append((last, stop))
    return spans


def sentence_spans(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` of each sentence of ``text``, as Punkt would.

    ``abbreviations`` are lower-case word types without their final period
    ("u.s", "mr"); a period after one does not end a sentence.

    >>> text = "Mr. Li met U.S. envoys. (They agreed.) Talks went on."
    >>> [text[a:b] for a, b in sentence_spans(text, {"mr", "u.s"})]
    ['Mr. Li met U.S. envoys.', '(They agreed.)', 'Talks went on.']
    """
    stop = len(text.rstrip())
    if "?" not in text and "!" not in text and not text[stop:].strip(_ASCII_SPACE):
        plain = _plain_spans(text, abbreviations, stop)
        if plain is not None:
            return plain
    spans = []
    realign = 0
    slices = _slices(text, abbreviations, stop)
    for (start, stop), (after, end) in pairwise(slices):
        start += realign
        # a realignment opens with a closing mark: most sentences start with none, and a
        # look at one character costs less than a regex call
        match = _REALIGN.match(text, after, end) if after < end and text[after] in _CLOSING else None
        if match:
            spans.append((start, after + len(match.group(0).rstrip())))
            realign = match.end() - after
        else:
            realign = 0
            if start < stop:
                spans.append((start, stop))
    start, stop = slices[-1]
    if start + realign < stop:
        spans.append((start + realign, stop))
    return spans
