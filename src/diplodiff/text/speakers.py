"""Who voices each sentence, read from the text: "Wang said", "..., Tokayev noted",
"according to Sethuraman", "Both sides agreed", "We reaffirm".

The rules (docs/speakers.md has them in full, with examples):

1. People come from the text first: an official it introduces with an office
   and a country ("Kazakhstan's Deputy Prime Minister and Minister of Foreign
   Affairs Murat Nurtleu", see ``officials``) speaks for that country, and is
   then known by full name, by either name alone, by title ("the minister")
   or as "he"/"she". The speaker table adds known people (their sides and
   name variants) and every country and organisation with its names,
   demonyms and capitals.
2. A sentence names its speaker with a subject before a reporting verb (a
   person, a side, "the two sides", "we"), "according to X", or an opening
   "X, <title>, ... said". A named person always ends the previous voice.
3. Otherwise the voice carries over, across paragraphs too, with these
   switches when no one is quoted: a paragraph that narrates an event ("The
   two sides signed ...", "The talks were held ...") is the outlet's; a
   sentence opening with the two sides ("The two sides will ...") is both
   sides'; a sentence opening with a side ("China is ready to ...") is that
   side's when no person is speaking. Inside a person's list ("... the
   following four aspects:") and inside an open quotation nothing switches
   but a named person.
4. A communiqué ("We, the Leaders of the G7 ...", "The Council expresses ...")
   speaks as its issuing body: "we", "the Chair", "the Council" and the body's
   names are that body, and sides named in it do not take the voice.
   An operative paragraph with no subject ("Welcomes the ...", "Calls on
   ...") is the body's too.
5. An official introduced with no country in a release of a country's own
   ministry (its source or title says so) speaks for that country.

Sides are reported by short name ("China", "EU", "G7"), ``both`` for the two
sides together, and ``None`` for the outlet's own narration, whose speaker is
the outlet by name (``outlet`` metadata, ``source``, the dateline, else
``"outlet"``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import urlparse

import attrs
from attrs import frozen

from .._errors import SpeakerTableError
from .._models import Sentence, Span, Statement, Tokens, _sentence, _span
from ..read.cache import cached, shipped
from ..read.guard import MAX_TABLE_BYTES, decode, parse_toml, read_input
from .normalize import adverb_form, char_places
from .officials import Introduction, SideMatcher, introductions, title_end, unknown_name
from .tokens import dateline_end
from .words import (
    ACCORDING,
    EVENT,
    GROUP,
    HEAD,
    NAME,
    OPERATIVE,
    REPORTING,
    SIDE_NOUN,
    SKIPPED,
    Phrases,
    Word,
    split,
    statement_words,
    vocabulary,
)
from .words import word as make_word

BOTH = "both"
OUTLET = "outlet"
BOTH_SIDES = "both sides"
_KINDS = ("country", "organisation")
#: A side right after these is no subject ("between Kazakhstan and China remain").
_NOT_SUBJECT = frozenset({"and", "or", "of", "between", "with", "to", "for", "from", "in", "on", "by",
                          "'s", "as", "than", "at", "into"})


@frozen
class Person:
    """An office holder.

    Attributes:
        name: Full name, as reports give it.
        aliases: Other names for the same person ("Wang", "Sergei Lavrov").
        side: The side they speak for.
        office: Their office, for the reader.
    """

    name: str
    aliases: tuple[str, ...] = ()
    side: str | None = None
    office: str | None = None


@frozen
class Side:
    """A country or organisation a speaker can stand for.

    Attributes:
        id: How reports name it ("China", "EU").
        names: Other names for it ("People's Republic of China", "PRC").
        demonyms: Adjectives for it ("Chinese": "the Chinese side", "Chinese President").
        capitals: Seats of government read as the side when they are a subject.
        kind: ``"country"`` or ``"organisation"``.
    """

    id: str
    names: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capitals: tuple[str, ...] = ()
    kind: str = "country"


@frozen(cache_hash=True)  # hashed per statement to find its cached lookups
class SpeakerTable:
    """Known people and every side, with the words that name them."""

    people: tuple[Person, ...] = ()
    sides: tuple[Side, ...] = ()

    def merged(self, other: SpeakerTable) -> SpeakerTable:
        """Return this table with ``other``'s people and sides added (``other`` wins)."""
        return SpeakerTable((*other.people, *self.people), (*other.sides, *self.sides))


# -- reading tables -------------------------------------------------------------------------------

