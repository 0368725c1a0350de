"""Phrase finding: lexicon hits, and formulas discovered in the statement itself.

Discovery is a light chunker with no trained model: a candidate is a maximal
run of content words inside a sentence, split at punctuation, function words
and governing verbs (the shipped stop list), trimmed of leading verb forms.
Runs of capitalised words (joined by "of", "and", "on"...) and quoted wordings
are candidates of their own. Discovered phrases never overlap lexicon hits.
"""

from __future__ import annotations

import bisect
import functools
import re
import struct
import sys
from array import array
from collections.abc import Collection, Iterable, Sequence
from itertools import accumulate, chain, groupby
from operator import attrgetter, itemgetter, methodcaller

from .._models import Origin, Phrase, Sentence, Statement, Tokens, _phrase
from .._options import DEFAULT_OPTIONS, Options
from ..text.normalize import (
    BARRIER,
    QUOTES,
    adverb_form,
    char_places,
    function_words,
    heads,
    roman_numeral,
    stopwords,
    surface,
)
from ..text.words import MONTHS, vocabulary
from .lexicon import Hit, Lexicon, hits, lexicon_phrases

_CONNECTORS = frozenset({"of", "and", "on", "for", "the", "in", "with", "to", "against", "&"})
_QUOTES = frozenset({'"', "\u201c", "\u201d", "''", "``"})
_MAX_QUOTED = 8
_NO_MARKS: tuple[str, ...] = ()
_QUOTED = ("quoted",)
_NAME = ("name",)
_DISCOVERED = Origin.DISCOVERED
_LEXICON = Origin.LEXICON

# What discovery asks of a token depends on its text alone: computed once per
# distinct word (``_compute_flags``), then read as bits. A sentence's flags, one
# character per token (``chr(bits)``), let ``re`` find the name words and the
# runs of term words. The bits ``re`` tests lie above U+FFFF: ``re`` compiles a
# class of such characters as its ranges, where it reads one of the BMP a
# character at a time (a class of half of 2**14 took ~1.5 ms). TERM, the class
# read most, is the top bit: one range, tested in one step.
QUOTE, WORD, HEAD, COMMON_HEAD, AND, VERBISH, VERBISH_ING, LOWER, COMPOUND, NAME_FIRST, TERM_FIRST, \
    OFFICE, OF_THE, THE, TRAILING, WHEN = (1 << k for k in range(16))
HEADISH, CONNECTOR, NAME, TERM = (1 << k for k in range(16, 20))
#: What each joining word is beside a connector: "and"; "in", "with", "to", which may end a
#: name before a place or a partner ("in Rio", "with Kazakhstan"); a word that may join a
#: name's words over "the" ("Organisation for the Prohibition of ..."); "the".
_JOINING = {"and": AND, "in": TRAILING, "with": TRAILING, "to": TRAILING, "the": THE,
            "of": OF_THE, "on": OF_THE, "for": OF_THE, "against": OF_THE}
#: The joining words that join a name's words over "the" ("Naval Group in the Black Sea").
_OVER_THE = OF_THE | TRAILING


def _having(mask: int) -> str:
    """The flag characters with a bit of ``mask`` (of the top four), as a regex class."""
    runs: list[list[int]] = []  # runs of the planes (flags >> 16) that have one
    for plane in range(16):
        if plane << 16 & mask:
            if runs and runs[-1][1] == plane - 1:
                runs[-1][1] = plane
            else:
                runs.append([plane, plane])
    return "[" + "".join(f"\\U{a << 16:08x}-\\U{(b + 1 << 16) - 1:08x}" for a, b in runs) + "]"


