"""Folding of surface text into matching keys; the statement text is never rewritten.

Two levels of folding:

* ``fold_token`` gives a token's *parts*: case, curly/straight quotes, hyphens,
  regular plurals, ``partner``/``partnership`` and British/American spelling are
  folded. Two wordings with the same parts are the same wording: no change.
* ``surface`` is what every matching key starts from: format characters
  (soft hyphen, zero-width, bidi marks) dropped, NFKC (fullwidth and
  mathematical letters, ligatures, superscript digits), and Cyrillic/Greek
  look-alike letters inside a Latin word mapped to Latin. Scraped text carries
  these invisibly; matching must not see them, evidence still quotes them.
* ``numeric`` further maps number words to digits and ``N decades`` to
  ``10N years``; wordings equal only after it differ in numeral form.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

from ..read.cache import shipped

#: Length-preserving quote folding, so spans computed on the folded text
#: stay valid for the original.
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'",
                        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"',
                        "\u2032": "'", "\u00b4": "'", "`": "'"})
#: Format characters (category Cf) met in scraped text: soft hyphen, Arabic letter
#: mark, Mongolian vowel separator, zero-width space/joiners, LRM/RLM, bidi
#: embeddings, overrides and isolates, word joiner and invisible operators, BOM.
#: Invisible when printed, so they are word-internal for the tokenizer and
#: dropped by ``surface``.
INVISIBLE = "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff"
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
#: Cyrillic and Greek letters drawn like Latin ones, mapped only inside a word
#: that also has Latin letters or is made of look-alikes only ("\u0430" for "a");
#: any other Cyrillic or Greek word is left alone.
_LOOKALIKES = str.maketrans(
    "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0456\u0458\u0455\u0501\u04bb\u051b\u051d\u04cf"
    "\u0410\u0412\u0415\u041a\u041c\u041d\u041e\u0420\u0421\u0422\u0425\u0423\u0406\u0408\u0405"
    "\u03bf\u03bd\u03c1\u03b9\u03ba\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d"
    "\u039f\u03a1\u03a4\u03a5\u03a7",
    "aeopcyxijsdhqwl"
    "ABEKMHOPCTXYIJS"
    "ovpikABEZHIKMN"
    "OPTYX")
_LOOKALIKE_CHARS = frozenset(chr(c) for c in _LOOKALIKES)
_LOOKALIKE = re.compile(f"[{''.join(sorted(_LOOKALIKE_CHARS))}]")
_ASCII = bytes(range(128))
#: Curly quotes and dashes: NFKC leaves them, and any character before or after one, as
#: they are (checked against every code point), so a text whose only non-ASCII
#: characters they are is normalised without reading it through.
_TYPOGRAPHIC = "\u2018\u2019\u201c\u201d\u2013\u2014"
_HYPHENS = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2212/+]+")
_WORDISH = re.compile(r"\w", re.UNICODE)
BARRIER = "|"
#: Abbreviations with inner dots (U.S.), numbers with separators (10,000; 3.5),
#: words with inner hyphens (e-commerce, China-Kazakhstan), the clitic 's, then
#: any other single non-space character.
#: Format characters are word-internal ("compre\u00adhensive" is one word) and
#: never a token of their own.
#: A hyphen (or soft hyphen) at a line end joins the word across the line break
#: ("people-to-\npeople"), as a hard-wrapped text splits it. A clitic is an
#: apostrophe and one letter ("'s", also in fullwidth).
_W = f"[{INVISIBLE}]*\\w[\\w{INVISIBLE}]*"
_JOIN = r"(?:[-\u2010\u2011\u2013](?:[ \t]*\r?\n[ \t]*)?|\u00ad[ \t]*\r?\n[ \t]*)"
#: An initialism ("U.S."), also as a part of a compound ("Mekong-U.S.", "U.S.-Vietnam").
_INITIALS = r"(?:[^\W\d_]\.){2,}"
_PART = f"(?:{_INITIALS}|{_W})"
WORD_PATTERN = (_INITIALS + "(?:" + _JOIN + _PART + r")*|\d+(?:[.,]\d+)+|" + _W + "(?:" + _JOIN + _PART
                + r")*|'[^\W\d_]\b" + f"|[^\\w\\s{INVISIBLE}]")
_LINE_BREAK = re.compile(r"([-\u2010\u2011\u2013\u00ad])\s+")
_WORD = re.compile(WORD_PATTERN)

_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
_KEEP_S = frozenset({"news", "series", "species", "politics", "economics", "logistics",
                     "always", "whereas", "perhaps", "towards", "afterwards", "besides",
                     "means", "arms", "mathematics", "physics", "ethics", "aids"})


def _data_lines(name: str) -> list[str]:
    text = shipped(name)
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@functools.cache
def _spelling() -> dict[str, str]:
    pairs = (line.split() for line in _data_lines("spelling.txt"))
    return dict(pairs)


def sections(name: str) -> dict[str, frozenset[str]]:
    """Read a shipped word list made of ``[section]`` blocks of space-separated words."""
    found: dict[str, set[str]] = {}
    current = found.setdefault("", set())
    for line in _data_lines(name):
        if line.startswith("[") and line.endswith("]"):
            current = found.setdefault(line[1:-1], set())
        else:
            current.update(line.split())
    return {key: frozenset(words) for key, words in found.items()}


@functools.cache
def function_words() -> frozenset[str]:
    """Return the shipped function words (articles, pronouns, prepositions...)."""
    return sections("stopwords.txt")["function"]


@functools.cache
def bearing_words() -> frozenset[str]:
    """Return the function words that carry meaning ("without", "all", "or", "before")."""
    return sections("stopwords.txt")["bearing"]


@functools.cache
def stopwords() -> frozenset[str]:
    """Return function words plus the governing verbs and adverbs of readouts."""
    return function_words() | sections("stopwords.txt")["governing"]


#: Words of an adverb's form ("-ly") that are no adverb.
_NOT_ADVERBS = frozenset({"family", "supply", "assembly", "italy", "rally", "anomaly", "monopoly",
                         "july", "ally", "apply", "reply", "early"})


def adverb_form(low: str) -> bool:
    """Whether a lower-case word has an adverb's form: letters ending in "-ly", more than
    four ("strongly", "jointly"; not "family", "Italy", "only")."""
    return len(low) > 4 and low.endswith("ly") and low.isalpha() and low not in _NOT_ADVERBS


@functools.cache
def heads() -> dict[str, frozenset[str]]:
    """Return the head nouns that make a capitalised run a formula candidate."""
    return sections("heads.txt")


_IRREGULAR = {"crises": "crisis", "analyses": "analysis", "theses": "thesis",
              "hypotheses": "hypothesis", "diagnoses": "diagnosis", "emphases": "emphasis",
              "syntheses": "synthesis", "axes": "axis", "bases": "basis", "oases": "oasis"}


#: A Roman numeral below 90, in lower case ("lxii"): sessions and summits numbered in
#: Roman numerals stay below it, and the letters C, D and M would take acronyms ("MDC",
#: "CD", "MCC") for numbers.
ROMAN = r"(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3})"
_ROMAN = re.compile(ROMAN)


def roman_numeral(text: str) -> bool:
    """True for a Roman numeral of two letters or more, below 90, written in capitals
    ("LXII", "XVI"): a number ("the LXII Meeting" is the 62nd), not a name or an acronym."""
    return len(text) >= 2 and text.isupper() and _ROMAN.fullmatch(text.lower()) is not None


def singular(word: str) -> str:
    """Fold a regular English plural to its singular (a matching key, not grammar)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s") or word in _KEEP_S:
        return word
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zzes")):
        return word[:-2]
    return word[:-1]


