"""What changed between two corresponding phrases, decided from their tokens.

rapidfuzz located the pair; here the tokens explain it: the wording (qualifiers,
substitutions, numeral form), the partnership rank, and the framing around it
(speaker, modality, intensity), each with the exact words that carry it.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from .._models import Analysis, Marker, Phrase, ShiftType, Span
from ..text.normalize import BARRIER, fold_token, numeric, word_spans
from ..text.speakers import BOTH, opening_words
from .align import hunks
from .framing import Cue, framing

Finding = tuple[tuple[ShiftType, ...], tuple[str, ...], tuple[Marker, ...]]


def voice(group: Sequence[Phrase]) -> str | None:
    """The side that voices a formula across its occurrences (``"both"`` when
    both sides do); ``None`` when only the outlet does."""
    sides = {p.side for p in group if p.side}
    if not sides:
        return None
    return BOTH if BOTH in sides or len(sides) > 1 else sides.pop()


def _words(phrase: Phrase, wanted: Sequence[str], shift: ShiftType, statement: str) -> list[Marker]:
    """Markers on the words of ``phrase`` whose folded parts are among ``wanted``."""
    want = set(wanted)
    found = []
    for start, end in word_spans(phrase.text):
        parts = set(numeric(fold_token(phrase.text[start:end])))
        if parts & want:
            span = Span(phrase.span.start + start, phrase.span.start + end)
            found.append(Marker(shift, statement, phrase.text[start:end], span))
    return found or [Marker(shift, statement, phrase.text, phrase.span)]


def _whole(shift: ShiftType, e: Phrase, l: Phrase) -> list[Marker]:
    return [Marker(shift, "earlier", e.text, e.span), Marker(shift, "later", l.text, l.span)]


_ARTICLES = frozenset({"a", "an", "the"})


def _content(phrase: Phrase) -> tuple[str, ...]:
    """The folded words of a phrase without articles ("for the new era" = "for a new era")
    and punctuation ("China + Central Asia")."""
    return tuple(w for w in phrase.key.split() if w not in _ARTICLES and w != BARRIER)


def _acronym(phrase: Phrase) -> bool:
    text = phrase.text.replace(".", "")
    return " " not in text and len(text) <= 8 and text.isupper()


def wording(e: Phrase, l: Phrase) -> Finding:
    """Shifts in the wording and rank of two phrases; none when only case,
    quotes, hyphens, spacing, plurals, spelling or articles differ, or when one
    side is the formula's acronym."""
    before, after = _content(e), _content(l)
    found: list[ShiftType] = []
    details: list[str] = []
    markers: list[Marker] = []
    if _acronym(e) or _acronym(l):
        before = after  # "SCO" for "Shanghai Cooperation Organization" is the same wording
    if before != after and numeric(before) == numeric(after):
        found.append(ShiftType.NUMERAL_FORM)
        details.append(f"numeral form: {e.text!r} -> {l.text!r}")
        markers += _whole(ShiftType.NUMERAL_FORM, e, l)
    elif before != after:
        for deleted, inserted in hunks(numeric(before), numeric(after)):
            if deleted and inserted:
                kind, note = ShiftType.SUBSTITUTION, f"{' '.join(deleted)!r} -> {' '.join(inserted)!r}"
            elif inserted:
                kind, note = ShiftType.QUALIFIER_ADDED, repr(" ".join(inserted))
            else:
                kind, note = ShiftType.QUALIFIER_DROPPED, repr(" ".join(deleted))
            if kind not in found:
                found.append(kind)
            details.append(f"{kind.value.replace('_', ' ')}: {note}")
            if deleted:
                markers += _words(e, deleted, kind, "earlier")
            if inserted:
                markers += _words(l, inserted, kind, "later")
    if e.rank is not None and l.rank is not None and e.rank != l.rank:
        kind = ShiftType.RANK_UP if l.rank > e.rank else ShiftType.RANK_DOWN
        found.append(kind)
        details.append(f"{kind.value.replace('_', ' ')}: rank {e.rank} -> {l.rank}")
        markers += _whole(kind, e, l)
    return tuple(found), tuple(details), tuple(markers)