_N, _C, _N_OR_C, _HEADISH = _having(NAME), _having(CONNECTOR), _having(NAME | CONNECTOR), _having(HEADISH)
#: A capitalised run: name words, two of them perhaps joined by a connector ("of"). Only
#: a run with a head noun in it or after it (``HEADISH``) can give a name: the look-around
#: after its first word skips the rest (most runs) in C, and as it reads every name word
#: and connector from there, it fails inside a skipped run too, so no part of one is a
#: run. (A pattern that opened with a lookahead was tried at every character.)
#: Two joining words in a row ("for the"), inside a name run.
_PAIRED = re.compile(f"{_C}{_C}")
_NAME_RUN = re.compile(f"{_N}(?:(?<={_HEADISH})|(?={_N_OR_C}*?{_HEADISH}))(?:{_N}|{_C}{_C}?{_N})*")
_FLAGS: dict[object, int] = {}
#: What stands after each sentence in a statement's token texts (no token's text): flags 0.
_END = object()
_FLAGS[_END] = 0
_ENDS = (_END,)
#: The flags that have QUOTE, of every token computed (quotation marks: a handful, never
#: cleared), as characters of ``_flagged``, also as a sentence's first token has them.
_QUOTE_CHARS: set[str] = set()
_MAX_FLAGS = 1 << 18


def _verbish_word(word: str) -> bool:
    return len(word) > 4 and word.endswith(("ing", "ed"))


def _compute_flags(token: str, parts: tuple[str, ...]) -> int:
    # The token as matching sees it (no invisible characters, no look-alikes):
    # what a word is must not depend on how it was encoded.
    text = surface(token)
    lower = text.translate(QUOTES).lower()
    stops = stopwords()
    islower = text.islower()
    roman = roman_numeral(text)  # a number ("the LXII Meeting"), neither a name nor a term
    stop = (lower in stops or not parts or parts == (BARRIER,) or lower.isdigit() or roman
            or lower.replace(",", "").replace(".", "").isdigit()
            or adverb_form(lower))
    capitalised = text[:1].isupper() and any(ch.isalpha() for ch in text)
    letters = [ch for ch in text if ch.isalpha()]
    # An all-capitals word ("COVID-19", "ASEAN", "G7") is a thing, never a person.
    acronym = bool(letters) and all(ch.isupper() for ch in letters) and (
        len(letters) >= 2 or any(ch.isdigit() for ch in text))
    name = capitalised and lower not in function_words() and bool(parts) and not roman
    past = islower and text.endswith("ed") and len(text) > 4
    verbish = islower and _verbish_word(text)
    flags = QUOTE if text in _QUOTES else 0
    if parts:
        if parts != (BARRIER,):
            flags |= WORD
        found = heads()
        if parts[-1] in found["name"]:
            flags |= HEAD
        if parts[-1] in found["common"]:
            flags |= COMMON_HEAD
    if name:
        flags |= NAME if _verbish_word(lower) or lower in stops else NAME | NAME_FIRST
    if lower in _CONNECTORS:
        flags |= CONNECTOR | _JOINING.get(lower, 0)
    if name and parts and parts[-1] in vocabulary("offices.txt")["head"]:
        flags |= OFFICE
    if name and lower in MONTHS:
        flags |= WHEN
    if not stop and not past:
        flags |= TERM_FIRST | TERM if not capitalised or acronym else TERM_FIRST
    if verbish:
        flags |= VERBISH | VERBISH_ING if text.endswith("ing") else VERBISH
    if islower:
        flags |= LOWER
    if "-" in text and text.strip("-"):
        flags |= COMPOUND
    if flags & HEAD or flags & _HEAD_AFTER == _HEAD_AFTER:
        flags |= HEADISH
    if len(_FLAGS) >= _MAX_FLAGS:
        _FLAGS.clear()  # hostile input with endless distinct words: stay bounded
        _FLAGS[_END] = 0
    _FLAGS[token] = flags
    _FIRST[flags] = _first(flags)
    if flags & QUOTE:
        _QUOTE_CHARS.update((chr(flags), chr(_FIRST[flags])))
    return flags


