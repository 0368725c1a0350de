"""Phrase finding: lexicon hits, and formulas discovered in the statement itself.

Discovery is a light chunker with no trained model: a candidate is a maximal
run of content words inside a sentence, split at punctuation, function words
and governing verbs (the shipped stop list), trimmed of leading verb forms.
Runs of capitalised words (joined by "of", "and", "on"...) and quoted wordings
are candidates of their own. Discovered phrases never overlap lexicon hits.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._models import Origin, Phrase, Sentence, Span, Statement, Token
from .._options import DEFAULT_OPTIONS, Options
from ..text.normalize import BARRIER, QUOTES, function_words, heads, stopwords, surface
from .lexicon import Lexicon

_CONNECTORS = frozenset({"of", "and", "on", "for", "the", "in", "with", "to", "&"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_NOT_ADVERBS = frozenset({"family", "supply", "assembly", "italy", "rally", "anomaly",
                          "monopoly", "july", "ally", "apply", "reply", "early"})
_MAX_QUOTED = 8


def _text(token: Token) -> str:
    """The token as matching sees it (no invisible characters, no look-alikes):
    what a word is must not depend on how it was encoded."""
    return surface(token.text)


def _lower(token: Token) -> str:
    return _text(token).translate(QUOTES).lower()


def _is_stop(token: Token) -> bool:
    word = _lower(token)
    if word in stopwords() or not token.parts or token.parts == (BARRIER,):
        return True
    if word.isdigit() or word.replace(",", "").replace(".", "").isdigit():
        return True
    return word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS and word.isalpha()


def _capitalised(token: Token) -> bool:
    text = _text(token)
    return text[:1].isupper() and any(ch.isalpha() for ch in text)


def _verbish_word(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ing", "ed"))


def _verbish(token: Token) -> bool:
    text = _text(token)
    return text.islower() and _verbish_word(text)


def _phrase(sentence: Sentence, first: int, last: int, statement: Statement,
            marks: tuple[str, ...]) -> Phrase:
    tokens = sentence.tokens[first : last + 1]
    span = Span(tokens[0].span.start, tokens[-1].span.end)
    key = " ".join(part for t in tokens for part in t.parts)
    if any("-" in _text(t) for t in tokens if _text(t).strip("-")) and "compound" not in marks:
        marks = (*marks, "compound")
    return Phrase(
        statement_id=statement.id, text=span.of(statement.text), span=span,
        sentence=sentence.index, sentence_span=sentence.span, key=key, formula="~" + key,
        canonical=key, category=None, rank=None, origin=Origin.DISCOVERED,
        speaker=sentence.speaker, side=sentence.side, marks=marks,
    )


def _quoted(tokens: Sequence[Token], free: list[bool]) -> list[tuple[int, int]]:
    """Return ``(first, last)`` token ranges of short quoted wordings."""
    found: list[tuple[int, int]] = []
    opening = None
    for i, token in enumerate(tokens):
        if _text(token) not in _QUOTES:
            continue
        if opening is None:
            opening = i
            continue
        inner = range(opening + 1, i)
        words = [j for j in inner if tokens[j].parts and tokens[j].parts != (BARRIER,)]
        if 2 <= len(words) <= _MAX_QUOTED and all(free[j] for j in inner):
            found.append((opening + 1, i - 1))
        opening = None
    return found


def _name_word(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if not _capitalised(token) or _lower(token) in function_words() or not token.parts:
        return False
    return i > 0 or not (_verbish_word(_lower(token)) or _lower(token) in stopwords())


def _is_head(token: Token, section: str) -> bool:
    return bool(token.parts) and token.parts[-1] in heads()[section]


def _name_run(tokens: Sequence[Token], free: list[bool], i: int) -> int:
    """Return the last token of the capitalised run starting at ``i``."""
    j = last = i
    while j + 1 < len(tokens) and free[j + 1]:
        if _name_word(tokens, j + 1):
            j = last = j + 1
        elif (_lower(tokens[j + 1]) in _CONNECTORS and j + 2 < len(tokens) and free[j + 2]
              and _name_word(tokens, j + 2)):
            j += 1
        else:
            break
    return last


def _trim_name(tokens: Sequence[Token], first: int, last: int) -> int:
    """Cut a run at an "and" whose right side names nothing, and a trailing "in Place"."""
    for k in range(first + 1, last):
        if _lower(tokens[k]) == "and" and not any(
                _is_head(tokens[m], "name") for m in range(k + 1, last + 1)):
            last = k - 1
            break
    if last - first >= 3 and _lower(tokens[last - 1]) in _CONNECTORS \
            and not _is_head(tokens[last], "name"):
        last -= 2
    return last


def _names(tokens: Sequence[Token], free: list[bool]) -> list[tuple[int, int]]:
    """Return ranges of named things: capitalised runs with a head noun
    ("Luban Workshop"), or a capitalised run before a common head ("Ukraine crisis")."""
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not (free[i] and _name_word(tokens, i)):
            i += 1
            continue
        last = _trim_name(tokens, i, _name_run(tokens, free, i))
        run = range(i, last + 1)
        if last > i and any(_is_head(tokens[k], "name") for k in run):
            found.append((i, last))
        elif last + 1 < len(tokens) and free[last + 1] and _text(tokens[last + 1]).islower() \
                and _is_head(tokens[last + 1], "common"):
            last += 1
            found.append((i, last))
        i = last + 1
    return found


def _term_word(tokens: Sequence[Token], i: int) -> bool:
    token = tokens[i]
    if _is_stop(token) or (i > 0 and _capitalised(token)):
        return False  # a capitalised word without a head noun is a person or an office
    text = _text(token)
    return not (text.islower() and text.endswith("ed") and len(text) > 4)


def _terms(tokens: Sequence[Token], free: list[bool], options: Options) -> list[tuple[int, int]]:
    found: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not free[i] or not _term_word(tokens, i):
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and free[j + 1] and _term_word(tokens, j + 1):
            j += 1
        first = i
        while first < j and _verbish(tokens[first]):
            first += 1
        last = j
        while last > first and _verbish(tokens[last]) and _text(tokens[last]).endswith("ing"):
            last -= 1
        if options.min_phrase_tokens <= last - first + 1 <= options.max_phrase_tokens:
            found.append((first, last))
        i = j + 1
    return found


def discover(sentence: Sentence, statement: Statement, *, taken: set[int] = frozenset(),  # type: ignore[assignment]
             options: Options = DEFAULT_OPTIONS) -> list[Phrase]:
    """Return candidate formulas in one sentence, leaving out tokens in ``taken``."""
    tokens = sentence.tokens
    free = [i not in taken for i in range(len(tokens))]
    found: list[Phrase] = []
    for finder, marks in ((_quoted, ("quoted",)), (_names, ("name",))):
        for first, last in finder(tokens, free):
            found.append(_phrase(sentence, first, last, statement, marks))
            for k in range(first, last + 1):
                free[k] = False
    for first, last in _terms(tokens, free, options):
        found.append(_phrase(sentence, first, last, statement, ()))
    return found


def find_phrases(statement: Statement, sentences: Sequence[Sentence], *,
                 lexicon: Lexicon | None = None, options: Options = DEFAULT_OPTIONS,
                 ) -> tuple[Phrase, ...]:
    """Return the lexicon hits and discovered phrases of a statement, in text order."""
    phrases: list[Phrase] = []
    for sentence in sentences:
        hits = (lexicon.find(sentence, statement_id=statement.id, text=statement.text)
                if lexicon is not None and options.lexicon else [])
        phrases.extend(hits)
        if options.discover:
            taken = {i for i, t in enumerate(sentence.tokens)
                     for h in hits if h.span.start <= t.span.start < h.span.end}
            phrases.extend(discover(sentence, statement, taken=taken, options=options))
    return tuple(sorted(phrases, key=lambda p: (p.span.start, p.span.end)))