@functools.lru_cache(maxsize=65536)
def surface(text: str) -> str:
    """The text a matching key is built from: invisible format characters
    dropped, NFKC applied, look-alike letters inside a Latin word made Latin.

    >>> surface("compre\u00adhensive \uff53trategic \u0441o-operation")
    'comprehensive strategic co-operation'
    """
    if "\n" in text:
        text = _LINE_BREAK.sub(r"\1", text)
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKC", _INVISIBLE.sub("", text))
    if any(c in _LOOKALIKE_CHARS for c in text):
        text = " ".join(w.translate(_LOOKALIKES) if _latin_word(w) else w for w in text.split(" "))
    return text


def surface_chars(text: str) -> list[tuple[str, int]]:
    """``surface`` character by character, each folded character with the index of
    the original it comes from (for matching a pattern and mapping its end back)."""
    found = []
    for i, c in enumerate(text):
        if c.isascii():
            found.append((" " if c in "\r\n\t" else c, i))
            continue
        if _INVISIBLE.match(c):
            continue
        found += [(d.translate(_LOOKALIKES), i) for d in unicodedata.normalize("NFKC", c)]
    return found


def _latin_word(word: str) -> bool:
    """A word with a Latin letter, or made of look-alikes only ("\u0430", "\u0441\u043e")."""
    return any("a" <= c.lower() <= "z" for c in word) or all(
        c in _LOOKALIKE_CHARS or not c.isalpha() for c in word)