def _same_sentence(analysis: Analysis, phrase: Phrase) -> list[Phrase]:
    """The phrases of ``phrase``'s sentence (phrases are in text order: bisect by span)."""
    start, end = phrase.sentence_span.start, phrase.sentence_span.end
    lo = bisect.bisect_left(analysis.phrases, start, key=lambda p: p.span.start)
    hi = bisect.bisect_left(analysis.phrases, end, key=lambda p: p.span.start)
    return list(analysis.phrases[lo:hi])


def _direction(before: int, after: int) -> str:
    return "stronger" if after > before else "weaker"


def _cue_words(cues: Sequence[Cue]) -> str:
    return ", ".join(repr(c.text) for c in cues) or "none"


def _cue_markers(shift: ShiftType, cues: Sequence[Cue], statement: str) -> list[Marker]:
    return [Marker(shift, statement, c.text, c.span) for c in cues]


def _carriers(group: Sequence[Phrase], analysis: Analysis) -> str:
    """The sentences that voice a formula, so a reader can check a speaker claim:
    'sentence 3, Wang Yi: "Standing at a new historical…"'."""
    out: dict[int, str] = {}
    for phrase in group:
        sentence = analysis.sentences[phrase.sentence]
        words = opening_words(sentence.span.of(analysis.statement.text))
        out.setdefault(phrase.sentence, f'sentence {phrase.sentence + 1}, {sentence.speaker}: "{words}"')
    return "; ".join(out.values())


def framing_shifts(e: Phrase, l: Phrase, earlier: Analysis, later: Analysis,
                   e_group: Sequence[Phrase], l_group: Sequence[Phrase]) -> Finding:
    """Shifts in who voices the formula, how firmly (modality) and how strongly (intensity)."""
    found: list[ShiftType] = []
    details: list[str] = []
    markers: list[Marker] = []
    e_voice, l_voice = voice(e_group), voice(l_group)
    if e_voice and l_voice and e_voice != l_voice:
        found.append(ShiftType.SPEAKER)
        details.append(f"speaker: {e_voice} -> {l_voice} (earlier: {_carriers(e_group, earlier)}; "
                       f"later: {_carriers(l_group, later)})")
        for name, phrase, analysis in (("earlier", e, earlier), ("later", l, later)):
            said = analysis.sentences[phrase.sentence].voice or phrase.span
            markers.append(Marker(ShiftType.SPEAKER, name, said.of(analysis.statement.text), said))
    e_mod, e_int = framing(e, earlier.sentences[e.sentence], _same_sentence(earlier, e),
                           earlier.statement.text)
    l_mod, l_int = framing(l, later.sentences[l.sentence], _same_sentence(later, l),
                           later.statement.text)
    if e_mod and l_mod and e_mod.level != l_mod.level:
        found.append(ShiftType.MODALITY)
        details.append(f"modality: {e_mod.text!r} -> {l_mod.text!r} "
                       f"({_direction(e_mod.level, l_mod.level)})")
        markers += _cue_markers(ShiftType.MODALITY, [e_mod], "earlier")
        markers += _cue_markers(ShiftType.MODALITY, [l_mod], "later")
    e_sum, l_sum = sum(c.level for c in e_int), sum(c.level for c in l_int)
    if e_sum != l_sum:
        found.append(ShiftType.INTENSITY)
        details.append(f"intensity: {_cue_words(e_int)} -> {_cue_words(l_int)} "
                       f"({_direction(e_sum, l_sum)})")
        markers += _cue_markers(ShiftType.INTENSITY, e_int, "earlier")
        markers += _cue_markers(ShiftType.INTENSITY, l_int, "later")
    return tuple(found), tuple(details), tuple(markers)