def flags(rows: Tokens) -> list[int]:
    """The discovery flags of each token (computed once per distinct word)."""
    try:  # every word seen before, as in most sentences (``None in`` a list of ints was a slow pass)
        return list(map(_FLAGS.__getitem__, rows.texts))
    except KeyError:
        return [_FLAGS[t] if t in _FLAGS else _compute_flags(t, p)
                for t, p in zip(rows.texts, rows.parts, strict=True)]


def _quoted(bits: Sequence[int], marks: Iterable[int], taken: Collection[int]) -> list[tuple[int, int]]:
    """Return ``(first, last)`` token ranges of short quoted wordings (``marks``: where
    ``bits`` has the quote marks of one sentence, in order)."""
    found: list[tuple[int, int]] = []
    opening = None
    for i in marks:
        if opening is None:
            opening = i
            continue
        last = i - 1
        while last > opening and not bits[last] & WORD:
            last -= 1  # the sentence's comma or period inside the closing quote is no part of the wording
        inner = range(opening + 1, last + 1)
        words = sum(1 for j in inner if bits[j] & WORD)
        if 2 <= words <= _MAX_QUOTED and not any(j in taken for j in inner):
            found.append((opening + 1, last))
        opening = None
    return found


def _trim_name(bits: Sequence[int], first: int, last: int, paired: bool = True) -> int:
    """Where a name run from ``first`` ends (at ``last`` or before): at two joining words
    but "of the", "for the", "in the"... after a head noun ("Vienna | to the Preparatory
    Committee", "Special Rapporteur | and the Working Group"); at an "and" whose right
    side names nothing, but not an "and" inside the complement of a name ("Sub-Committee
    on [Environment and Climate Change]": a few name words after a joining word, none
    after the "and" a joining word); before a trailing place, partner or day ("G20 Summit
    | in Rio", "... Agreement | with Kazakhstan", "Council | on Monday"). ``paired``:
    whether the run may hold two joining words in a row, as a name joined over "the"
    does (most runs hold none)."""
    if paired:
        for k in range(first + 1, last - 1):
            if bits[k] & CONNECTOR and bits[k + 1] & CONNECTOR and not (
                    bits[k] & _OVER_THE and bits[k + 1] & THE and any(map(HEAD.__and__, bits[first:k]))):
                # two names joined ("Vienna to the Preparatory Committee", "... and the
                # ..."), or a place before the next ("Yokohama for the Seventh ... Conference")
                last = k - 1
                break
    for k in range(first + 1, last):
        if bits[k] & AND and not any(map(HEAD.__and__, bits[k + 1 : last + 1])):
            if last - k <= _COMPLEMENT_AND and any(
                    bits[j] & CONNECTOR and not bits[j] & AND for j in range(first + 1, k)) \
                    and not any(bits[j] & CONNECTOR for j in range(k + 1, last + 1)):
                break
            last = k - 1
            break
    if paired and any(map(THE.__and__, bits[first:last])):
        # A name joined over "the": a trailing "in" and a place with no article is where it
        # met ("Summit of the Future [in New York] [in September]"), not its complement
        # ("... of Aggression against Ukraine", "Naval Group in the Black Sea").
        while True:
            venue = range(last - 1, max(first + 1, last - _VENUE - 1), -1)
            at = next((j for j in venue if bits[j] & TRAILING), None)
            if at is None or any(bits[j] & (HEAD | CONNECTOR) for j in range(at + 1, last + 1)):
                return last
            last = at - 1
    if last - first >= 3 and bits[last - 1] & CONNECTOR \
            and (bits[last - 1] & TRAILING or bits[last] & WHEN) and not bits[last] & HEAD:
        last -= 2  # "Summit in Rio", "Agreement with Kazakhstan", "Council on Monday"
    return last


#: Most words of the place a trailing "in" names (see ``_trim_name``).
_VENUE = 3


#: Most name words after an "and" inside a name's complement (see ``_trim_name``).
_COMPLEMENT_AND = 3


