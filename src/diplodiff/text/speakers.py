"""Who voices each sentence: "Wang said", "Tokayev noted that", "Both sides agreed".

Rules, in order, for each sentence:

1. A subject right before a reporting verb ("Wang Yi emphasized", ", Wang
   said", "Kazakhstan appreciates") names the speaker: a person from the table,
   a side ("China", "the Kazakh side"), the two sides together ("both sides",
   "the two sides", "they" after a joint sentence), or "he"/"she" for the last
   person named.
2. A sentence opening with "Both sides"/"The two sides" is voiced by both.
3. Otherwise reported speech carries over from the previous sentence of the
   same paragraph; a paragraph that quotes nobody is the outlet's own voice.

People and sides come from a table (``data/speakers.toml``; extend it with
``SpeakerTable.merged``) so that any pair of countries works the same way.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from importlib.resources import files
from pathlib import Path

import attrs
from attrs import frozen

from .._errors import LexiconError
from .._models import Sentence, Span, Statement
from .normalize import BARRIER, fold_text

BOTH = "both"
OUTLET = "outlet"
_REPORTING = frozenset(fold_text(
    "said say says stated stressed emphasized emphasised noted added pointed expressed agreed "
    "believe believes believed hold holds welcomed welcomes appreciated appreciates praised praises "
    "commended reaffirmed reiterated recalled conveyed urged called hoped hopes told underlined "
    "highlighted affirmed announced proposed suggested voiced acknowledged congratulated "
    "regards regarded supports supported thanked thanks concluded"))
_SKIP = frozenset(fold_text("also further then again fully highly both all once repeatedly"))
_GROUPS = tuple(fold_text(g) for g in (
    "both sides", "the two sides", "two sides", "both countries", "the two countries",
    "the two leaders", "the two presidents", "the two heads of state", "the two foreign ministers",
    "the two ministers", "the ministers", "the leaders", "both leaders", "both parties", "they"))
_PRONOUNS = frozenset({"he", "she"})
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")


@frozen
class SpeakerTable:
    """Office holders and country names, mapping words to speakers and sides."""

    people: tuple[tuple[str, tuple[str, ...], str], ...]
    sides: tuple[tuple[str, tuple[str, ...]], ...]

    def merged(self, other: SpeakerTable) -> SpeakerTable:
        """Return this table with ``other``'s people and sides added (``other`` wins)."""
        return SpeakerTable((*other.people, *self.people), (*other.sides, *self.sides))


@functools.cache
def _names(table: SpeakerTable) -> dict[tuple[str, ...], tuple[str, str]]:
    names: dict[tuple[str, ...], tuple[str, str]] = {}
    for side, words in reversed(table.sides):
        for word in (side, *words):
            names[fold_text(word)] = (side, side)
            names[("the", *fold_text(word))] = (side, side)
    for person, aliases, side in reversed(table.people):
        for word in (person, *aliases):
            names[fold_text(word)] = (person, side)
    for group in _GROUPS:
        names[group] = ("both sides", BOTH)
    return names


def parse_speakers(text: str, *, name: str) -> SpeakerTable:
    """Parse a speaker table (TOML, see ``data/speakers.toml``)."""
    try:
        data = tomllib.loads(text)
        people = tuple((p["name"], tuple(p.get("aliases", ())), p["side"]) for p in data.get("person", []))
        sides = tuple((s["id"], tuple(s.get("names", ()))) for s in data.get("side", []))
    except (tomllib.TOMLDecodeError, KeyError, TypeError) as exc:
        msg = f"is not a valid speaker table ({exc}); see docs/shift-types.md for the format"
        raise LexiconError(name, msg) from None
    return SpeakerTable(people, sides)


@functools.cache
def default_speakers() -> SpeakerTable:
    """Return the speaker table shipped with diplodiff."""
    text = files("diplodiff").joinpath("_data").joinpath("speakers.toml").read_text(encoding="utf-8")
    return parse_speakers(text, name="builtin speakers")


def load_speakers(path: str | Path) -> SpeakerTable:
    """Load a user speaker table file (same format as the builtin one)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(str(path), f"cannot be read ({exc}); give a UTF-8 TOML file") from None
    return parse_speakers(text, name=str(path))


def _subject(words: Sequence[str], end: int, names: dict[tuple[str, ...], tuple[str, str]],
             ) -> tuple[tuple[str, str] | None, int]:
    """The speaker named by the words just before ``end``, and where the name starts."""
    while end > 0 and (words[end - 1] in _SKIP or words[end - 1].endswith("ly")) \
            and words[end - 1] != "both":
        end -= 1
    for length in (4, 3, 2, 1):
        if end - length >= 0 and (found := names.get(tuple(words[end - length : end]))):
            return found, end - length
    return None, end


def _opening_side(words: Sequence[str], names: dict[tuple[str, ...], tuple[str, str]],
                  ) -> tuple[tuple[str, str] | None, int]:
    """A sentence that opens with a side as its subject ("China is willing to")."""
    for length in (4, 3, 2, 1):
        found = names.get(tuple(words[:length]))
        if found and found[0] == found[1] and len(words) > length \
                and words[length] not in {"and", BARRIER, "'s"}:
            return found, length
    return None, 0


def attribute(statement: Statement, sentences: Sequence[Sentence], *,
              table: SpeakerTable | None = None) -> tuple[Sentence, ...]:
    """Return the sentences with ``speaker`` and ``side`` filled in (see module doc)."""
    names = _names(default_speakers() if table is None else table)
    outlet = statement.get("outlet") or statement.source or OUTLET
    out: list[Sentence] = []
    current: tuple[str, str | None] = (outlet, None)
    voice: Span | None = None
    last_person: tuple[str, str] | None = None
    previous_end = 0
    for sentence in sentences:
        if _BLANK_LINE.search(statement.text, previous_end, sentence.span.start):
            current, voice = (outlet, None), None
        previous_end = sentence.span.end
        owner = [t for t in sentence.tokens for p in t.parts]
        words = [p for t in sentence.tokens for p in t.parts]
        found: tuple[str, str] | None = None
        said = Span(sentence.span.start, sentence.span.start)
        for i, word in enumerate(words):
            if word in _REPORTING and i > 0:
                if words[i - 1] in _PRONOUNS and last_person:
                    found, start = last_person, i - 1
                else:
                    found, start = _subject(words, i, names)
                if found:
                    said = Span(owner[start].span.start, owner[i].span.end)
                    break
        opening = words[2:] if len(words) > 2 and words[1] == BARRIER else words  # "Additionally, they"
        skipped = len(words) - len(opening)
        group = next((n for n in (3, 2, 1) if n <= len(opening) and tuple(opening[:n]) in _GROUPS), 0)
        if found is None and group and (opening[:1] != ["they"] or current[1] in (None, BOTH)):
            found = ("both sides", BOTH)
            said = Span(owner[skipped].span.start, owner[skipped + group - 1].span.end)
        if found is None and current[1] in (None, BOTH):
            found, length = _opening_side(opening, names)
            if found:
                said = Span(owner[skipped].span.start, owner[skipped + length - 1].span.end)
        if found is not None and found[0] == found[1] == current[1]:
            found = None  # "Kazakhstan appreciates" inside Nurtleu's words stays Nurtleu's
        if found is not None:
            voice = said
            if found[0] == "both sides" and words[:1] == ["they"] and current[1] not in (None, BOTH):
                found = (current[0], current[1] or BOTH)
            current = found
            if found[1] not in (BOTH, found[0]):
                last_person = found
        out.append(attrs.evolve(sentence, speaker=current[0], side=current[1], voice=voice))
    return tuple(out)
