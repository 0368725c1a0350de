"""What changed between two corresponding phrases, decided from their tokens.

rapidfuzz located the pair; here the tokens explain it: the wording (qualifiers,
substitutions, numeral form), the partnership rank, and the framing around it
(speaker, modality, intensity), each with the exact words that carry it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence

from .._models import Analysis, Marker, Phrase, ShiftType, Span, Tokens, _span
from ..text.normalize import BARRIER, numeric
from ..text.speakers import BOTH, SpeakerTable, opening_words, side_named
from .align import hunks
from .framing import Cue, WordingCues, _Found, _Framing, framing_cue, framing_of, framing_span, wording_cues
from .lift import list_members, raises_degree
from .sentences import runs
from .words import ARTICLES, C, V, Words

Finding = tuple[tuple[ShiftType, ...], tuple[str, ...], tuple[Marker, ...]]
#: Read off their class once: an enum member read off its class is a Python-level call (3.11).
_SPEAKER, _MODALITY, _INTENSITY = ShiftType.SPEAKER, ShiftType.MODALITY, ShiftType.INTENSITY


def voice(group: Sequence[Phrase]) -> str | None:
    """The side that voices a formula across its occurrences (``"both"`` when
    both sides do); ``None`` when only the outlet does."""
    if len(group) == 1:  # most formulas occur once: their side, if any
        return group[0].side or None
    sides = {p.side for p in group if p.side}
    if not sides:
        return None
    return BOTH if BOTH in sides or len(sides) > 1 else sides.pop()


def _words(phrase: Phrase, analysis: Analysis, wanted: Sequence[str], shift: ShiftType,
           statement: str) -> list[Marker]:
    """Markers on the words of ``phrase`` (of ``analysis``) whose folded parts are among ``wanted``."""
    want = set(wanted)
    found = []
    # The phrase's words are the tokens of its sentence in its span (which holds whole
    # tokens), folded when the statement was read: the word pattern, slow to run, is not
    # run over the phrase again.
    tokens = Tokens.of(analysis.sentences[phrase.sentence].tokens)
    span, ends, parts, text = phrase.span, tokens.ends, tokens.parts, analysis.statement.text
    for k in range(bisect_right(ends, span.start), bisect_right(ends, span.end)):
        if not want.isdisjoint(numeric(parts[k])):  # no set built per word
            start, end = tokens.start(k), ends[k]
            found.append(Marker(shift, statement, text[start:end], _span(start, end)))
    return found or [Marker(shift, statement, phrase.text, phrase.span)]


def _whole(shift: ShiftType, e: Phrase, l: Phrase) -> list[Marker]:
    return [Marker(shift, "earlier", e.text, e.span), Marker(shift, "later", l.text, l.span)]


_ARTICLES = frozenset({"a", "an", "the"})


def _content(phrase: Phrase) -> tuple[str, ...]:
    """The folded words of a phrase without articles ("for the new era" = "for a new era")
    and punctuation ("China + Central Asia")."""
    return tuple(w for w in phrase.key.split() if w not in _ARTICLES and w != BARRIER)


#: Words that join the nouns of a phrase its compound says without them ("crisis in
#: Ukraine" / "Ukraine crisis", "partnership of coordination" / "coordination partnership");
#: not "'s" or "on", which tell who does what to whom ("A's pressure on B").
_LINKS = frozenset({"of", "in"})


def _reordered(before: tuple[str, ...], after: tuple[str, ...]) -> bool:
    """Whether two wordings say the same words in another order ("ASEAN unity and
    centrality" / "ASEAN centrality and unity", "crisis in Ukraine" / "Ukraine crisis"):
    the same wording, for a word diff a rewording of nothing."""
    return before != after and sorted(w for w in before if w not in _LINKS) == sorted(
        w for w in after if w not in _LINKS)


def _acronym(phrase: Phrase) -> bool:
    text = phrase.text.replace(".", "")
    return " " not in text and len(text) <= 8 and text.isupper()


def wording(e: Phrase, l: Phrase, earlier: Analysis, later: Analysis) -> Finding:
    """Shifts in the wording and rank of two phrases (of ``earlier`` and ``later``); none when only case,
    quotes, hyphens, spacing, plurals, spelling or articles differ, when one
    side is the formula's acronym, or when the same words stand in another order."""
    found: list[ShiftType] = []
    details: list[str] = []
    markers: list[Marker] = []
    before: tuple[str, ...] = ()
    after = before
    if e.key != l.key:  # most pairs are one wording on both sides: only the rank can differ
        before, after = _content(e), _content(l)
        if _acronym(e) or _acronym(l) or _reordered(before, after):
            before = after  # "SCO" for "Shanghai Cooperation Organization": the same wording
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
                markers += _words(e, earlier, deleted, kind, "earlier")
            if inserted:
                markers += _words(l, later, inserted, kind, "later")
    if e.rank is not None and l.rank is not None and e.rank != l.rank:
        kind = ShiftType.RANK_UP if l.rank > e.rank else ShiftType.RANK_DOWN
        found.append(kind)
        details.append(f"{kind.value.replace('_', ' ')}: rank {e.rank} -> {l.rank}")
        markers += _whole(kind, e, l)
    return tuple(found), tuple(details), tuple(markers)


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
        if phrase.sentence not in out:
            sentence = analysis.sentences[phrase.sentence]
            words = opening_words(sentence.span.of(analysis.statement.text))
            out[phrase.sentence] = f'sentence {phrase.sentence + 1}, {sentence.speaker}: "{words}"'
    return "; ".join(out.values())


class Framed:
    """The framing shifts of two corresponding formula occurrences: who voices the formula,
    how firmly (modality) and how strongly (intensity). Their details and markers are
    written (``finding``) only for the shifts a report keeps: most are no finding between
    readouts of different meetings, where building them cost more than finding them."""

    __slots__ = ("analyses", "groups", "intensity", "kinds", "modal", "phrases", "voices")

    def __init__(self, kinds: tuple[ShiftType, ...], phrases: tuple[Phrase, Phrase],
                 analyses: tuple[Analysis, Analysis], groups: tuple[Sequence[Phrase], Sequence[Phrase]],
                 voices: tuple[str | None, str | None], framings: tuple[_Framing, _Framing]) -> None:
        #: The shift types found, in report order.
        self.kinds = kinds
        self.phrases, self.analyses, self.groups, self.voices = phrases, analyses, groups, voices
        (e_modal, e_intensity), (l_modal, l_intensity) = framings
        self.modal, self.intensity = (e_modal, l_modal), (e_intensity, l_intensity)

    def _wordings(self, kind: ShiftType) -> tuple[Sequence[_Found], Sequence[_Found]]:
        """The cue wordings of a modality or intensity shift, earlier and later."""
        if kind is _MODALITY:
            e_modal, l_modal = self.modal
            assert e_modal is not None
            assert l_modal is not None
            return (e_modal,), (l_modal,)
        return self.intensity

    def spans(self, kind: ShiftType) -> list[tuple[int, Span]]:
        """Where the cue words of a modality or intensity shift stand: ``(side, span)``,
        side 0 in the earlier statement, 1 in the later (its markers' spans)."""
        return [(side, framing_span(self.analyses[side], self.phrases[side], wording))
                for side, wordings in enumerate(self._wordings(kind)) for wording in wordings]

    def adjacent(self, kind: ShiftType) -> bool:
        """Whether a cue word of a modality or intensity shift stands right before its
        formula, nothing between."""
        for side, span in self.spans(kind):
            phrase, text = self.phrases[side], self.analyses[side].statement.text
            if span.end <= phrase.span.start and not text[span.end : phrase.span.start].strip():
                return True
        return False

    def finding(self, kinds: Sequence[ShiftType]) -> Finding:
        """The shifts of ``kinds`` (some of ``self.kinds``), with their details and markers."""
        found: list[ShiftType] = []
        details: list[str] = []
        markers: list[Marker] = []
        (e, l), (earlier, later) = self.phrases, self.analyses
        for kind in self.kinds:
            if kind not in kinds:
                continue
            found.append(kind)
            if kind is _SPEAKER:
                e_group, l_group = self.groups
                details.append(f"speaker: {self.voices[0]} -> {self.voices[1]} (earlier: "
                               f"{_carriers(e_group, earlier)}; later: {_carriers(l_group, later)})")
                for name, phrase, analysis in (("earlier", e, earlier), ("later", l, later)):
                    said = analysis.sentences[phrase.sentence].voice or phrase.span
                    markers.append(Marker(kind, name, said.of(analysis.statement.text), said))
                continue
            e_wordings, l_wordings = self._wordings(kind)
            e_cues = [framing_cue(earlier, e, kind.value, wording) for wording in e_wordings]
            l_cues = [framing_cue(later, l, kind.value, wording) for wording in l_wordings]
            if kind is _MODALITY:
                details.append(f"modality: {e_cues[0].text!r} -> {l_cues[0].text!r} "
                               f"({_direction(e_cues[0].level, l_cues[0].level)})")
            else:
                details.append(f"intensity: {_cue_words(e_cues)} -> {_cue_words(l_cues)} "
                               f"({_direction(sum(c.level for c in e_cues), sum(c.level for c in l_cues))})")
            markers += _cue_markers(kind, e_cues, "earlier")
            markers += _cue_markers(kind, l_cues, "later")
        return tuple(found), tuple(details), tuple(markers)


def framing_shifts(e: Phrase, l: Phrase, earlier: Analysis, later: Analysis,
                   e_group: Sequence[Phrase], l_group: Sequence[Phrase]) -> Framed | None:
    """The framing shifts found for two corresponding occurrences (``Framed``), ``None``
    when there is none (most pairs: no ``Framed`` is made for them)."""
    kinds: list[ShiftType] = []
    e_voice, l_voice = voice(e_group), voice(l_group)
    if e_voice and l_voice and e_voice != l_voice:
        kinds.append(_SPEAKER)
    e_framing, l_framing = framing_of(earlier, e), framing_of(later, l)
    (e_modal, e_intensity), (l_modal, l_intensity) = e_framing, l_framing
    if e_modal and l_modal and e_modal[2] != l_modal[2]:
        kinds.append(_MODALITY)
    # most formulas have no intensity wording on either side: no sums made for them
    if (e_intensity or l_intensity) and sum(c[2] for c in e_intensity) != sum(c[2] for c in l_intensity):
        kinds.append(_INTENSITY)
    if not kinds:
        return None
    return Framed(tuple(kinds), (e, l), (earlier, later), (e_group, l_group), (e_voice, l_voice),
                  (e_framing, l_framing))


def _part_markers(shift: ShiftType, words: Words, ks: Sequence[int], statement: str,
                  text: str) -> list[Marker]:
    """Markers on the tokens of some parts, one per run of adjacent tokens."""
    found = []
    for run in runs(sorted({words.owner[k] for k in ks})):
        span = Span(words.tokens[run[0]].span.start, words.tokens[run[-1]].span.end)
        found.append(Marker(shift, statement, span.of(text), span))
    return found


def _said(words: Words, first: int, last: int, text: str) -> str:
    """The changed words as they stand ("" when nothing stands there)."""
    return " ".join(words.span(first, last).of(text).split()) if last > first else ""


def _cue_text(words: Words, offset: int, cue: tuple[int, int, int] | None, text: str) -> str:
    """The cue's words, quoted, or ``none`` (unquoted: no word of the text) when there is none."""
    if cue is None:
        return "none"
    return repr(words.span(offset + cue[0], offset + cue[1]).of(text))


def _without(words: Words, ks: Sequence[int], shared: Counter[str]) -> list[int]:
    """``ks`` less one part per count of each word in ``shared``."""
    left = Counter(shared)
    kept = []
    for k in ks:
        if left[words.parts[k]] > 0:
            left[words.parts[k]] -= 1
        else:
            kept.append(k)
    return kept


def _member(words: Words, first: int, last: int, text: str) -> str:
    """A list member as it stands, without the article that may open it ("The Republic of Belarus")."""
    said = _said(words, first, last, text)
    return said[4:] if said[:4].lower() == "the " else said


def _member_shifts(e: Words, l: Words, lifted: tuple[int, int, int, int], texts: tuple[str, str],
                   table: SpeakerTable | None) -> Finding | None:
    """Members come and gone from a list of names, member by member, a name written in
    another form of itself ("Mali", "the Republic of Mali") being the same member:
    ``None`` when the lifted words are no list of names on both sides."""
    e1, e2, l1, l2 = lifted
    e_members, l_members = list_members(e, e1, e2), list_members(l, l1, l2)
    if e_members is None or l_members is None:
        return None
    said = ([_member(e, a, b, texts[0]) for a, b in e_members],
            [_member(l, a, b, texts[1]) for a, b in l_members])

    # Each member read once, as its words and as the side it names: a pairwise test of
    # every two members was quadratic in a long list.
    keys = [[(x.lower(), side_named(x, table)) for x in side] for side in said]
    names = [{word for word, _ in side} for side in keys]
    sides = [{found for _, found in side if found is not None} for side in keys]
    gone = [k for k, (word, found) in enumerate(keys[0]) if word not in names[1] and found not in sides[1]]
    new = [k for k, (word, found) in enumerate(keys[1]) if word not in names[0] and found not in sides[0]]
    if not gone and not new:
        return (), (), ()  # the same members, reordered or in other forms of their names
    found: list[ShiftType] = []
    details: list[str] = []
    markers: list[Marker] = []
    e_parts = [k for m in gone for k in range(*e_members[m])]
    l_parts = [k for m in new for k in range(*l_members[m])]
    if len(gone) == 1 and len(new) == 1:
        found.append(ShiftType.SUBSTITUTION)
        details.append(f"substitution: {said[0][gone[0]]!r} -> {said[1][new[0]]!r}")
        markers += _part_markers(ShiftType.SUBSTITUTION, e, e_parts, "earlier", texts[0])
        markers += _part_markers(ShiftType.SUBSTITUTION, l, l_parts, "later", texts[1])
        return tuple(found), tuple(details), tuple(markers)
    if gone:
        found.append(ShiftType.QUALIFIER_DROPPED)
        details += [f"qualifier dropped: {said[0][k]!r}" for k in gone]
        markers += _part_markers(ShiftType.QUALIFIER_DROPPED, e, e_parts, "earlier", texts[0])
    if new:
        found.append(ShiftType.QUALIFIER_ADDED)
        details += [f"qualifier added: {said[1][k]!r}" for k in new]
        markers += _part_markers(ShiftType.QUALIFIER_ADDED, l, l_parts, "later", texts[1])
    return tuple(found), tuple(details), tuple(markers)


def _content_of(words: Words, offset: int, cue: tuple[int, int, int] | None) -> set[int]:
    """The content words of a modality cue found at ``offset`` (positions from ``offset``)."""
    return set() if cue is None else {k for k in range(cue[0], cue[1]) if words.classes[offset + k] == C}


def edit_shifts(e: Words, l: Words, core: tuple[int, int, int, int], lifted: tuple[int, int, int, int],
                texts: tuple[str, str], ranks: tuple[int | None, int | None],
                table: SpeakerTable | None = None) -> Finding:
    """The shift types of one word-level edit: framing cues first read off the
    changed words (commitment, stance ladders, intensifiers), then what is left
    of the changed content words (qualifier added or dropped, substitution,
    numeral form), and the partnership rank of the formulas it touches. A cue
    swapped for another of the same strength ("firmly" -> "in the strongest terms")
    is still a change of wording: a substitution, never nothing."""
    i1, i2, j1, j2 = core
    e1, e2, l1, l2 = lifted
    members = _member_shifts(e, l, lifted, texts, table)
    if members is not None:
        return members
    e_text, l_text = texts
    e_core, l_core = range(i1 - e1, i2 - e1), range(j1 - l1, j2 - l1)
    e_cues, l_cues = wording_cues(e.parts[e1:e2], e_core), wording_cues(l.parts[l1:l2], l_core)
    modality = _modality(e, l, e_cues, l_cues, (e1, l1), (e_core, l_core), texts)
    intensity = _intensity(e, l, e_cues, l_cues, (e1, l1), (e_core, l_core), texts)
    found: list[ShiftType] = []
    details: list[str] = []
    markers: list[Marker] = []
    # Cue words are set apart only when they carry a shift; else they are changed words like any
    # ("zero tolerance for ..." -> "commitment to ...": a substitution, not a qualifier dropped).
    e_cov, l_cov = (e_cues.covered(), l_cues.covered()) if modality or intensity else (set(), set())
    if modality:
        # A commitment verb that is a cue ("should explore" -> "will establish") is still
        # a word changed: the verb swapped is a substitution beside the modality shift.
        e_cov -= _content_of(e, e1, e_cues.modality)
        l_cov -= _content_of(l, l1, l_cues.modality)
    e_rest = [k for k in range(i1, i2) if k - e1 not in e_cov and e.classes[k] in (C, V)]
    l_rest = [k for k in range(j1, j2) if k - l1 not in l_cov and l.classes[k] in (C, V)]
    if not any(e.classes[k] == C for k in e_rest) and not any(l.classes[k] == C for k in l_rest) \
            and not (e_rest and l_rest):
        # Only a reporting verb went or came with a framing cue ("expressed concern" ->
        # "condemned"): the cue carries the shift.
        e_rest, l_rest = [], []
    # A word on both sides of the run only moved inside it (a list reordered around a
    # new conjunct: "and fair" -> "fair and credible"): what changed is the rest.
    shared = Counter(e.parts[k] for k in e_rest) & Counter(l.parts[k] for k in l_rest)
    if shared and sum(shared.values()) < max(len(e_rest), len(l_rest)):
        e_rest, l_rest = _without(e, e_rest, shared), _without(l, l_rest, shared)
    before = tuple(e.parts[k] for k in e_rest)
    after = tuple(l.parts[k] for k in l_rest)
    said = (_said(e, i1, i2, e_text), _said(l, j1, j2, l_text))
    if before or after:
        # quote what changed besides a framing cue, which is reported as its own shift
        rest = (_said(e, e_rest[0], e_rest[-1] + 1, e_text) if e_rest else "",
                _said(l, l_rest[0], l_rest[-1] + 1, l_text) if l_rest else "")
        if before and after and numeric(before) == numeric(after):
            kind, note = ShiftType.NUMERAL_FORM, f"{rest[0]!r} -> {rest[1]!r}"
        elif before and after:
            kind, note = ShiftType.SUBSTITUTION, f"{rest[0]!r} -> {rest[1]!r}"
        elif after:
            kind, note = ShiftType.QUALIFIER_ADDED, repr(rest[1])
        else:
            kind, note = ShiftType.QUALIFIER_DROPPED, repr(rest[0])
        found.append(kind)
        details.append(f"{kind.value.replace('_', ' ')}: {note}")
        markers += _part_markers(kind, e, e_rest, "earlier", e_text) if e_rest else []
        markers += _part_markers(kind, l, l_rest, "later", l_text) if l_rest else []
    if ranks[0] is not None and ranks[1] is not None and ranks[0] != ranks[1]:
        kind = ShiftType.RANK_UP if ranks[1] > ranks[0] else ShiftType.RANK_DOWN
        found.append(kind)
        details.append(f"{kind.value.replace('_', ' ')}: rank {ranks[0]} -> {ranks[1]}")
        markers += _part_markers(kind, e, range(e1, e2), "earlier", e_text)
        markers += _part_markers(kind, l, range(l1, l2), "later", l_text)
    if modality is not None:
        found.append(ShiftType.MODALITY)
        details.append(modality[0])
        markers += modality[1]
    if intensity is not None:
        found.append(ShiftType.INTENSITY)
        details.append(intensity[0])
        markers += intensity[1]
    changed = [k for k in range(i1, i2) if e.parts[k] not in ARTICLES] + [
        k for k in range(j1, j2) if l.parts[k] not in ARTICLES]
    if not found and changed:
        # Words only taken out or only put in are never "replaced by nothing".
        kind = ShiftType.SUBSTITUTION if i2 > i1 and j2 > j1 else \
            ShiftType.QUALIFIER_ADDED if j2 > j1 else ShiftType.QUALIFIER_DROPPED
        found.append(kind)
        note = f"{said[0]!r} -> {said[1]!r}" if kind is ShiftType.SUBSTITUTION else \
            repr(said[1] if j2 > j1 else said[0])
        details.append(f"{kind.value.replace('_', ' ')}: {note}")
        markers += _part_markers(kind, e, range(i1, i2), "earlier", e_text) if i2 > i1 else []
        markers += _part_markers(kind, l, range(j1, j2), "later", l_text) if j2 > j1 else []
    return tuple(found), tuple(details), tuple(markers)


def _modality(e: Words, l: Words, e_cues: WordingCues, l_cues: WordingCues, offsets: tuple[int, int],
              cores: tuple[range, range], texts: tuple[str, str]) -> tuple[str, list[Marker]] | None:
    """A modality shift: the commitment-ladder level of the changed words moved."""
    e1, l1 = offsets
    e_mod, l_mod = e_cues.modality, l_cues.modality
    if not (e_mod and any(e_mod[0] <= k < e_mod[1] for k in cores[0])) \
            and not (l_mod and any(l_mod[0] <= k < l_mod[1] for k in cores[1])):
        return None
    # A plain statement with no modal cue reads as level 3 ("should"): firmer than a hope.
    e_level, l_level = (e_mod[2] if e_mod else 3), (l_mod[2] if l_mod else 3)
    if e_level == l_level:
        return None
    note = (f"modality: {_cue_text(e, e1, e_mod, texts[0])} -> "
            f"{_cue_text(l, l1, l_mod, texts[1])} ({_direction(e_level, l_level)})")
    markers: list[Marker] = []
    for words, offset, cue, statement, text in ((e, e1, e_mod, "earlier", texts[0]),
                                                (l, l1, l_mod, "later", texts[1])):
        if cue:
            where = range(offset + cue[0], offset + cue[1])
            markers += _part_markers(ShiftType.MODALITY, words, where, statement, text)
    return note, markers


def _degree(words: Words, offset: int, where: range) -> list[tuple[int, int, int]]:
    """Intensity cues ``(start, end, +1)``, relative to ``offset``, of a comparative or
    superlative degree word with its adjective among the changed words ("most
    significant", "more serious"): an adjective raised in degree is intensified."""
    return [(k, k + 2, 1) for k in where if raises_degree(words, offset + k)]


def _intensity(e: Words, l: Words, e_cues: WordingCues, l_cues: WordingCues, offsets: tuple[int, int],
               cores: tuple[range, range], texts: tuple[str, str]) -> tuple[str, list[Marker]] | None:
    """An intensity shift: a move on a stance ladder, else a change in the sum of
    intensifiers and hedges among the changed words."""
    e1, l1 = offsets
    e_core, l_core = cores

    def inside(cue: tuple[int, int], where: range) -> bool:
        return any(cue[0] <= k < cue[1] for k in where)

    def mark(words: Words, offset: int, cues: Sequence[tuple[int, int]], statement: str,
             text: str) -> list[Marker]:
        ks = [offset + k for a, b in cues for k in range(a, b)]
        return _part_markers(ShiftType.INTENSITY, words, ks, statement, text) if ks else []

    for name, ea, eb, e_rung in e_cues.rungs:
        for other, la, lb, l_rung in l_cues.rungs:
            if other == name and e_rung != l_rung and (inside((ea, eb), e_core) or inside((la, lb), l_core)):
                note = (f"intensity: {e.span(e1 + ea, e1 + eb).of(texts[0])!r} -> "
                        f"{l.span(l1 + la, l1 + lb).of(texts[1])!r} ({_direction(e_rung, l_rung)})")
                return note, mark(e, e1, [(ea, eb)], "earlier", texts[0]) + mark(
                    l, l1, [(la, lb)], "later", texts[1])
    e_int = [c for c in e_cues.intensity if inside(c[:2], e_core)] + _degree(e, e1, e_core)
    l_int = [c for c in l_cues.intensity if inside(c[:2], l_core)] + _degree(l, l1, l_core)
    e_sum, l_sum = sum(c[2] for c in e_int), sum(c[2] for c in l_int)
    if e_sum == l_sum:
        return None
    words = (", ".join(repr(e.span(e1 + a, e1 + b).of(texts[0])) for a, b, _ in e_int) or "none",
             ", ".join(repr(l.span(l1 + a, l1 + b).of(texts[1])) for a, b, _ in l_int) or "none")
    note = f"intensity: {words[0]} -> {words[1]} ({_direction(e_sum, l_sum)})"
    return note, mark(e, e1, [c[:2] for c in e_int], "earlier", texts[0]) + mark(
        l, l1, [c[:2] for c in l_int], "later", texts[1])