def _names(bits: Sequence[int], flagged: str | None = None) -> list[tuple[int, int]]:
    """Return ranges of named things: capitalised runs with a head noun
    ("Luban Workshop"), or a capitalised run before a common head ("Ukraine crisis").

    ``flagged`` is ``bits`` as a string (``_flagged``), when the caller has it."""
    found: list[tuple[int, int]] = []
    n = len(bits)
    flagged = _flagged(bits) if flagged is None else flagged
    for run in _NAME_RUN.finditer(flagged):
        # Each name word of the run starts a run of its own that ends where this one
        # does, unless an earlier one took it.
        i, end = run.span()
        if end - i == 1:  # most runs: one name word, a name only before a common head
            if end < n and bits[end] & _HEAD_AFTER == _HEAD_AFTER:
                found.append((i, end))
            continue
        office = any(map(OFFICE.__and__, bits[i:end]))
        paired = _PAIRED.search(flagged, i, end) is not None  # two joining words in a row
        for start in range(i, end):
            if start < i or not bits[start] & NAME:
                continue
            joint = next((k for k in range(start + 1, end) if bits[k] & CONNECTOR), end) if office else end
            if joint + 1 < end and bits[joint - 1] & OFFICE and bits[joint + 1] & THE:
                # an office ("Chairman of the ...", "High Representative of the ..."): the
                # body it heads is the name
                continue
            last = _trim_name(bits, start, end - 1, paired)
            if last > start and any(map(HEAD.__and__, bits[start : last + 1])):
                found.append((start, last))
            elif last + 1 < n and bits[last + 1] & _HEAD_AFTER == _HEAD_AFTER:
                last += 1
                found.append((start, last))
            i = last + 1
    return found