def has_unusual(text: str) -> bool:
    """Whether ``text`` has characters ``surface`` folds (format characters,
    compatibility letters or digits, look-alike letters) beyond quotes and spaces."""
    if text.isascii():
        return False
    # The marks and look-alikes are all outside ASCII: they are looked for among the
    # text's non-ASCII characters (dropping ASCII bytes keeps every other character
    # whole), as a ``re`` scan of a long text with a few curly quotes tests every character.
    rare = text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")
    if _INVISIBLE.search(rare):
        return True
    normalised = not rare.strip(_TYPOGRAPHIC) or unicodedata.is_normalized("NFKC", text)
    if normalised and not _LOOKALIKE.search(rare):
        return False  # NFKC leaves every word of a normalised text alone; no letter to map
    return any(surface(m.group()) != m.group() for m in re.finditer(r"\w+", text)
               if not m.group().isascii())


@functools.cache
def _vocabulary() -> frozenset[str]:
    """Words diplodiff knows: every word of the shipped lexicon (wordings and notes),
    the stop words and the head nouns, folded to their singular."""
    text = shipped("lexicon.toml")
    words = set(re.findall(r"[a-z]{2,}", text.lower()))
    words.update(stopwords(), *heads().values())
    return frozenset(singular(w) for w in words)


def _split_invisible(text: str) -> str:
    """Read an invisible character between two known words as a word break
    ("strategic<soft hyphen>partnership"), inside a word as nothing ("compre<soft hyphen>hensive")."""
    pieces = [p for p in _INVISIBLE.split(text) if p]
    if len(pieces) < 2:
        return text
    known = _vocabulary()

    def word(piece: str) -> str:
        return singular(surface(piece).casefold().strip("'\".,"))

    if word("".join(pieces)) in known or not all(word(p) in known for p in pieces):
        return text
    return "-".join(pieces)


@functools.lru_cache(maxsize=65536)
def fold_token(text: str) -> tuple[str, ...]:
    """Return the folded parts of one token.

    Quotes fold to nothing; other punctuation to the barrier ``"|"``; a
    hyphenated word to one part per piece.

    >>> fold_token("Neighbours")
    ('neighbor',)
    >>> fold_token("China-Kazakhstan")
    ('china', 'kazakhstan')
    >>> fold_token("partners")
    ('partnership',)
    """
    if not text.isascii() and _INVISIBLE.search(text):
        text = _split_invisible(text)
    text = surface(text)
    folded = text.translate(QUOTES).casefold().strip("'\"")
    if folded == "'s" or text.translate(QUOTES) == "'s":
        return ("'s",)
    if not _WORDISH.search(folded):
        return () if not folded or set(folded) <= {"'", '"'} else (BARRIER,)
    spelling = _spelling()
    parts = []
    # "co-operation", "co-ordination": the British hyphen after "co" is no word break
    folded = re.sub(r"\bco[-\u2010\u2011](?=[a-z])", "co", folded)
    for piece in _HYPHENS.split(folded):
        piece = piece.strip(".'\"")
        if not piece:
            continue
        piece = singular(spelling.get(piece, piece))
        piece = spelling.get(piece, piece)
        if piece == "partner":
            piece = "partnership"
        parts.append(piece)
    return tuple(parts)


def char_places(text: str, chars: Iterable[str]) -> list[int]:
    """Where any of ``chars`` (single characters) stands in ``text``, in order: each found
    by ``str.find``, a fast search, where a ``re`` class steps through every character."""
    found = []
    for char in chars:
        at = text.find(char)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1)
    found.sort()
    return found


def word_spans(text: str) -> list[tuple[int, int]]:
    """Return the ``(start, end)`` spans of the word tokens of one sentence."""
    if not text.isascii() or "`" in text:  # else nothing for QUOTES to map (its one ASCII key is "`")
        text = text.translate(QUOTES)
    return [m.span() for m in _WORD.finditer(text)]


def fold_text(text: str) -> tuple[str, ...]:
    """Fold a free-standing phrase (a lexicon entry) into parts.

    >>> fold_text("Trans-Caspian International Transport Routes")
    ('tran', 'caspian', 'international', 'transport', 'route')

    Folding is for matching only: "Trans" and "Tran" fold alike, as do "Routes" and "Route".
    """
    return tuple(part for start, end in word_spans(text) for part in fold_token(text[start:end]))


@functools.lru_cache(maxsize=65536)  # the word markers of a pair ask it of each word
def numeric(parts: tuple[str, ...]) -> tuple[str, ...]:
    """Map number words to digits and ``N decades`` to ``10N years``, keeping the length.

    >>> numeric(("golden", "three", "decade"))
    ('golden', '30', 'year')
    >>> numeric(("golden", "thirty", "year"))
    ('golden', '30', 'year')
    """
    out = [str(_NUMBERS[p]) if p in _NUMBERS else p for p in parts]
    for i in range(1, len(out)):
        if out[i] == "decade" and out[i - 1].isdecimal():
            out[i - 1], out[i] = str(int(out[i - 1]) * 10), "year"
    return tuple(out)