def _strings(entry: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = entry.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        msg = f"{where}: '{key}' must be a list of non-empty strings"
        raise TypeError(msg)
    return tuple(value)


def _text(entry: dict[str, Any], key: str, where: str, *, required: bool) -> str | None:
    value = entry.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value.strip():
        msg = f"{where}: '{key}' must be a non-empty string"
        raise TypeError(msg)
    return value


def _entries(data: dict[str, Any], key: str) -> list[dict[str, Any]]:
    entries = data.get(key, [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        msg = f"'{key}' must be a list of tables ([[{key}]])"
        raise TypeError(msg)
    return entries


def parse_speakers(text: str, *, name: str) -> SpeakerTable:
    """Parse a speaker table (TOML: ``[[person]]`` and ``[[side]]`` entries, see docs/speakers.md).

    Raises:
        SpeakerTableError: The text is not TOML or an entry is malformed.
    """
    try:
        data = parse_toml(text, name=name, error=SpeakerTableError, hint="see docs/speakers.md")
        people = []
        for n, p in enumerate(_entries(data, "person"), 1):
            where = f"person {n}"
            people.append(Person(str(_text(p, "name", where, required=True)), _strings(p, "aliases", where),
                                 _text(p, "side", where, required=True),
                                 _text(p, "office", where, required=False)))
        sides = []
        for n, s in enumerate(_entries(data, "side"), 1):
            where = f"side {n}"
            kind = _text(s, "kind", where, required=False) or "country"
            if kind not in _KINDS:
                msg = f"{where}: 'kind' must be one of {', '.join(_KINDS)}"
                raise TypeError(msg)
            sides.append(Side(str(_text(s, "id", where, required=True)), _strings(s, "names", where),
                              _strings(s, "demonyms", where), _strings(s, "capitals", where), kind))
    except TypeError as exc:  # parse_toml reports bad TOML itself
        msg = f"is not a valid speaker table ({exc}); see docs/speakers.md for the format"
        raise SpeakerTableError(name, msg) from None
    return SpeakerTable(tuple(people), tuple(sides))


def _builtin(name: str) -> SpeakerTable:
    text = shipped(name)
    return parse_speakers(text, name=f"builtin {name}")


@functools.cache
def default_speakers() -> SpeakerTable:
    """Return the speaker table shipped with diplodiff: every country and the main
    organisations (``_data/sides.toml``) and known office holders (``_data/speakers.toml``)."""
    people, sides = cached("speakers", _compile)  # parsed TOML, kept by read/cache.py
    return SpeakerTable(tuple(Person(*row) for row in people), tuple(Side(*row) for row in sides))


def _compile() -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    table = _builtin("sides.toml").merged(_builtin("speakers.toml"))
    return ([tuple(getattr(p, f.name) for f in attrs.fields(Person)) for p in table.people],
            [tuple(getattr(s, f.name) for f in attrs.fields(Side)) for s in table.sides])


def load_speakers(path: str | Path) -> SpeakerTable:
    """Load a user speaker table file (same format as the builtin one).

    Raises:
        SpeakerTableError: The file cannot be read or is malformed.
    """
    data = read_input(path, limit=MAX_TABLE_BYTES, error=SpeakerTableError, what="speaker table file")
    return parse_speakers(decode(data, str(path), SpeakerTableError), name=str(path))


def build_speakers(*, builtin: bool = True, extra: Sequence[str | Path] = ()) -> SpeakerTable:
    """The builtin table (unless ``builtin=False``) with each file of ``extra`` merged over it."""
    table = default_speakers() if builtin else SpeakerTable()
    for path in extra:
        table = table.merged(load_speakers(path))
    return table


# -- the table as lookups -------------------------------------------------------------------------

class _Lookup:
    """A speaker table turned into the dictionaries the rules read."""

    def __init__(self, table: SpeakerTable) -> None:
        names: dict[tuple[str, ...], str] = {}
        demonyms: dict[tuple[str, ...], str] = {}
        capitals: dict[tuple[str, ...], str] = {}
        self.kinds: dict[str, str] = {}
        for side in reversed(table.sides):
            self.kinds[side.id] = side.kind
            forms = [side.id, *side.names]
            if side.kind == "country":
                forms += [f"Republic of {side.id}"]
            for form in forms:
                words = split(form)
                names[words[1:] if words[:1] in {("The",), ("the",)} else words] = side.id
            for form in side.demonyms:
                demonyms[split(form)] = side.id
            for form in side.capitals:
                capitals[split(form)] = side.id
        self.sides = SideMatcher(names, demonyms)
        self.names, self.demonyms, self.capitals = Phrases(names), Phrases(demonyms), Phrases(capitals)
        #: The words a side's name, demonym or capital starts or ends with: most words are none.
        self.side_starts = frozenset(self.names.first | self.demonyms.first | self.capitals.first)
        #: The first words a sentence opens anything with (``_Reader.opening``), as written and
        #: in lower case: "We", a side; "the", "this", "our", "Also, ...".
        self.opens_text = _WE | self.side_starts
        self.openers = _words("opener")
        self.opens_low = _THE | self.openers
        self.side_ends = frozenset(self.names.last | self.capitals.last)
        self.people: dict[tuple[str, ...], Person] = {}
        for person in reversed(table.people):
            for form in (person.name, *person.aliases):
                self.people[_lowered(form)] = person
        self.people_phrases = Phrases(self.people, lower=True)
        # word lists read for most sentences: an attribute costs less than a cached call
        self.office_words = vocabulary("offices.txt")["word"]
        self.issuer_nouns, self.event_nouns = _words("issuer"), _words("event_noun")


@functools.cache
def _lookup(table: SpeakerTable) -> _Lookup:
    return _Lookup(table)


@functools.cache
def _words(section: str) -> frozenset[str]:
    return vocabulary("speech.txt")[section]


@functools.cache
def _bare_reporting() -> frozenset[str]:
    """The reporting verbs' bare forms ("note", "say"; not "notes", "said")."""
    verbs = _words("reporting")
    return frozenset(v for v in verbs if v + "s" in verbs or v + "es" in verbs)


# -- the people of one statement ------------------------------------------------------------------

@functools.lru_cache(maxsize=4096)  # names of the text's people, met in every statement
def _lowered(name: str) -> tuple[str, ...]:
    """A person's name as the lower-case words a text would show."""
    return tuple(w.lower() for w in split(name))


class _People:
    """Everyone who can be named in one statement: the table's people, then those
    the text introduces (who win on shared names)."""

    def __init__(self, lookup: _Lookup, intros: Sequence[Introduction], home: str | None) -> None:
        self.table = lookup.people_phrases
        self.by_name: dict[tuple[str, ...], Person] = {}  # the text's people, over the table's
        self.heads: dict[str, frozenset[str]] = {}
        self.introduced: list[Person] = []
        aliases: dict[tuple[str, ...], Person | None] = {}
        for intro in intros:
            key = _lowered(intro.name)
            known = self.by_name.get(key) or lookup.people.get(key)
            if known is None and len(key) == 1:
                continue  # a bare surname the table does not know is no introduction
            side = intro.side
            if side is None and (known is None or known.side is None):
                side = home  # "Spokesperson X" in the release of a country's own ministry
            person = known or Person(intro.name, side=side, office=intro.office)
            if side and person.side != side:
                person = attrs.evolve(person, side=side)  # the text's office decides
            if known is not None and known.side == person.side:
                person = known
            self.heads[person.name] = self.heads.get(person.name, frozenset()) | intro.heads
            for form in (person.name, *person.aliases):
                self.by_name[_lowered(form)] = person
            self.by_name[key] = person
            self.introduced.append(person)
            if len(key) > 1:
                for one in {key[0], key[-1]}:
                    aliases[(one,)] = None if (one,) in aliases and aliases[(one,)] != person else person
        full = {_lowered(p.name) for p in self.introduced}
        for alias, who in aliases.items():
            if who is not None and alias not in full:
                self.by_name[alias] = who
        # An entry the table holds as it is (the same person) is found there: the text's
        # own phrases are what it adds or changes, and a tie between the two is the same.
        own = {key: person for key, person in self.by_name.items() if lookup.people.get(key) is not person}
        self.text = Phrases(own, lower=True)
        #: The words a name ends with (lower case): most words end none.
        self.last_words = self.text.last | self.table.last

    def at(self, words: Sequence[Word], i: int) -> tuple[Person, int] | None:
        """The person named starting at ``words[i]`` (a capitalised name), and its length."""
        if i >= len(words) or not words[i].cap:
            return None
        low = words[i].low
        if low not in self.text.first and low not in self.table.first:
            return None  # most capitalised words start no name
        return self._longer(self.text.at(words, i), self.table.at(words, i), ending=False)

    def ending(self, words: Sequence[Word], end: int) -> tuple[Person, int] | None:
        """The person named right before ``words[end]``, and where the name starts."""
        hit = self._longer(self.text.ending(words, end), self.table.ending(words, end), ending=True)
        return hit if hit is not None and words[hit[1]].cap else None

    @staticmethod
    def _longer(text: tuple[Person, int] | None, table: tuple[Person, int] | None, *,
                ending: bool) -> tuple[Person, int] | None:
        """The longer of two name matches; the text's on a tie (a match ending at the same
        place is longer when it starts earlier)."""
        if text is None or table is None:
            return text or table
        if ending:
            return table if table[1] < text[1] else text
        return table if table[1] > text[1] else text


# -- who speaks -----------------------------------------------------------------------------------

class _Voice(NamedTuple):  # a tuple, not attrs: one is made for most sentences
    """Who voices a sentence: a speaker name and side, the person if one, and the
    span of the words that named them."""

    speaker: str
    side: str | None
    person: Person | None = None
    span: Span | None = None
    kind: str = "outlet"  # outlet, person, side, both, issuer


class _Cue(NamedTuple):
    kind: str  # person, title, pronoun, side, group, we, issuer
    value: str | Person | tuple[str, str | None] | None
    start: int


#: How the cues and voices made for most sentences are built: a NamedTuple's own
#: ``__new__`` is a Python function, and calling it costs twice the tuple.
_tuple = tuple.__new__
_NAMED = frozenset({"person", "pronoun", "title"})
#: The words a cue is read at: reporting verbs and "according".
_CUED = REPORTING | ACCORDING
#: A sentence with none of these words is decided by its opening alone (``_Reader.decide``).
_DECIDING = OPERATIVE | REPORTING | ACCORDING | EVENT
#: What a sentence opens with that ``_Reader.opening`` reads: "We"/"Our" as written, an
#: article or "our" in lower case, a group ending by the ``_GROUP_REACH``-th word.
_WE, _THE, _GROUP_REACH = frozenset({"We", "Our"}), frozenset({"the", "this", "our"}), 4


class _Reader:
    """Attributes the sentences of one statement, in order."""

    def __init__(self, statement: Statement, sentences: Sequence[Sentence], table: SpeakerTable) -> None:
        self.statement = statement
        self.sentences = sentences
        self.lookup = _lookup(table)
        self.rows = Tokens.each(sentences)
        #: Where each sentence's words with a reporting verb, head noun, ... stand, and their
        #: bits together: most sentences have no head noun (no one is introduced), no
        #: reporting verb (no cue) or no event verb, and are read no further.
        self.words, self.marked, self.flags, self.kept = statement_words(self.rows)
        intros = [i for words, flags in zip(self.words, self.flags, strict=True) if flags & HEAD
                  for i in introductions(words, self.lookup.sides)]
        self.people = _People(self.lookup, intros, _home(statement, self.lookup))
        self.outlet = outlet_name(statement)
        self.issuer_words = _issuer_words(statement)
        self.issuer: str | None = None
        self.last_person: Person | None = None
        self.by_side: dict[str, Person] = {}
        self.reading = 0  # the index of the sentence being read

    # words that name someone ---------------------------------------------------------------

    def side_at(self, words: Sequence[Word], i: int) -> tuple[str, int] | None:
        """A side as a subject starting at ``words[i]``: "China", "the Kazakh side", "Washington"."""
        j = i + 1 if i < len(words) and words[i].low == "the" else i
        if j >= len(words) or words[j].text not in self.lookup.side_starts:
            return None
        hit = self.lookup.names.at(words, j)
        if hit:
            side, n = hit
            if j + n < len(words) and words[j + n].bits & SIDE_NOUN:
                n += 1
            return side, j + n - i
        hit = self.lookup.demonyms.at(words, j)
        if hit and j + hit[1] < len(words) and words[j + hit[1]].bits & SIDE_NOUN:
            return hit[0], j + hit[1] + 1 - i
        if j == i:
            hit = self.lookup.capitals.at(words, j)
            if hit:
                return hit
        return None

    def side_ending(self, words: Sequence[Word], end: int) -> tuple[str, int] | None:
        """A side as a subject ending right before ``words[end]``, and where it starts."""
        if end > 0 and words[end - 1].bits & SIDE_NOUN:
            hit = self.lookup.names.ending(words, end - 1) or self.lookup.demonyms.ending(words, end - 1)
        else:
            hit = self.lookup.names.ending(words, end) or self.lookup.capitals.ending(words, end)
        if hit is None:
            return None
        side, start = hit
        return side, start - 1 if start > 0 and words[start - 1].low == "the" else start

    def group_ending(self, words: Sequence[Word], end: int) -> int | None:
        """Where "both sides", "the two ministers", "the leaders", "they" ending at ``end`` starts."""
        if end < 1 or not words[end - 1].bits & GROUP:
            return None
        if words[end - 1].low == "they":
            return end - 1
        i = end - 1
        while i > 0 and (words[i - 1].low in {"both", "two", "the", "all"} or
                         words[i - 1].low in self.lookup.office_words):
            i -= 1
        return i if i < end - 1 and words[i].low in {"both", "two", "the", "all"} else None

    def subject(self, words: Sequence[Word], end: int, *, named: bool = False) -> _Cue | None:
        """Who is named as the subject of the verb at ``words[end]``; ``named``: only a
        person, pronoun or title (``None`` for any other subject)."""
        verb = end
        while end > 0 and words[end - 1].bits & SKIPPED:
            end -= 1  # "Wang also said", "the two sides will jointly"
        if end == 0:
            return None
        last = words[end - 1]
        low = last.low
        if low in {"he", "she"}:
            return _Cue("pronoun", None, end - 1)
        if low == "we":
            return _Cue("we", None, end - 1)
        person = self.people.ending(words, end) if low in self.people.last_words else None
        if person:
            return _tuple(_Cue, ("person", person[0], person[1]))
        # a name that opens the sentence ends with a name word; one person's verb is not the
        # bare form right after it ("Take note", "Recall the Declaration": an imperative)
        bare = end == verb and words[verb].low in _bare_reporting()
        unknown = unknown_name(words, end, self.lookup.sides) if end <= 3 and last.bits & NAME and not bare \
            else None
        if unknown is not None:
            # a name no table knows still ends the previous speaker's words; its side is unknown
            return _Cue("person", Person(" ".join(w.text for w in words[unknown:end])), unknown)
        title_side = None
        if end >= 3 and words[end - 2].low == "of" and (of := self.lookup.sides.at(words, end - 1)) \
                and of[1] == 1:
            title_side, end, last = of[0], end - 2, words[end - 3]  # "The President of Russia"
        if last.bits & HEAD:
            start = end - 1  # "the minister", "The High Representative"
            while start > 0 and (words[start - 1].low in self.lookup.office_words
                                 or words[start - 1].text == "/"):
                start -= 1
            if start > 0 and words[start - 1].low == "the":
                if last.low in self.lookup.issuer_nouns and (self.issuer or last.low in self.issuer_words):
                    return _Cue("issuer", None, start - 1)
                return _Cue("title", (last.low, title_side), start - 1)
        if named:
            return None
        if title_side is not None:
            end, last = end + 2, words[end + 1]
        if end >= 2 and words[end - 2].low in {"the", "our"} and last.low in self.issuer_words:
            return _Cue("issuer", None, end - 2)
        group = self.group_ending(words, end) if last.bits & GROUP else None
        if group is not None:
            return _tuple(_Cue, ("group", None, group))
        side = self.side_ending(words, end) if last.bits & SIDE_NOUN or last.text in self.lookup.side_ends \
            else None
        if side and (side[1] == 0 or words[side[1] - 1].low not in _NOT_SUBJECT):
            return _tuple(_Cue, ("side", side[0], side[1]))
        return None

    # reading one sentence ------------------------------------------------------------------

    def cue(self, words: Sequence[Word]) -> _Cue | None:
        """The speaker the sentence names: the subject of a reporting verb (a named
        person first), "according to X", or an opening "X, <title>, ... said". Asked only
        of a sentence with a reporting verb or "according" (``decide`` reads its flags)."""
        flags = self.flags[self.reading]
        found = None
        marked = self.marked[self.reading]
        for i in marked:
            bits = words[i].bits
            if not bits & _CUED:
                continue
            cue = None
            if bits & REPORTING:
                if i > 0:
                    cue = self.subject(words, i, named=found is not None)
            elif i + 2 < len(words) and words[i + 1].low == "to":  # "according to"
                person = self.people.at(words, i + 2)
                if person:
                    cue = _tuple(_Cue, ("person", person[0], i))
                elif side := self.side_at(words, i + 2):
                    cue = _tuple(_Cue, ("side", side[0], i))
            if cue is not None:
                if cue.kind in _NAMED:
                    return cue  # the first named speaker wins over every other cue
                if found is None:
                    found = cue
        if not flags & REPORTING:
            return found  # no opening "X, <title>, ... said" without a "said"
        start = title_end(words, 0, self.lookup.sides)  # "Kazakh Foreign Minister Yerlan Abenov, ..."
        opening = self.people.at(words, start)
        after = start + opening[1] if opening else 0
        if opening and after < len(words) and words[after].text == "," \
                and any(i >= after and words[i].bits & REPORTING for i in marked):
            return _Cue("person", opening[0], start)
        return found

    def opening(self, words: Sequence[Word], *, sides: bool = True) -> tuple[str, int]:
        """What the sentence opens with: ``("group"|"side:ID"|"we"|"issuer"|"event"|"", start)``;
        ``sides=False``: not read as a group or side (``""`` instead)."""
        start = 2 if len(words) > 2 and words[1].text == "," and words[0].low in self.lookup.openers else 0
        rest = words[start:] if start else words
        if not rest:
            return "", start
        if rest[0].text in _WE:
            return "we", start
        if rest[0].low in _THE and len(rest) > 1:
            if rest[1].low in self.issuer_words or (self.issuer and rest[1].low in self.lookup.issuer_nouns):
                return "issuer", start
            if rest[1].low in self.lookup.event_nouns:
                return "event", start
        if not sides:
            return "", start
        group = 0
        if self.flags[self.reading] & GROUP:  # else no group ends anywhere in the sentence
            for k in self.marked[self.reading]:  # the group words among them, in order
                n = k - start + 1
                if n > _GROUP_REACH or n > len(rest):
                    break
                if n > 0 and rest[n - 1].bits & GROUP and self.group_ending(rest, n) == 0:
                    group = n
                    break
        if group and (len(rest) == group or rest[group].text not in {"'s", "of"}):
            return "group", start
        side = self.side_at(rest, 0)
        if side and len(rest) > side[1] and not rest[side[1]].cap \
                and rest[side[1]].text not in {"and", "'s", ",", "-", "(", "."}:
            return f"side:{side[0]}", start
        return "", start

    def carries(self, n: int, words: Sequence[Word]) -> bool:
        """Whether ``decide`` carries the voice over sentence ``n`` unread: no word of it
        is one that ``cue``, ``operative`` or ``narrates`` reads (its flags), and it opens
        nothing ``opening`` reads (no "We", side, article or opener first, no group in its
        first ``_GROUP_REACH`` words). Most sentences; ``tests/test_speakers.py`` checks
        that reading them all gives the same voices."""
        flags = self.flags[n]
        return not words or (not flags & _DECIDING and words[0].text not in self.lookup.opens_text
                             and words[0].low not in self.lookup.opens_low
                             and (not flags & GROUP or self.marked[n][0] >= _GROUP_REACH))

    def operative(self, words: Sequence[Word]) -> int | None:
        """Where an operative paragraph's verb stands when the sentence opens with one and
        no subject ("1. Welcomes the ...", "Strongly condemns ..."), else ``None``. Asked
        only of a sentence with an operative verb (``decide`` reads its flags)."""
        i = 0
        while i < len(words) and (words[i].text.isdigit() or not words[i].text[:1].isalnum()
                                  or (len(words[i].text) == 1 and i + 1 < len(words)
                                      and words[i + 1].text in {")", "."})):
            i += 1  # a paragraph's number: "3.", "(b)", "iv)"
        j = _past_adverbs(words, i)
        if j >= len(words) - 2 or not words[i].cap or not words[j].bits & OPERATIVE:
            return None
        return i if i == j or not words[j].cap else None

    def body(self) -> str | None:
        """The organisation a communiqué with no subject speaks for: the one its source,
        outlet or title names, else the first one the sentences before name."""
        found = _first_in((self.statement.source, self.statement.get("outlet"), self.statement.title),
                          self.lookup, "organisation")
        if found is None:
            found = next((side for words in self.words[: self.reading]
                          if (side := _first(words, self.lookup, "organisation")) is not None), None)
        return found

    def narrates(self, words: Sequence[Word], opening: str) -> bool:
        """An event told by the outlet: "The two sides signed ...", "The talks were held ...".
        Asked only of a sentence that opens with an event noun or has an event verb
        (``decide`` reads its flags)."""
        if opening == "event":
            return True
        first = self.people.at(words, 0) is not None or opening == "group"
        return any(i > 0 and (first or self.subject(words, i))
                   for i in self.marked[self.reading] if words[i].bits & EVENT)

    def issuer_of(self, words: Sequence[Word]) -> str:
        """The body a communiqué speaks for: an organisation its opening names
        ("We, the Leaders of the Group of Seven"), else one its source or title
        names, else the two sides together."""
        found = _first(words, self.lookup, "organisation")
        if found is None:
            found = _first_in((self.statement.get("outlet"), self.statement.source, self.statement.title),
                              self.lookup, "organisation")
        return BOTH if found is None else found

    def person_voice(self, person: Person, span: Span | None) -> _Voice:
        self.last_person = person
        if person.side:
            self.by_side[person.side] = person
        return _tuple(_Voice, (person.name, person.side, person, span, "person"))

    def side_voice(self, side: str, span: Span | None) -> _Voice:
        person = self.by_side.get(side)
        if person is not None:
            return _tuple(_Voice, (person.name, side, person, span, "person"))
        return _tuple(_Voice, (side, side, None, span, "side"))

    def by_title(self, head: str, side: str | None) -> Person | None:
        """The person "the minister" / "the President of Russia" stands for: the last
        speaker whose office has that noun (and side), else the last one introduced with
        it, else (for a title that names its side) the last person of that side named."""
        def fits(person: Person) -> bool:
            return head in self.people.heads.get(person.name, frozenset()) and side in (None, person.side)

        if self.last_person and fits(self.last_person):
            return self.last_person
        for person in reversed(self.people.introduced):
            if fits(person):
                return person
        if side is not None:
            return next((p for p in reversed(self.named) if p.side == side), None)
        return None

    @functools.cached_property
    def named(self) -> list[Person]:
        """Everyone the statement names, in text order (read once, by the first title that needs it)."""
        return [p[0] for words in self.words for i in range(len(words)) if (p := self.people.at(words, i))]

    def read(self) -> tuple[Sentence, ...]:
        """Every sentence with its speaker, side and voice span."""
        text = self.statement.text
        gaps = _gaps(text, self.sentences)
        blank = _blank_starts(gaps)
        starts = _paragraph_starts(text, gaps, blank)
        quotes = _has_quote(text)
        # A quotation runs to a blank line: a single line break, which a reflow moves, ends none.
        quoted = quote_continues(text, self.sentences, blank) if quotes else [False] * len(self.sentences)
        outlet = _Voice(self.outlet, None)
        voice = outlet
        in_list = False
        out: list[Sentence] = []
        named: list[bool] = []  # whether the sentence names its own speaker
        colons = ":" in text  # else no sentence opens a list
        for n, (sentence, words) in enumerate(zip(self.sentences, self.words, strict=True)):
            self.reading = n
            if starts[n] and (n == 0 or gaps[n].count("\n") >= 2):
                in_list = False  # a list ends at a paragraph after a blank line
            if self.carries(n, words):
                named.append(False)
                new = None
            else:
                opens_quote = quotes and _opens_at(text, sentence.span.start, sentence.span.end)
                new = self.decide(words, voice, starts[n], in_list or quoted[n] or opens_quote)
                named.append(new is not None)
            if new is not None:
                if new.kind == "person" and voice.kind == "person" and new.person != voice.person:
                    in_list = False
                if new.kind == "person" and (quoted[n] or opens_quote):
                    # '"We will ... . We also ...," Mehta said.': the quote's opening sentences are his
                    first = n
                    while first > 0 and quoted[first - 1]:
                        first -= 1
                    for k in range(max(first - 1, 0), n):
                        if not named[k]:
                            out[k] = _voiced(out[k], new)
                voice = new
            if colons and voice.kind == "person" \
                    and text.find(":", sentence.span.start, sentence.span.end) >= 0 \
                    and _LIST.search(sentence.span.of(text).rstrip()):
                in_list = True  # "... stressed the following four aspects:" opens a list of their words
            out.append(_sentence(sentence.index, sentence.span, sentence.tokens, voice.speaker, voice.side,
                                 voice.span))  # _voiced, inline: one call less a sentence
        return tuple(out)

    def person_of(self, cue: _Cue) -> Person | None:
        """The person a person, pronoun or title cue stands for, if known."""
        if cue.kind == "person":
            return cue.value if isinstance(cue.value, Person) else None
        if cue.kind == "pronoun":
            return self.last_person or (self.people.introduced[-1] if self.people.introduced else None)
        return self.by_title(*cue.value) if isinstance(cue.value, tuple) else None

    def conjunct(self, words: Sequence[Word], start: int) -> tuple[Person, _Cue] | None:
        """The person named before "and" when the subject at ``start`` is the second of two
        ("Wang Yi and Blinken said"), with that person's cue."""
        if start < 2 or words[start - 1].low != "and":
            return None
        cue = self.subject(words, start - 1, named=True)
        person = self.person_of(cue) if cue is not None and cue.kind != "pronoun" else None
        return (person, cue) if person is not None and cue is not None else None

    def span(self, words: Sequence[Word], start: int, end: int) -> Span:
        """The span of ``words[start:end]``, words of the sentence being read."""
        n = len(words)
        last = (end if end < n else n) - 1
        if last < start:
            last = start
        rows, kept = self.rows[self.reading], self.kept[self.reading]
        if kept is None:  # no quote mark left out: word k is token k
            return _span(rows.start(start), rows.ends[last])
        return _span(rows.start(kept[start]), rows.ends[kept[last]])

    def said(self, words: Sequence[Word], cue: _Cue | None) -> Span | None:
        """The span of the words that name the speaker ("Wang Yi said"), if a cue does: its
        subject through the first reporting verb (within 12 words), else the subject's first two."""
        if cue is None:
            return None
        start = cue.start
        for i in self.marked[self.reading]:
            if i >= start + 12:
                break
            if i >= start and words[i].bits & REPORTING:
                return self.span(words, start, i + 1)
        return self.span(words, start, start + 2)

    def decide(self, words: Sequence[Word], voice: _Voice, paragraph_start: bool,
               held: bool) -> _Voice | None:
        """The new voice of a sentence, or ``None`` to carry the current one over.
        ``held``: inside a person's list or an open quotation, only a named person switches."""
        if not words:
            return None
        flags = self.flags[self.reading]  # the words the calls below read: most have none
        # before any cue: "Strongly condemns" has no subject for a capitalised adverb to be
        verb = None if held or not flags & OPERATIVE else self.operative(words)
        if verb is not None and (paragraph_start or voice.kind in {"outlet", "issuer"}):
            body = self.issuer or self.body()
            if body is not None:
                self.issuer = body
                return _Voice(body, body, None, self.span(words, verb, verb + 1), "issuer")
        cue = self.cue(words) if flags & _CUED else None
        if cue is not None and cue.kind in _NAMED:
            person = self.person_of(cue)
            if person is None and cue.kind == "title" and isinstance(cue.value, tuple) \
                    and cue.value[1] is not None:
                return self.side_voice(cue.value[1], self.said(words, cue))
            if person is not None:
                joint = self.conjunct(words, cue.start)
                if joint is not None and joint[0].side and person.side and joint[0].side != person.side:
                    # "The Secretary and the Foreign Minister reviewed": the two sides together
                    return _Voice(BOTH_SIDES, BOTH, None, self.said(words, joint[1]), "both")
                return self.person_voice(person, self.said(words, cue))
        if held:
            return None
        # a group or side opening counts only where no group or side is cued
        opening, at = self.opening(words, sides=cue is None or cue.kind not in {"group", "side"})
        if opening == "we" and voice.kind in {"outlet", "issuer"} and self.issuer is None:
            self.issuer = self.issuer_of(_apposition(words, at))
        issuer_cue = cue is not None and cue.kind in {"we", "issuer"}
        if self.issuer is not None and (opening in {"we", "issuer"} or issuer_cue):
            return _Voice(self.issuer, self.issuer, None,
                          self.said(words, cue) or self.span(words, at, at + 1), "issuer")
        if (cue is not None and cue.kind == "issuer") or opening == "issuer":
            self.issuer = self.issuer_of(words)
            return _Voice(self.issuer, self.issuer, None,
                          self.said(words, cue) or self.span(words, at, at + 2), "issuer")
        if cue is None and (paragraph_start or voice.kind == "outlet") \
                and (opening == "event" or flags & EVENT) and self.narrates(words, opening):
            return _Voice(self.outlet, None)
        if self.issuer is not None and voice.kind == "issuer":
            return None  # sides named in a communiqué do not take its voice
        if cue is not None and cue.kind == "group":
            if words[cue.start].low == "they" and voice.kind not in {"outlet", "both"} \
                    and not paragraph_start:
                return None
            return _tuple(_Voice, (BOTH_SIDES, BOTH, None, self.said(words, cue), "both"))
        if cue is not None and cue.kind == "side" and isinstance(cue.value, str):
            if voice.side == cue.value:
                return None  # "Kazakhstan appreciates" inside Nurtleu's words stays his
            return self.side_voice(cue.value, self.said(words, cue))
        if opening == "group" and (words[at].low != "they" or voice.kind in {"outlet", "both"}):
            return _tuple(_Voice, (BOTH_SIDES, BOTH, None, self.span(words, at, at + 2), "both"))
        if opening.startswith("side:") and voice.kind in {"outlet", "both", "side"}:
            side = opening.removeprefix("side:")
            if voice.side != side:
                return self.side_voice(side, self.span(words, at, at + 1))
        return None


def _voiced(sentence: Sentence, voice: _Voice) -> Sentence:
    """The sentence with the voice's speaker, side and span."""
    return _sentence(sentence.index, sentence.span, sentence.tokens, voice.speaker, voice.side, voice.span)


def _past_adverbs(words: Sequence[Word], i: int) -> int:
    """Past the adverbs at ``words[i]`` ("Also", "Strongly", "Further")."""
    while i < len(words) and (words[i].low in _words("adverb") or adverb_form(words[i].low)):
        i += 1
    return i


def _apposition(words: Sequence[Word], at: int) -> Sequence[Word]:
    """What "We, <apposition>, ..." says the "we" are: the words up to the next comma
    ("We, the Leaders of the Group of Seven, ..."), none without one. An organisation
    named later in the sentence (a co-organiser, a body welcomed) does not speak."""
    if at + 1 >= len(words) or words[at + 1].text != ",":
        return ()
    end = next((k for k in range(at + 2, len(words)) if words[k].text == ","), len(words))
    return words[at + 2 : end]


def _home(statement: Statement, lookup: _Lookup) -> str | None:
    """The country whose own ministry or government the source (else the title) names
    ("Ministry of Foreign Affairs of Japan"), if one."""
    ministry = _words("ministry")
    ministries = [text for text in (statement.source, statement.title)
                  if text and any(map(text.lower().__contains__, ministry))  # most name none: skip the split
                  and not ministry.isdisjoint(w.lower() for w in split(text))]
    return _first_in(ministries, lookup, "country")


def _first(words: Sequence[Word], lookup: _Lookup, kind: str) -> str | None:
    """The first side of ``kind`` ("country", "organisation") that ``words`` name."""
    sides = lookup.sides
    for i, word in enumerate(words):
        hit = sides.at(words, i) if word.text in sides.first else None
        if hit and lookup.kinds.get(hit[0]) == kind:
            return hit[0]
    return None


@functools.lru_cache(maxsize=1024)  # a statement's source and title, read for each communiqué sentence
def _words_of(text: str) -> tuple[Word, ...]:
    return tuple(make_word(w) for w in split(text))


def _first_in(texts: Iterable[str | None], lookup: _Lookup, kind: str) -> str | None:
    """The first side of ``kind`` named in the first of ``texts`` (blank ones skipped) to name one."""
    for text in texts:
        found = _first(_words_of(text), lookup, kind) if text else None
        if found is not None:
            return found
    return None


def _issuer_words(statement: Statement) -> frozenset[str]:
    """Nouns that name the issuer because its source does ("Council of the European Union")."""
    text = " ".join(t for t in (statement.source, statement.get("outlet")) if t)
    return frozenset(w.lower() for w in split(text)) & _words("issuer")


_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^www\.", re.IGNORECASE)


def outlet_name(statement: Statement) -> str:
    """The outlet by name: its ``outlet`` metadata, its ``source`` (a URL's host
    when it is one), the outlet in its dateline ("ALMATY, April 25 (Xinhua) --"),
    else ``"outlet"``. A source that opens in lower case ("original composition
    for ..., in the style of ...") describes where the text came from and names no
    outlet."""
    given = statement.get("outlet")
    if given:
        return given
    source = statement.source
    url = source is not None and _URL.search(source) is not None
    if source and not url and not source[:1].islower():
        return source
    dateline = _dateline_outlet(statement.text)
    if dateline:
        return dateline
    if source and url:
        host = urlparse(source if "://" in source else f"http://{source}").hostname or source
        return _outlets().get(_domain(host), host.removeprefix("www."))
    return OUTLET


def _dateline_outlet(text: str) -> str | None:
    end = dateline_end(text)
    if not end:
        return None
    head = text[:end].strip()
    paren = re.search(r"\(([^()]+)\)", head)
    if paren:
        return paren.group(1).strip()
    after = head.split(",", 1)[-1].strip().rstrip(":-\u2014\u2013 ").strip()
    return after or None


def _domain(host: str) -> str:
    parts = host.lower().removeprefix("www.").split(".")
    return ".".join(parts[-3:]) if len(parts) > 2 and parts[-2] in {"com", "gov", "org", "co", "go"} \
        else ".".join(parts[-2:])


@functools.cache
def _outlets() -> dict[str, str]:
    return cached("outlets", _compile_outlets)  # type: ignore[no-any-return]


def _compile_outlets() -> dict[str, str]:
    import tomllib

    text = shipped("outlets.toml")
    return {host: entry["name"] for entry in tomllib.loads(text)["outlet"] for host in entry["hosts"]}


# -- paragraphs and quotations --------------------------------------------------------------------

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n")
#: A colon that opens a list or the words after it ("the following four aspects: First, ...").
_LIST = re.compile(r":(?:\s|$)")
_ENDS = frozenset('.!?:;)"\'\u201c\u201d\u2018\u2019')  # quote marks of either style and direction


def _hard_wrapped(text: str) -> bool:
    """Lines broken inside sentences (a text wrapped at a fixed width): single
    line breaks are then no paragraph breaks."""
    lines = [line.rstrip() for line in text.split("\n")]
    inner = [line for line, after in itertools.pairwise(lines) if line and after.strip()]
    if not inner:
        return False
    broken = sum(1 for line in inner if line[-1] not in _ENDS)
    return broken >= max(2, len(inner) // 3)


def paragraph_starts(text: str, sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether it opens a paragraph (a blank line before it, or a
    single line break in a text that is not hard-wrapped and has no blank lines: a text
    keeps one paragraph convention, so where blank lines part its paragraphs a single
    line break is only a reflowed line)."""
    gaps = _gaps(text, sentences)
    return _paragraph_starts(text, gaps, _blank_starts(gaps))


def _paragraph_starts(text: str, gaps: Sequence[str], blank: list[bool]) -> list[bool]:
    """``paragraph_starts`` read off the sentences' ``_gaps`` and ``_blank_starts``
    (``blank`` itself where they are the same: neither is changed after)."""
    if _BLANK.search(text.strip()) or _hard_wrapped(text):
        return blank
    out = ["\n" in gap for gap in gaps]
    if out:
        out[0] = True
    return out


def blank_line_starts(text: str, sentences: Sequence[Sentence]) -> list[bool]:
    """For each sentence, whether a blank line stands before it (or it is the first).

    The paragraph breaks that no reflow moves: whether a single line break parts
    paragraphs (``paragraph_starts``) is read from how the text is wrapped, so the
    same paragraph wrapped otherwise reads differently there."""
    return _blank_starts(_gaps(text, sentences))


def _blank_starts(gaps: Sequence[str]) -> list[bool]:
    """``blank_line_starts`` read off the sentences' ``_gaps``."""
    # most gaps are a space or a bare "\n\n": neither needs the search
    out = ["\n" in gap and ("\n\n" in gap or _BLANK.search(gap) is not None) for gap in gaps]
    if out:
        out[0] = True
    return out


def _gaps(text: str, sentences: Sequence[Sentence]) -> list[str]:
    """The text before each sentence from the end of the one before it (the first's from
    the text's start): cut once, where paragraph and blank-line starts each read them."""
    out = []
    previous = 0
    for sentence in sentences:
        span = sentence.span
        out.append(text[previous : span.start])
        previous = span.end
    return out


def quote_continues(text: str, sentences: Sequence[Sentence],
                    starts: Sequence[bool] | None = None) -> list[bool]:
    """For each sentence, whether it starts inside a quotation opened in an earlier
    sentence. A paragraph that opens with a quote mark while one is open continues it
    (the newspaper convention); one that does not closes it. ``sentences`` stand in text
    order, none overlapping another (as ``tokenize`` gives them). ``starts``: which
    sentences open a paragraph (``paragraph_starts`` when not given; the reader gives
    ``blank_line_starts``)."""
    if not _has_quote(text):
        return [False] * len(sentences)  # no quote mark opens anything
    # A paragraph as paragraph_starts reads it: a reflowed line break inside a
    # paragraph neither opens nor closes a quotation.
    if starts is None:
        starts = paragraph_starts(text, sentences)
    out = [False] * len(sentences)
    open_ = False
    after = 0  # the sentences before it are read
    for n, places in _holding(_mark_places(text), sentences):
        # Up to a sentence with a quote mark an open quotation stays open, but at a
        # paragraph's start, which opens with no quote mark: it closes there.
        while open_ and after < n:
            open_ = not starts[after]
            out[after] = open_
            after += 1
        after = n + 1
        span = sentences[n].span
        if open_ and n and starts[n]:
            open_ = _opens_at(text, span.start, span.end)
            if open_:
                out[n] = True
                # read on from the opening mark, its first (only spaces stand before it)
                open_ = _toggled(text, places[1:], places[0] + 1, span.end, True)
                continue
        out[n] = open_
        open_ = _toggled(text, places, span.start, span.end, open_)
    while open_ and after < len(sentences):
        open_ = not starts[after]
        out[after] = open_
        after += 1
    return out


def _holding(marks: Sequence[int], sentences: Sequence[Sentence]) -> list[tuple[int, list[int]]]:
    """The sentences (in text order) that hold one of the places ``marks`` (in order),
    each with the places it holds."""
    ends = [sentence.span.end for sentence in sentences]
    found: list[tuple[int, list[int]]] = []
    for mark in marks:
        k = bisect.bisect_right(ends, mark)
        if k < len(ends) and sentences[k].span.start <= mark:
            if found and found[-1][0] == k:
                found[-1][1].append(mark)
            else:
                found.append((k, [mark]))
    return found


def _mark_places(text: str) -> list[int]:
    """Where ``text`` has a double quote mark, in order, so each sentence asks a list
    whether it holds one rather than scanning its characters."""
    return char_places(text, _MARKS)


# Whether a double quote mark opens or closes a quotation is read from where it stands,
# never from its glyph: a straight mark has no direction, and curly ones are curled by
# software that guesses (a stray closing mark, or one curled the wrong way, is common in
# scraped text). So a text reads the same in straight and in curly quotes.
_MARKS = '"\u201c\u201d'

#: A mark right before one of these (or a space, or the end) closes a quotation...
_CLOSES_BEFORE = frozenset(".,;:!?)]}\u2014\u2013")
#: ...and right after one of these (or a space, or the start), before a word, opens one.
_OPENS_AFTER = frozenset("([{\u2014\u2013-:/")


def _has_quote(text: str) -> bool:
    """Whether ``text`` has a double quote mark (``in`` is many times faster than a search)."""
    return '"' in text or "\u201c" in text or "\u201d" in text


def _direction(text: str, i: int, start: int = 0, end: int | None = None) -> int:
    """``1`` if the quote mark at ``text[i]`` opens a quotation, ``-1`` if it closes
    one, ``0`` if its place does not tell (it stands between two words or two spaces).
    ``start``, ``end``: the bounds of the text read (the whole of it when not given),
    outside which a space stands."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < (len(text) if end is None else end) else " "
    if after in _CLOSES_BEFORE:
        return -1
    if after.isspace():
        return 0 if before.isspace() else -1
    return 1 if before.isspace() or before in _OPENS_AFTER else 0


def opens_with_quote(text: str) -> bool:
    """Whether ``text`` (a sentence, leading space stripped) opens with a quote mark."""
    return bool(text) and text[0] in _MARKS and _direction(text, 0) >= 0


def _opens_at(text: str, start: int, end: int) -> bool:
    """``opens_with_quote(text[start:end].lstrip())``, read in place: a sentence starts
    with its first word, so it is copied only when it does not."""
    if start >= end or text[start].isspace():
        return opens_with_quote(text[start:end].lstrip())
    return text[start] in _MARKS and _direction(text, start, start, end) >= 0


def _toggled(text: str, places: Iterable[int], start: int, end: int, open_: bool) -> bool:
    """Whether a quotation is open after ``text[start:end]``, given whether it was before,
    read in place: ``places`` are where its quote marks stand in ``text``. Each mark opens
    or closes as its place says, else it turns the state over."""
    for i in places:
        direction = _direction(text, i, start, end)
        open_ = direction > 0 if direction else not open_
    return open_


def opening_words(sentence: str, n: int = 6) -> str:
    """The first ``n`` words of a sentence, "…" when cut: how reports point to a sentence."""
    words = sentence.split(None, n)  # the n words and the rest, if any, unsplit
    return " ".join(words[:n]) + ("…" if len(words) > n else "")


def attribute(statement: Statement, sentences: Sequence[Sentence], *,
              table: SpeakerTable | None = None) -> tuple[Sentence, ...]:
    """Return the sentences with ``speaker``, ``side`` and ``voice`` filled in (see module doc)."""
    return _Reader(statement, sentences, default_speakers() if table is None else table).read()


def side_named(text: str, table: SpeakerTable | None = None) -> str | None:
    """The side a text is wholly the name of ("the Republic of Mali": ``mali``; a leading
    "the" is no part of a name), or ``None``."""
    sides = _lookup(default_speakers() if table is None else table).sides
    words = _words_of(text)
    start = 1 if words and words[0].low == "the" else 0
    hit = sides.at(words, start) if start < len(words) else None
    return hit[0] if hit is not None and start + hit[1] == len(words) else None


def same_side(name: str, other: str, table: SpeakerTable | None = None) -> bool:
    """True when two names are each wholly the name of one and the same side ("Mali" and
    "the Republic of Mali")."""
    found = side_named(name, table)
    return found is not None and found == side_named(other, table)