def _terms(bits: Sequence[int], options: Options, flagged: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """Return ranges of terms, with no marks: runs of term words (``flagged``: ``bits`` as
    a string)."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    shortest, longest = options.min_phrase_tokens, options.max_phrase_tokens
    # A run shorter than the shortest phrase gives none, trimmed or not: not visited.
    for first, end in map(_SPAN, _term_runs(shortest).finditer(flagged)):
        last = end - 1
        if bits[first] & VERBISH or bits[last] & VERBISH_ING:  # most runs: nothing to trim
            j = last
            while first < j and bits[first] & VERBISH:
                first += 1
            while last > first and bits[last] & VERBISH_ING:
                last -= 1
        if shortest <= last - first + 1 <= longest:
            found.append((first, last, _NO_MARKS))
    return found


_SPAN = methodcaller("span")


@functools.cache
def _term_runs(shortest: int) -> re.Pattern[str]:
    # One class, then its repeat: ``re`` scans for a pattern's first character in a tight
    # loop only when the pattern opens with a class (``T{2,}`` was tried at every character).
    return re.compile(f"{_having(TERM)}{_having(TERM)}{{{shortest - 1},}}")


def _flagged(bits: Sequence[int]) -> str:
    """The flags as a string, one character per token (``chr(bits)``): 32-bit codes read
    as UTF-32, at C speed. ``struct`` packs them in half the time ``array`` takes,
    which parses each item as an argument."""
    return struct.pack(f"<{len(bits)}I", *bits).decode("utf-32-le")


def _blanked(flagged: str, ranges: Sequence[tuple[int, int]]) -> str:
    """``flagged`` with the tokens of ``ranges`` zeroed: patched around them when they
    come in order, apart (as ``hits`` and ``_names`` give them), not packed again."""
    pieces: list[str] = []
    at = 0
    for first, last in ranges:
        if first < at:
            bits = list(map(ord, flagged))
            for a, b in ranges:
                bits[a : b + 1] = [0] * (b + 1 - a)
            return _flagged(bits)
        pieces += (flagged[at:first], "\x00" * (last + 1 - first))
        at = last + 1
    pieces.append(flagged[at:])
    return "".join(pieces)


def _bits(flagged: str) -> array[int]:
    """The flags of ``flagged`` as numbers, read at C speed (its UTF-32 code units, in
    the machine's byte order, as an array of 32-bit unsigned ints)."""
    return array(_U32, flagged.encode(_UTF32))


_UTF32 = "utf-32-le" if sys.byteorder == "little" else "utf-32-be"
#: The array type of 32-bit unsigned ints here (``I`` on every platform CPython builds for).
_U32 = next(code for code in "IL" if array(code).itemsize == 4)


def _first(bits: int) -> int:
    """The flags of a sentence's first token, under its own NAME and TERM rules."""
    bits &= ~(NAME | TERM)
    return bits | (NAME if bits & NAME_FIRST else 0) | (TERM if bits & TERM_FIRST else 0)


#: ``_first`` of every flags computed (a dict read, where a call cost a sentence ~0.1 us).
_FIRST = {0: 0}


def _ranges(flagged: str, quoted: Sequence[tuple[int, int]], options: Options,
            ) -> list[tuple[int, int, tuple[str, ...]]]:
    """Quoted wordings, then names, then terms, each over the tokens still free
    (``flagged``: the statement's flags, ``_flagged``, with the hits' tokens zeroed)."""
    found: list[tuple[int, int, tuple[str, ...]]] = [(first, last, _QUOTED) for first, last in quoted]
    if quoted:
        flagged = _blanked(flagged, quoted)
    usable = _bits(flagged)
    names = _names(usable, flagged)
    found += [(first, last, _NAME) for first, last in names]
    if names:
        flagged = _blanked(flagged, names)
        usable = _bits(flagged)
    found += _terms(usable, options, flagged)
    return found


def find_phrases(statement: Statement, sentences: Sequence[Sentence], *,
                 lexicon: Lexicon | None = None, options: Options = DEFAULT_OPTIONS,
                 ) -> tuple[Phrase, ...]:
    """Return the lexicon hits and discovered phrases of a statement, in text order."""
    rows = Tokens.each(sentences)
    found = hits(lexicon, rows) if lexicon is not None and options.lexicon else [()] * len(rows)
    if options.discover:
        every, offsets, flagged, quotes = _statement_flags(rows)
        found = _outnamed(rows, found, every, offsets)
    phrases = lexicon_phrases(sentences, rows, found, statement)
    if options.discover:
        phrases += _discovered(statement, sentences, rows, found, every, offsets, flagged, quotes, options)
    phrases.sort(key=_place)
    return tuple(phrases)


def _statement_flags(rows: Sequence[Tokens]) -> tuple[list[int], list[int], str, list[str]]:
    """The flags of every token of a statement, each sentence's followed by a 0 (a token
    that is nothing, so no run of names or terms crosses sentences), read in one pass,
    a sentence's first token under its own NAME and TERM rules (``_first``); where each
    sentence's start there; the flags as a string (``_flagged``); and the characters its
    quote marks have there (none: no quote mark)."""
    texts: list[object] = []
    offsets = [0]
    for r in rows:  # list.extend copies at C speed; nested chains cost two iterator steps a token
        texts += r.texts
        texts += _ENDS
        offsets.append(len(texts))
    try:  # ``itemgetter`` reads them all in one call
        every = list(itemgetter(*texts)(_FLAGS)) if len(texts) > 1 else [_FLAGS[t] for t in texts]
    except KeyError:  # a word not seen before
        every = list(chain.from_iterable(chain(flags(r), (0,)) for r in rows))
    starts = offsets[:-1]  # where a sentence has no token, its first is the 0 after it: _FIRST[0] is 0
    for at, bits in zip(starts, map(_FIRST.__getitem__, map(every.__getitem__, starts)), strict=True):
        every[at] = bits
    flagged = _flagged(every)
    # a fast search of the string for each (a handful)
    return every, offsets, flagged, [mark for mark in _QUOTE_CHARS if mark in flagged]


def _discovered(statement: Statement, sentences: Sequence[Sentence], rows: Sequence[Tokens],
                found: Sequence[Sequence[Hit]], every: list[int], offsets: list[int], flagged: str,
                quotes: Iterable[str], options: Options) -> list[Phrase]:
    """The discovered phrases of a statement, in one pass over all its sentences (``every``,
    ``offsets``, ``flagged``, ``quotes``: from ``_statement_flags``)."""
    held = [(at + hit[0], at + hit[1]) for sentence_hits, at in zip(found, offsets[:-1], strict=True)
            for hit in sentence_hits]  # the hits' tokens
    quoted: list[tuple[int, int]] = []
    # The quote marks found by ``str.find`` of their flags in the flags as a string, then
    # read by sentence: most sentences have none.
    places = char_places(flagged, quotes)
    for k, sentence_places in groupby(places, functools.partial(_sentence_of, offsets)):
        at = offsets[k]
        taken = {at + i for first, last, *_ in found[k] for i in range(first, last + 1)}
        quoted += _quoted(every, sentence_places, taken)
    phrases: list[Phrase] = []
    append, text, statement_id = phrases.append, statement.text, statement.id
    low = high = 0  # the sentence last read: its tokens stand at every[low:high]
    for first, last, marks in _ranges(_blanked(flagged, held), quoted, options):
        if not low <= first < high:
            k = bisect.bisect_right(offsets, first) - 1
            low, high = offsets[k], offsets[k + 1]
            tokens, sentence = rows[k], sentences[k]
            texts, ends, flat = tokens.texts, tokens.ends, tokens.flat()
            start_of = tokens.start
            # One part per token: a phrase's key is a slice of the sentence's parts;
            # else of its parts from the first token's first (``cumulative``).
            cumulative = None if tokens.single() else tokens.cumulative()
            index, span, speaker, side = sentence.index, sentence.span, sentence.speaker, sentence.side
        first, last = first - low, last - low
        if marks is _NAME and _in_title(texts, first):
            continue
        start, end = start_of(first), ends[last]
        words = text[start:end]
        key = " ".join(flat[first : last + 1] if cumulative is None else
                       flat[cumulative[first - 1] if first else 0 : cumulative[last]])
        # A hyphen in a token's matching form shows in its text, unless the text has
        # characters that ``surface`` folds (a fullwidth hyphen).
        if ("-" in words or not words.isascii()) \
                and any(map(COMPOUND.__and__, every[low + first : low + last + 1])):
            marks = (*marks, "compound")
        append(_phrase(statement_id, words, start, end, index, span, key, "~" + key, key, None,
                       None, _DISCOVERED, speaker, side, marks))
    return phrases


def _sentence_of(offsets: list[int], token: int) -> int:
    """The sentence of a token of the statement's flags (``offsets``: where each starts)."""
    return bisect.bisect_right(offsets, token) - 1


_TITLE_GLUE = frozenset({"of", "the", "a", "an", "also", "and"})


def _in_title(texts: Sequence[str], first: int) -> bool:
    """Whether a name starting at token ``first`` ends an official's title set off after
    their name ("Wang Yi, member of the Political Bureau of the Communist Party of China
    Central Committee, said"): the body belongs to the person's office, not to what the
    statement says."""
    offices = vocabulary("offices.txt")
    i, head = first - 1, False
    while i >= 0:
        low = texts[i].lower()
        if low in offices["head"]:
            head = True
        elif low not in offices["word"] and low not in _TITLE_GLUE:
            break
        i -= 1
    return head and i >= 1 and texts[i] == "," and texts[i - 1][:1].isupper()


#: Where a phrase stands: its span's start (read at C speed). Phrases never overlap (discovery
#: reads only the tokens no hit took), so no two start alike and the end never decides.
_place = attrgetter("span.start")


_IN_NAME = NAME | CONNECTOR
_HEAD_AFTER = LOWER | COMMON_HEAD


def _outnamed(rows: Sequence[Tokens], found: Sequence[Sequence[Hit]], every: list[int],
              offsets: list[int]) -> list[Sequence[Hit]]:
    """Drop hits that stand inside a longer proper name, when the hit is a common-noun
    formula ("defense cooperation", "clean energy": the lexicon writes them in lower
    case) or a name without a head noun of its own ("Quad" in "Quad Vaccine
    Partnership"): the name is the formula there. A curated name of three words or more
    ("Joint Comprehensive Plan of Action") is never weak. (``every``, ``offsets``: from
    ``_statement_flags``.)"""
    name_heads = heads()["name"]
    kept = list(found)
    for k, sentence_hits in enumerate(found):
        if not sentence_hits:
            continue
        at, parts = offsets[k], rows[k].parts
        # A name is a run of name words and connectors, perhaps with a common head noun
        # after it: a weak hit with another word in it stands inside none. One loop, its
        # cheapest tests first: most hits fail on their first word ("strategic").
        weak = []
        for h in sentence_hits:
            a, b = h[0], h[1]
            if a < b and not every[at + a] & _IN_NAME:
                continue
            last = every[at + b]
            if not (last & _IN_NAME or last & _HEAD_AFTER == _HEAD_AFTER):
                continue
            if h[4].cased and ((parts[b] and parts[b][-1] in name_heads) or b - a >= 2):
                continue  # a name with a head noun of its own, or a curated name of three words: not weak
            if a + 1 < b and not all(map(_IN_NAME.__and__, every[at + a + 1 : at + b])):
                continue
            weak.append(h)
        if weak:
            # the flags as the name finder reads them (nothing is taken)
            kept[k] = _unnamed(sentence_hits, weak, _names(every[at : offsets[k + 1] - 1]))
    return kept


def _unnamed(sentence_hits: Sequence[Hit], weak: list[Hit], found: list[tuple[int, int]]) -> list[Hit]:
    """The hits but the weak ones inside a name (of ``found``, a sentence's names)."""
    names = sorted(found)
    starts = [a for a, _ in names]
    reach = list(accumulate((b for _, b in names), max))

    def inside(start: int, end: int) -> bool:
        """Does a name other than ``(start, end)`` hold it? By bisection: a scan of
        every name for every hit was quadratic in a long sentence."""
        before, upto = bisect.bisect_left(starts, start), bisect.bisect_right(starts, start)
        return (before > 0 and reach[before - 1] >= end) or (upto > before and names[upto - 1][1] > end)

    weak_ids = {id(h) for h in weak}  # a list's `in` was quadratic too
    return [h for h in sentence_hits if id(h) not in weak_ids or not inside(h[0], h[1])]


def is_reportable(group: Sequence[Phrase], *, recurring: Collection[str] = frozenset()) -> bool:
    """Whether a phrase is worth reporting on its own, from its occurrences in one statement.

    A lexicon formula always is. A discovered phrase is when it looks like a
    formula: quoted, a named thing, repeated within its statement, or recurring
    in the history (``recurring`` holds formula ids seen in earlier statements).
    A hyphenated compound alone is not enough: "in-depth", "two-way" and
    "high-level" are everywhere in readouts. (Comparison widens this: a phrase
    changed inside a corresponding sentence, or a key phrase of a new or dropped
    passage, is reported too; see docs/shift-types.md.)

    >>> from diplodiff import Statement, analyse
    >>> a = analyse(Statement(id="a", text="We launched the Green Bridge Forum and discussed trade matters."))
    >>> [g[0].text for g in a.groups().values() if is_reportable(g)]
    ['Green Bridge Forum']
    """
    first = group[0]
    marks = first.marks
    # ``_LEXICON``: under Python 3.11 an enum member read off its class is a Python-level
    # call (EnumType.__getattr__), and compare() asks this of each group
    return (first.origin is _LEXICON or marks.count("compound") != len(marks) or len(group) >= 2
            or first.formula in recurring)
