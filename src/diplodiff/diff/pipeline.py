"""compare(): wires tokenizing, phrase finding, alignment and classification."""

from __future__ import annotations

import functools
import gc
import os
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from itertools import accumulate

import attrs

from .._models import (
    Analysis,
    Change,
    ChangeKind,
    Comparison,
    Marker,
    Origin,
    Passage,
    Phrase,
    Sentence,
    SentenceLink,
    ShiftType,
    Span,
    Statement,
    Tokens,
    _change,
    _passage,
)
from .._options import DEFAULT_OPTIONS, Options
from ..find.discover import find_phrases, is_reportable
from ..find.lexicon import Lexicon, default_lexicon
from ..read.files import load_statement
from ..text.normalize import BARRIER, fold_text, function_words, has_unusual, stopwords
from ..text.speakers import BOTH, OUTLET, SpeakerTable, attribute, blank_line_starts
from ..text.tokens import tokenize
from .align import pair, ratio
from .classify import Framed, edit_shifts, framing_shifts, wording
from .edits import edits
from .lift import bearing, list_members, verb_and_object
from .sentences import align_sentences, is_revision, linked_sides, passages, sentence_parts
from .summary import summarize
from .terms import conjunct, key_terms, stated_clauses
from .updates import is_dateline
from .words import (
    ARTICLES,
    CLAUSE_WORDS,
    A,
    C,
    F,
    N,
    V,
    Words,
    lexicon_hits,
    phrase_starts,
    phrases_at,
    sentence_edge,
    widen,
    words_of,
)

# Enum members read off their class once: under Python 3.11 each such read (``Origin.LEXICON``)
# is a Python-level call, as ``EnumType`` defines ``__getattr__``; the hot loops read these.
_LEXICON, _DISCOVERED = Origin.LEXICON, Origin.DISCOVERED
_ADDED, _DROPPED, _KEPT, _SHIFTED = ChangeKind.ADDED, ChangeKind.DROPPED, ChangeKind.KEPT, ChangeKind.SHIFTED
#: Distinct lexicon formulas are distinct on purpose; only the rungs of the
#: partnership ladder are read as one label moving up or down.
_LADDER = "partnership_label"
#: Added to ``Statement.notes`` by ``analyse`` when matching had to look through the text.
UNUSUAL_NOTE = ("text has invisible, compatibility or look-alike characters (soft hyphens, "
                "zero-width or bidi marks, fullwidth or Cyrillic letters); matched as plain letters")


def analyse(statement: Statement | str | os.PathLike[str], *, lexicon: Lexicon | None = None,
            options: Options = DEFAULT_OPTIONS, speakers: SpeakerTable | None = None) -> Analysis:
    """Tokenize a statement, attribute its sentences to speakers and find its phrases.

    Args:
        statement: The statement to read, or the path of a file to load it from
            (``load_statement``).
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings; ``options.lexicon=False`` skips the lexicon.
        speakers: Office holders and sides; the builtin table when ``None``.
    """
    statement = _statement(statement, options, "analyse")
    if has_unusual(statement.text) and UNUSUAL_NOTE not in statement.notes:
        statement = attrs.evolve(statement, notes=(*statement.notes, UNUSUAL_NOTE))
    # A long statement makes millions of acyclic objects (see paused_gc: ~0.4 s of 1.7 s at 2 MB);
    # short ones, analysed by the thousand in a timeline, leave the collector alone.
    with paused_gc() if len(statement.text) >= _PAUSE_AT else nullcontext():
        sentences = attribute(statement, tokenize(statement), table=speakers)
        lexicon = default_lexicon() if lexicon is None else lexicon
        return Analysis(statement, sentences,
                        find_phrases(statement, sentences, lexicon=lexicon, options=options))


#: Text length (characters) from which ``analyse`` pauses the garbage collector.
_PAUSE_AT = 100_000


def extract_phrases(statement: Statement | str | os.PathLike[str], *, lexicon: Lexicon | None = None,
                    options: Options = DEFAULT_OPTIONS,
                    speakers: SpeakerTable | None = None) -> tuple[Phrase, ...]:
    """Return the lexicon formulas and discovered phrases of one statement
    (arguments as for ``analyse``).

    >>> from diplodiff import Statement
    >>> s = Statement(id="x", text="Both sides will build a community with a shared future.")
    >>> [p.canonical for p in extract_phrases(s) if p.origin.value == "lexicon"]
    ['community with a shared future']
    """
    return analyse(_statement(statement, options, "extract_phrases"), lexicon=lexicon, options=options,
                   speakers=speakers).phrases


#: Word endings of English adjectives: a chunk that opens with one reads as a
#: formula-like noun phrase ("economic coercion"), not a verb and its particle.
_ADJECTIVE = ("ic", "al", "ive", "ous", "ful", "ary", "ent", "ant", "ible", "able", "ian", "ese", "ing")
#: Most discovered chunks, beyond the reportable phrases, listed as key phrases of one passage.
MAX_KEY_CHUNKS = 4


def key_score(phrase: Phrase, vocabulary: Collection[str]) -> int:
    """How formula-like a discovered chunk of a passage is: 0 when it is not a key phrase.

    A key chunk has at least two content words; it scores one per word that the
    register's formulas use (the lexicon vocabulary) and one when it opens with
    an adjective. Lexicon formulas, names, quoted and recurring phrases are key
    phrases whatever their score (``is_reportable``).
    """
    words = _content_words(phrase.key)
    if len(words) < 2:
        return 0
    return sum(map(vocabulary.__contains__, words)) + words[0].endswith(_ADJECTIVE)


#: Shift types read off their class once (see ``_LEXICON``), and kept in tuples: a
#: shift type is found in one by identity, where a set hashes it at a Python-level call.
_MODALITY, _INTENSITY, _SPEAKER = ShiftType.MODALITY, ShiftType.INTENSITY, ShiftType.SPEAKER
_CUES = (_MODALITY, _INTENSITY)
_FRAMES = (_MODALITY, _INTENSITY, _SPEAKER)


def _within_shifts(shift: Sequence[ShiftType], allowed: Sequence[ShiftType]) -> bool:
    """Whether every shift type of ``shift`` is one of ``allowed`` (by identity)."""
    for kind in shift:  # noqa: SIM110 (a generator for all() cost more than the test)
        if kind not in allowed:
            return False
    return True


class _Pairing:
    """Builds the changes between two analysed statements (the formula inventory).

    What does not depend on the passages is worked out once (the pairs' changes, which
    formulas are listed): a second reading with more passages takes it from the first."""

    def __init__(self, earlier: Analysis, later: Analysis, *, recurring: Collection[str],
                 vocabulary: Collection[str]) -> None:
        self.earlier, self.later = earlier, later
        self.e_groups, self.l_groups = earlier.groups(), later.groups()
        self.groups = (self.e_groups, self.l_groups)
        self.recurring = frozenset(recurring)
        self.vocabulary = vocabulary
        self.kept: list[Change] | None = None
        self.paired: dict[tuple[int, int], Change] = {}
        #: The framing shifts found for a pair (by the ids of its phrases), if any: added to
        #: its change where the report weighs them (``_Inventory.framed``).
        self.framings: dict[tuple[int, int], Framed] = {}
        self.listed: tuple[dict[str, bool], dict[str, bool]] = ({}, {})
        self.scores: tuple[dict[str, int], dict[str, int]] = ({}, {})
        # What both readings share: the formulas of one side only (each with whether it
        # is listed), and the pairs across.
        self.only: tuple[list[tuple[str, bool]], list[tuple[str, bool]]] | None = None
        self.crossed: dict[tuple[tuple[str, ...], tuple[str, ...], float], list[Change]] = {}

    def is_listed(self, formula: str, side: int) -> bool:
        """``is_reportable`` of a formula of one side (0 earlier, 1 later)."""
        listed = self.listed[side].get(formula)
        if listed is None:
            listed = self.listed[side][formula] = is_reportable(self.groups[side][formula],
                                                                recurring=self.recurring)
        return listed

    def key_chunk(self, formula: str, side: int) -> bool:
        """Whether a formula not listed (``is_listed``) with an occurrence in a new or
        dropped passage is still reported: a formula-like chunk (``key_score``)."""
        score = self.scores[side].get(formula)
        if score is None:
            score = self.scores[side][formula] = key_score(self.groups[side][formula][0], self.vocabulary)
        return score > 0

    def change(self, e: Phrase, l: Phrase) -> Change:
        """A kept or shifted change for two corresponding occurrences (built once per pair)."""
        found = self.paired.get((id(e), id(l)))
        if found is not None:
            return found
        shift, details, markers = wording(e, l, self.earlier, self.later)
        if e.origin is _LEXICON:  # framing is read around curated formulas only
            framed = framing_shifts(e, l, self.earlier, self.later, self.e_groups[e.formula],
                                    self.l_groups[l.formula])
            if framed is not None:
                self.framings[(id(e), id(l))] = framed
        kind = _SHIFTED if shift else _KEPT
        found = self.paired[(id(e), id(l))] = _change(
            kind, e, l, shift=shift, score=ratio(e.key, l.key), earlier_count=len(self.e_groups[e.formula]),
            later_count=len(self.l_groups[l.formula]), details=details, markers=markers)
        return found

    def same(self, formula: str) -> list[Change]:
        """Changes within one formula found on both sides: one for a wording that
        recurs, and one per pair of wordings that differ (paired by similarity)."""
        e_group, l_group = self.e_groups[formula], self.l_groups[formula]
        if len(e_group) == 1 and len(l_group) == 1:
            # One occurrence a side (most formulas): one change, whether the wordings
            # are one (common) or two (paired at threshold 0, which pairs any two).
            return [self.change(e_group[0], l_group[0])]
        e_forms = {p.key: p for p in reversed(e_group)}
        l_forms = {p.key: p for p in reversed(l_group)}
        common = [k for k in e_forms if k in l_forms]
        changes = [self.change(e_forms[common[0]], l_forms[common[0]])] if common else []
        e_rest = [p for k, p in e_forms.items() if k not in l_forms]
        l_rest = [p for k, p in l_forms.items() if k not in e_forms]
        if e_rest and l_rest:
            found = pair([p.key for p in e_rest], [p.key for p in l_rest], threshold=0.0)
            changes += [self.change(e_rest[i], l_rest[j]) for i, j, _ in found]
        return changes

    def across(self, earlier: list[str], later: list[str], threshold: float) -> list[Change]:
        """Pair formulas found on one side only, by similarity of their first wording
        (once for both readings when they offer the same formulas)."""
        key = (tuple(earlier), tuple(later), threshold)
        found = self.crossed.get(key)
        if found is None:
            found = self.crossed[key] = [
                self.change(self.e_groups[earlier[i]][0], self.l_groups[later[j]][0])
                for i, j, _ in pair([self.e_groups[k][0].key for k in earlier],
                                    [self.l_groups[k][0].key for k in later], threshold=threshold)]
        return found

    def changes(self, options: Options, in_passage: tuple[set[str], set[str]],
                ) -> tuple[list[Change], list[str], list[str]]:
        """The inventory's pairs (kept or shifted changes), and the formulas of one side
        only worth reporting (dropped, added), with ``in_passage`` holding the formulas
        with an occurrence in a dropped (0) or new (1) passage."""
        if self.only is None:
            rec = self.recurring
            self.only = ([(k, is_reportable(g, recurring=rec)) for k, g in self.e_groups.items()
                          if k not in self.l_groups],
                         [(k, is_reportable(g, recurring=rec)) for k, g in self.l_groups.items()
                          if k not in self.e_groups])
            for listed, only in zip(self.listed, self.only, strict=True):
                listed.update(only)  # what ``is_listed`` answers for them
        if self.kept is None:
            self.kept = [c for k in self.e_groups if k in self.l_groups for c in self.same(k)]
        changes = list(self.kept)
        taken: tuple[set[str], set[str]] = (set(), set())  # a list's remove per pair was quadratic
        # Each side's formulas worth reporting, and among them the ladder's rungs and the
        # plain chunks (only those are paired across), sorted out in one pass.
        picked: tuple[list[str], list[str]] = ([], [])
        ladder: tuple[list[str], list[str]] = ([], [])
        plain: tuple[list[str], list[str]] = ([], [])
        for side, groups in enumerate(self.groups):
            chosen, rungs, chunks, inside = picked[side], ladder[side], plain[side], in_passage[side]
            for k, reportable in self.only[side]:
                # The one rule (``is_reportable``), widened to the key chunks of the passages.
                if reportable or (k in inside and self.key_chunk(k, side)):
                    chosen.append(k)
                    category = groups[k][0].category
                    if category is None:
                        chunks.append(k)
                    elif category == _LADDER:
                        rungs.append(k)
        before, after = picked
        for (left, right), threshold in ((ladder, 0.0), (plain, options.match_threshold)):
            for change in self.across(left, right, threshold):
                changes.append(change)
                assert change.earlier is not None
                assert change.later is not None
                taken[0].add(change.earlier.formula)
                taken[1].add(change.later.formula)
        return changes, [k for k in before if k not in taken[0]], [k for k in after if k not in taken[1]]


def _name_lists(e: Words, l: Words, lifted: tuple[int, int, int, int]) -> bool:
    """Whether an edit's lifted words are a list of names on both sides: members come
    or gone ("Kazakhstan, ..." -> "Belarus, Iran, Kazakhstan, ..."), not a clause."""
    e1, e2, l1, l2 = lifted
    return list_members(e, e1, e2) is not None and list_members(l, l1, l2) is not None


def _voice_swap(earlier: Analysis, later: Analysis, e: Words, l: Words, core: tuple[int, int, int, int],
                ) -> tuple[tuple[ShiftType, ...], tuple[str, ...], tuple[Marker, ...]] | None:
    """A speaker shift when the changed words on both sides are the words that name who
    speaks, and the sentence passed between one side and both ("Minister Delorme
    underlined ..." -> "The ministers underlined ..."): a position taken jointly or
    alone, not a qualifier dropped. One person for another stays the name swapped."""
    i1, i2, j1, j2 = core
    if i2 <= i1 or j2 <= j1:
        return None
    es = earlier.sentences[e.sentence_of[e.owner[i1]]]
    ls = later.sentences[l.sentence_of[l.owner[j1]]]
    if es.voice is None or ls.voice is None or es.side == ls.side or BOTH not in (es.side, ls.side) \
            or not (_overlaps(e.span(i1, i2), (es.voice,)) and _overlaps(l.span(j1, j2), (ls.voice,))):
        return None
    names = [_voice_name(s) for s in (es, ls)]
    return ((_SPEAKER,), (f"speaker: {names[0]} -> {names[1]}",),
            (Marker(_SPEAKER, "earlier", es.voice.of(earlier.statement.text), es.voice),
             Marker(_SPEAKER, "later", ls.voice.of(later.statement.text), ls.voice)))


#: Most shared words a change of speaker is quoted with (what is said, up to punctuation).
_SAID_REACH = 12


def _said(earlier: Analysis, later: Analysis, e: Words, l: Words, lifted: tuple[int, int, int, int],
          ) -> tuple[int, int, int, int] | None:
    """The lift of a change of who speaks grown over what they say: the shared words after
    it up to punctuation ("Minister Delorme -> The ministers" + "underlined the importance of
    the Canada-Mexico Action Plan"), or, when no punctuation comes within ``_SAID_REACH``
    words, the verb and what it governs (no clause cut at random); but not into a curated
    formula (a finding of its own, which carries the speaker shift) and less the function
    words it would end on; ``None`` when nothing is left."""
    e1, e2, l1, l2 = lifted
    k = 0
    while _same_part(e, l, e2 + k, l2 + k):
        k += 1
        if k > _SAID_REACH:
            k = verb_and_object(e, l, e2, l2, k)
            break
    for analysis, w, first, last in ((earlier, e, e1, e2), (later, l, l1, l2)):
        for hit in lexicon_hits(analysis, w.span(last, last + k)) if k else ():
            while k and hit.span.start < w.span(first, last + k).end:
                k -= 1  # a curated formula in what is said is a finding of its own
    while k and e.classes[e2 + k - 1] not in (C, V):
        k -= 1
    return (e1, e2 + k, l1, l2 + k) if k else None


def _as_discovered(phrase: Phrase) -> Phrase:
    """A quoted wording as a discovered phrase of its own, not the formula it holds."""
    return attrs.evolve(phrase, formula="~" + phrase.key, canonical=phrase.key, category=None, rank=None,
                        origin=_DISCOVERED)


def _voice_name(sentence: Sentence) -> str:
    """Who voices a sentence, as the report names a side ("both" for both sides)."""
    return sentence.speaker if sentence.side != BOTH and sentence.speaker else (sentence.side or OUTLET)


def _nested(key: str, keys: str) -> bool:
    """True when a wording stands inside a longer formula of the other statement
    ("South China Sea" inside "Code of Conduct in the South China Sea"): not gone.
    ``keys`` holds the other statement's formula wordings, each framed by "|"."""
    inner = f" {key} "
    at = keys.find(inner)
    while at >= 0:
        if keys[at - 1] != "|" or keys[at + len(inner)] != "|":
            return True  # inside a longer wording, not the same one
        at = keys.find(inner, at + 1)
    return False


class _SpanSet:
    """Spans answering "does any overlap / hold this span?" by bisection: starts sorted,
    with the furthest end reached so far (a scan per query made many edits quadratic)."""

    def __init__(self, spans: Sequence[Span]) -> None:
        ordered = sorted(spans, key=lambda s: s.start)
        self.starts = [s.start for s in ordered]
        self.reach = list(accumulate((s.end for s in ordered), max))

    def __len__(self) -> int:
        return len(self.starts)

    def _furthest(self, count: int) -> int:
        return self.reach[count - 1] if count else -1

    def overlaps(self, span: Span) -> bool:
        return bool(self.starts) and self._furthest(bisect_left(self.starts, span.end)) > span.start

    def holds(self, span: Span) -> bool:
        return bool(self.starts) and self._furthest(bisect_right(self.starts, span.start)) >= span.end


def _overlaps(span: Span, spans: Sequence[Span] | _SpanSet) -> bool:
    if isinstance(spans, _SpanSet):
        return spans.overlaps(span)
    return any(span.start < s.end and s.start < span.end for s in spans)


def _formulas_inside(analysis: Analysis, spans: Sequence[Span]) -> set[str]:
    """The formulas with an occurrence inside one of ``spans``."""
    found: set[str] = set()
    if not spans:
        return found
    # Phrases are in text order: the ones starting in a span are found by bisection,
    # not by a scan of every phrase for each reading of the inventory.
    phrases, starts = analysis.phrases, phrase_starts(analysis)
    for span in spans:
        lo = bisect_left(starts, span.start)
        for phrase in phrases[lo : bisect_right(starts, span.end, lo)]:
            if phrase.span.end <= span.end:
                found.add(phrase.formula)
    return found


def _placed(group: Sequence[Phrase], places: Sequence[tuple[int, int, str]]) -> str | None:
    """The id of the first passage (``places``: its start, end and id) that holds the
    first occurrence in one; ``None`` when no passage holds one."""
    for phrase in group:
        at = phrase.span.start
        for start, end, pid in places:
            if start <= at < end:
                return pid
    return None


def _trim(analysis: Analysis, words: Words, first: int, last: int, core: tuple[int, int],
          *, cut: bool = True) -> tuple[int, int, list[Phrase]]:
    """Lifted parts cut back before a formula that only the context reaches into
    (a formula is a phrase of its own, unless ``cut`` is false), and the formulas
    that overlap the change."""
    c1, c2 = core
    if c2 > c1:
        text_at = words.span(c1, c2)
    else:
        # An insertion stands between the words around it, or inside the token whose
        # parts it falls between ("COVID-[...]19"): the span from one to the other.
        before = words.span(c1 - 1, c1).end if c1 > first else words.span(c1, c1 + 1).start
        after = words.span(c1, c1 + 1).start if c1 < last else words.span(c1 - 1, c1).end
        text_at = Span(min(before, after), max(before, after))
    held = []
    for hit in lexicon_hits(analysis, words.span(first, last)):
        if (hit.span.start < text_at.end and text_at.start < hit.span.end) or (
                c1 == c2 and hit.span.start <= text_at.start and text_at.end <= hit.span.end):
            held.append(hit)
            continue
        if not cut:
            continue
        if hit.span.end > words.span(first, last).end:
            while last > c2 and words.span(last - 1, last).end > hit.span.start:
                last -= 1
        if hit.span.start < words.span(first, last).start:
            while first < c1 and words.span(first, first + 1).start < hit.span.end:
                first += 1
    while last > max(c2, first + 1) and words.classes[last - 1] in (A, N, F):
        last -= 1
    while first < min(c1, last - 1) and words.classes[first] in (A, N, F):
        first += 1
    whole = words.span(first, last)
    held += [h for h in lexicon_hits(analysis, whole) if h not in held
             and whole.start <= h.span.start and h.span.end <= whole.end]
    return first, last, held


def _lifted_phrase(analysis: Analysis, words: Words, first: int, last: int, *, keep: Sequence[Phrase],
                   core: tuple[int, int], whole: bool = True) -> Phrase:
    """A phrase for lifted parts ``first .. last - 1``, enriched by the lexicon formula
    that holds the change (taken whole unless ``whole`` is false)."""
    first, last, hits = _trim(analysis, words, first, last, core, cut=whole)
    span = widen(words.span(first, last), hits) if whole else words.span(first, last)
    text = analysis.statement.text
    s_first = analysis.sentences[words.sentence_of[words.owner[first]]]
    s_last = analysis.sentences[words.sentence_of[words.owner[last - 1]]]
    for h in hits:
        s_first = min(s_first, analysis.sentences[h.sentence], key=lambda s: s.index)
        s_last = max(s_last, analysis.sentences[h.sentence], key=lambda s: s.index)
    key = " ".join(fold_text(span.of(text)))
    hit: Phrase | None = next((h for h in hits if h in keep), hits[0] if hits else None)
    return Phrase(
        statement_id=analysis.statement.id, text=span.of(text), span=span, sentence=s_first.index,
        sentence_span=Span(s_first.span.start, s_last.span.end), key=key,
        formula=hit.formula if hit else "~" + key, canonical=hit.canonical if hit else key,
        category=hit.category if hit else None, rank=hit.rank if hit else None,
        origin=_LEXICON if hit else _DISCOVERED, speaker=s_first.speaker, side=s_first.side,
        marks=("edited",),
    )


def _to_variants(earlier: Analysis, later: Analysis, e: Words, l: Words, lift: tuple[int, int, int, int],
                 e_hits: Sequence[Phrase], l_hits: Sequence[Phrase]) -> tuple[int, int, int, int] | None:
    """The lift grown alike on both sides to a formula that one side's variant holds past
    it, when the other side says the same formula only in the shared words it reaches ("carbon
    neutrality by 2060" -> "carbon neutrality by 2050": the variant with the year holds
    "2050", the other is "carbon neutrality"); ``None`` when nothing grows. Quoted as lifted,
    the change would read as the formula added and its year gone unreported."""
    e1, e2, l1, l2 = lift
    back = ahead = 0
    for w, lo, hi, hits, other, o_lo, o_hi, o_analysis, o_hits in (
            (e, e1, e2, e_hits, l, l1, l2, later, l_hits), (l, l1, l2, l_hits, e, e1, e2, earlier, e_hits)):
        for hit in hits:
            if any(h.formula == hit.formula for h in o_hits):
                continue  # the lift reaches the formula on both sides: quoted as lifted
            first, last = lo, hi
            while first > 0 and not w.breaks[first] and w.span(first - 1, first).start >= hit.span.start:
                first -= 1
            while last < len(w.parts) and not w.breaks[last] and w.span(last, last + 1).end <= hit.span.end:
                last += 1
            b, a = lo - first, last - hi
            if not (b or a) or o_lo - b < 0 or o_hi + a > len(other.parts) \
                    or other.parts[o_lo - b : o_lo] != w.parts[first:lo] \
                    or other.parts[o_hi : o_hi + a] != w.parts[hi:last]:
                continue
            reach = other.span(o_lo - b, o_hi + a)  # never empty: it grew by ``b`` or ``a``
            if any(h.formula == hit.formula for h in lexicon_hits(o_analysis, reach)):
                back, ahead = max(back, b), max(ahead, a)
    if not (back or ahead):
        return None
    return e1 - back, e2 + ahead, l1 - back, l2 + ahead


def _held(e_hits: Sequence[Phrase], e_core: Span | None, l_hits: Sequence[Phrase], l_core: Span | None,
          ) -> tuple[Phrase, Phrase] | None:
    """The two lexicon formulas that hold a change whole, one on each side, if there are."""
    def holding(hits: Sequence[Phrase], core: Span | None) -> list[Phrase]:
        if core is None:
            return list(hits)
        return [h for h in hits if h.span.start <= core.start and core.end <= h.span.end]

    e, l = holding(e_hits, e_core), holding(l_hits, l_core)
    if len(e) == 1 and len(l) == 1 and (e_core is not None or l_core is not None):
        return e[0], l[0]
    return None


def _within(inner: tuple[tuple[str, ...], tuple[str, ...]],
            outer: tuple[tuple[str, ...], tuple[str, ...]]) -> bool:
    """True when each side of one edit stands, word for word, inside that side of another."""
    return all(f" {' '.join(a)} " in f" {' '.join(b)} " if a else not b
               for a, b in zip(inner, outer, strict=True))


class _SeenEdits:
    """Edits already reported, found again by a shared word rather than a scan of all
    (a scan made many edits quadratic). An edit is the same as one seen when either
    stands word for word inside the other (``_within``); candidates are the seen edits
    sharing one of its words used by at most ``_COMMON`` of them."""

    _COMMON = 64

    def __init__(self) -> None:
        self.edits: list[tuple[tuple[tuple[str, ...], tuple[str, ...]], int]] = []
        self.postings: dict[str, list[int]] = {}

    @staticmethod
    def _words(edit: tuple[tuple[str, ...], tuple[str, ...]]) -> set[str]:
        return {w for side in edit for w in side} or {""}

    def same(self, edit: tuple[tuple[str, ...], tuple[str, ...]]) -> int | None:
        """The change index of the first seen edit that is the same as ``edit``, if any."""
        candidates: set[int] = set()
        for word in self._words(edit):
            posting = self.postings.get(word, ())
            if len(posting) <= self._COMMON:
                candidates.update(posting)
        for n in sorted(candidates):
            seen, index = self.edits[n]
            if _within(edit, seen) or _within(seen, edit):
                return index
        return None

    def add(self, edit: tuple[tuple[str, ...], tuple[str, ...]], index: int) -> None:
        """Remember ``edit`` as reported by change ``index``."""
        for word in self._words(edit):
            self.postings.setdefault(word, []).append(len(self.edits))
        self.edits.append((edit, index))


def _names(analysis: Analysis, span: Span) -> list[Phrase]:
    """The named things that overlap a span: discovered names and lexicon formulas
    (partnership labels aside: they are rungs of one ladder)."""
    return [p for p in phrases_at(analysis, span)
            if "name" in p.marks or (p.origin is _LEXICON and p.category != _LADDER)]


def _content_words(key: str) -> list[str]:
    """The words of a folded wording that are no function word, in order."""
    skip, words = _no_content(), key.split()
    # Most wordings hold no function word: the set's test in C spares them the filter.
    return [w for w in words if w not in skip] if not skip.isdisjoint(words) else words


@functools.cache
def _no_content() -> frozenset[str]:
    """Function words and the sentence barrier: no content word."""
    return function_words() | {BARRIER}


def _content(phrase: Phrase) -> set[str]:
    """The words of a wording that are no function word."""
    return set(_content_words(phrase.key))


def _unrelated(e: Phrase, l: Phrase) -> bool:
    """Whether two wordings an edit put in one place are no shift of one formula: no
    content word in common, different formulas, and a curated formula on one side
    ("underlying drivers of the drought" -> "a glacier survey") or a clause on each (a clause
    rewritten into another). A curated formula is reworded only into its own variants
    or a wording that keeps a word of it; two short discovered wordings ("firm
    stance" -> "resolute posture") have no formula to compare with and stay a shift."""
    if e.formula == l.formula:
        return False
    content = [_content(e), _content(l)]
    if (content[0] & content[1]) - (_possessors(e) & _possessors(l)):
        return False
    return _LEXICON in (e.origin, l.origin) or min(map(len, content)) >= CLAUSE_WORDS


def _possessors(phrase: Phrase) -> set[str]:
    """The words of a wording that own what follows them ("brazil" in "Brazil's G20
    presidency"): the same owner of two different things makes no shift of one."""
    parts = phrase.key.split()
    return {parts[k] for k in range(len(parts) - 1) if parts[k + 1] == "'s"}


def _formula_conjunct(analysis: Analysis, w: Words, first: int, last: int) -> Phrase | None:
    """The curated formula that parts ``first .. last - 1`` join to a noun before them,
    when they are "and" (or "or") and exactly that formula ("green hydrogen | and
    critical raw materials"); ``None`` otherwise."""
    if last - first < 2 or first == 0 or w.parts[first] not in ("and", "or") or w.classes[first - 1] != C:
        return None
    span = w.span(first + 1, last)
    return next((h for h in lexicon_hits(analysis, span)
                 if h.span == span and h.category != _LADDER), None)


def _qualified(e: Words, l: Words, core: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The lift of a short one-sided edit: the content words both sides share right
    after it, with their noun's "of" or "for" complement (else the content words right
    before it) in its sentence, with the edit; ``None`` when none stands next to it."""
    i1, i2, j1, j2 = core
    e_at = e.sentence_of[e.owner[min(i1, len(e.parts) - 1)]]
    l_at = l.sentence_of[l.owner[min(j1, len(l.parts) - 1)]]

    def shared(i: int, j: int) -> bool:
        return (0 <= i < len(e.parts) and 0 <= j < len(l.parts) and e.parts[i] == l.parts[j]
                and e.classes[i] in (C, V) and l.classes[j] in (C, V)
                and e.sentence_of[e.owner[i]] == e_at and l.sentence_of[l.owner[j]] == l_at)

    after = 0
    while shared(i2 + after, j2 + after):
        after += 1
    if after:
        after += _of_complement(e, l, i2 + after, j2 + after)
        return (i1, i2 + after, j1, j2 + after)
    before = 0
    while shared(i1 - before - 1, j1 - before - 1):
        before += 1
    return (i1 - before, i2, j1 - before, j2) if before else None


def _of_complement(e: Words, l: Words, i: int, j: int) -> int:
    """How many parts from ``i`` (``j``), the same on both sides, make the "of" or "for"
    complement of the noun before them ("full support [for MONUSCO]"): the preposition, an
    article, content words joined by "of"; 0 when none follows."""
    if not (_same_part(e, l, i, j) and e.parts[i] in ("of", "for")):
        return 0
    k = end = 1
    while _same_part(e, l, i + k, j + k):
        if e.classes[i + k] == C:
            k += 1
            end = k
        elif e.parts[i + k] in ARTICLES or (e.parts[i + k] == "of" and end > 1):
            k += 1
        else:
            break
    return end if end > 1 else 0


#: Most function words between a one-sided edit and the shared words it is quoted with.
_BRIDGE = 3


def _bridged(e: Words, l: Words, core: tuple[int, int, int, int]) -> tuple[int, int, int, int] | None:
    """The lift of a short one-sided edit with no content word next to it ("influence on
    [Russia] to bring about"): the edit with the shared words out to the nearest content
    word on each side, over at most ``_BRIDGE`` function words and no punctuation; else,
    when the edit opens or closes its sentence, over the one comma that parts it from the
    rest ("[Without delay,] the parties must withdraw"); ``None`` when there is none. A
    content word that came or went is a change of its sentence though nothing qualifies it."""
    i1, i2, j1, j2 = core
    for cross in (False, True):
        right = _reach(e, l, core, 1, cross)
        left = _reach(e, l, core, -1, cross)
        if left or right:
            return i1 - left, i2 + right, j1 - left, j2 + right
    return None


def _reach(e: Words, l: Words, core: tuple[int, int, int, int], step: int, cross: bool) -> int:
    """How many shared parts from the edge of an edit (``step`` 1: after it, -1: before it)
    reach the nearest content word (0: none within ``_BRIDGE`` function words); with
    ``cross``, over the punctuation right at the edge, inside the edit's sentence."""
    i1, i2, j1, j2 = core
    i, j = (i2, j2) if step > 0 else (i1 - 1, j1 - 1)
    for k in range(_BRIDGE + 1):
        x, y = i + step * k, j + step * k
        if not (0 <= x < len(e.parts) and 0 <= y < len(l.parts)):
            return 0
        # the punctuation between this part and the one nearer the edit
        gap_e, gap_l = (x, y) if step > 0 else (x + 1, y + 1)
        if (_broken(e, gap_e) or _broken(l, gap_l)) and not (
                cross and k == 0 and sentence_edge(e, i1, i2, step) and sentence_edge(l, j1, j2, step)
                and _one_sentence(e, i1, i2, x) and _one_sentence(l, j1, j2, y)):
            return 0
        if e.classes[x] in (C, V):
            return k + 1
    return 0


def _one_sentence(w: Words, first: int, last: int, k: int) -> bool:
    """Whether part ``k`` stands in the sentence of parts ``first .. last - 1`` (any, when none)."""
    return last == first or w.sentence_of[w.owner[k]] == w.sentence_of[w.owner[first]]


def _same_part(e: Words, l: Words, i: int, j: int) -> bool:
    """Whether part ``i`` of ``e`` and part ``j`` of ``l`` are one word, no punctuation before it."""
    return i < len(e.parts) and j < len(l.parts) and e.parts[i] == l.parts[j] \
        and not e.breaks[i] and not l.breaks[j]


def _broken(w: Words, k: int) -> bool:
    """Whether punctuation comes before part ``k`` (none after the last part)."""
    return k < len(w.parts) and w.breaks[k]


class _Edited:
    """Word-level changes inside corresponding sentences, and the clauses they add or drop.

    One real change is one finding: an edit repeated word for word in several
    sentences (a minister's name) is reported once, with its count; an edit that
    swaps one named thing or formula for a different one ("Visiting Forces
    Agreement" -> "Enhanced Defense Cooperation Agreement") is the first dropped
    and the second added, as the inventory would report them.
    """

    def __init__(self, earlier: Analysis, later: Analysis, links: Sequence[SentenceLink],
                 threshold: float, *, revision: bool = True, speakers: SpeakerTable | None = None) -> None:
        self.changes: list[Change] = []
        self.swaps: list[tuple[Phrase, Phrase]] = []
        self.claimed: tuple[list[Span], list[Span]] = ([], [])
        # Where the edits read a metadata update (an event renumbered, a date): no finding.
        self.updated: tuple[list[Span], list[Span]] = ([], [])
        self.clauses: list[tuple[ChangeKind, int, Span]] = []
        # Wordings (earlier, later) of edits that put another wording in a curated
        # formula's place: no rewording of it, each side a finding of its own.
        self.unpaired: tuple[list[Phrase], list[Phrase]] = ([], [])
        texts = (earlier.statement.text, later.statement.text)
        seen = _SeenEdits()
        lists: set[tuple[SentenceLink, tuple[int, int, int, int]]] = set()
        # Readouts of different meetings share templates, not text: the few sentences
        # that look alike are not one sentence edited, and the inventory carries the report.
        for edit, e, l in edits(earlier, later, links, speakers, updated=self.updated) if revision else ():
            i1, i2, j1, j2 = edit.core
            e1, e2, l1, l2 = edit.lift
            e_content = sum(c == C for c in e.classes[i1:i2])
            l_content = sum(c == C for c in l.classes[j1:j2])
            if (i1 == i2) != (j1 == j2) and max(e_content, l_content) < CLAUSE_WORDS:
                # A noun phrase joined to a kept one by "and" ("a ceasefire and the release
                # of all hostages") is a topic of its own that came or went, not a qualifier
                # of the phrase before it; so is a curated formula joined to a list ("...,
                # sustainable mobility and critical raw materials"): formulas are distinct.
                added = i1 == i2
                side_words, lo, hi = (l, j1, j2) if added else (e, i1, i2)
                analysis = later if added else earlier
                start = conjunct(side_words, lo, hi)
                formula = _formula_conjunct(analysis, side_words, lo, hi)
                if formula is not None:
                    self.unpair(added, formula)
                    self.claimed[added].append(formula.span)
                    continue
                if start is not None:
                    phrase = _term_phrase(analysis, side_words, start, hi)
                    self.unpaired[added].append(phrase)
                    self.claimed[added].append(phrase.span)
                    continue
            if (e1 == e2 or l1 == l2) and max(e_content, l_content) < CLAUSE_WORDS:
                # A word or two gone from (or come into) a kept sentence with nothing
                # lifted around it ("their complete support" -> "their support") is no
                # clause: it is the wording it qualified, shifted; on its own it would
                # quote a bare modifier. Nothing to qualify: the shared words around it.
                head = _qualified(e, l, edit.core)
                if head is None:
                    # Nothing to qualify, but a curated formula among the words came or
                    # went ("the Gang Suppression Force | authorized by the UN Security
                    # Council"): that is a finding wherever it stands.
                    added = i1 == i2
                    side_words, analysis, lo, hi = (l, later, j1, j2) if added else (e, earlier, i1, i2)
                    span = side_words.span(lo, hi)
                    held_formula = False
                    for hit in lexicon_hits(analysis, span):
                        if span.start <= hit.span.start and hit.span.end <= span.end:
                            self.unpair(added, hit)
                            self.claimed[added].append(hit.span)
                            held_formula = True
                    if held_formula or not (any(c in (C, V) for c in e.classes[i1:i2] + l.classes[j1:j2])
                                            or bearing(e.parts[i1:i2] + l.parts[j1:j2])):
                        continue
                    head = _bridged(e, l, edit.core)
                    if head is None:
                        continue
                edit = attrs.evolve(edit, lift=head)
                e1, e2, l1, l2 = head
            clause = (e_content == 0 and l_content >= CLAUSE_WORDS) or (
                l_content == 0 and e_content >= CLAUSE_WORDS)
            if e1 == e2 or l1 == l2 or (clause and not _name_lists(e, l, edit.lift)):
                if e_content and i2 > i1:
                    self.clause(_DROPPED, e, i1, i2)
                if l_content and j2 > j1:
                    self.clause(_ADDED, l, j1, j2)
                continue
            if self.swapped(earlier, later, e, l, edit.core, threshold):
                continue
            words = (e.parts[i1:i2], l.parts[j1:j2])
            e_hits = lexicon_hits(earlier, e.span(e1, e2))
            l_hits = lexicon_hits(later, l.span(l1, l2))
            grown = _to_variants(earlier, later, e, l, edit.lift, e_hits, l_hits)
            if grown is not None:
                edit = attrs.evolve(edit, lift=grown)
                e1, e2, l1, l2 = grown
                e_hits = lexicon_hits(earlier, e.span(e1, e2))
                l_hits = lexicon_hits(later, l.span(l1, l2))
            held = _held(e_hits, e.span(i1, i2) if i2 > i1 else None, l_hits,
                         l.span(j1, j2) if j2 > j1 else None)
            # A formula around the edit on both sides, but holding it on one side only
            # (two variants of different extent): quote the lifted words alike on both.
            whole = held is not None or not ({h.formula for h in e_hits} & {h.formula for h in l_hits})
            if held and held[0].formula == held[1].formula:
                if _same_but(held[0].key, words[0], held[1].key, words[1]):
                    continue  # two wordings of one formula: the inventory reads them (acronym, numeral form)
                # The lexicon matched two variants of different extent around the edit:
                # quote the lifted words, alike on both sides, not the two variants.
                held, whole = None, False
            if held:
                e_phrase, l_phrase = held  # the formula is the phrase that holds the change
            else:
                e_phrase = _lifted_phrase(earlier, e, e1, e2, keep=e_hits, core=(i1, i2), whole=whole)
                l_phrase = _lifted_phrase(later, l, l1, l2, keep=l_hits, core=(j1, j2), whole=whole)
            if _unrelated(e_phrase, l_phrase):
                # Each side on its own: the curated formula (once, however many edits
                # touch it) and the other wording, a clause of its own when it is one.
                # A clause is a passage: like a clause inserted or cut, it claims no
                # words, and the formulas in it are its key phrases ("approved the
                # Comprehensive Plan" -> "instructed ... to finalize the draft SCO
                # Development Strategy" has that name under it).
                sides = ((_DROPPED, e, e_phrase, e1, e2, e_hits),
                         (_ADDED, l, l_phrase, l1, l2, l_hits))
                for kind, side_words, phrase, lo, hi, hits in sides:
                    if phrase.origin is not _LEXICON and len(_content(phrase)) >= CLAUSE_WORDS:
                        self.clause(kind, side_words, lo, hi)
                        continue
                    self.claimed[kind is _ADDED].append(phrase.span)
                    if phrase.origin is _LEXICON:
                        self.unpair(kind is _ADDED,
                                    next((h for h in hits if h.formula == phrase.formula), phrase))
                    else:
                        self.unpaired[kind is _ADDED].append(phrase)
                continue
            if _name_lists(e, l, edit.lift):
                # A list is read whole, member by member, whichever of its edits reaches it:
                # two edits of one list are one finding.
                if (edit.link, edit.lift) in lists:
                    continue
                lists.add((edit.link, edit.lift))
            ranks = (max((h.rank for h in e_hits if h.rank is not None), default=None),
                     max((h.rank for h in l_hits if h.rank is not None), default=None))
            voiced = _voice_swap(earlier, later, e, l, edit.core)
            if voiced is not None:
                shift, details, markers = voiced
                said = _said(earlier, later, e, l, edit.lift)
                if said is not None:
                    # Who speaks changed: quoted with what they say, a phrase of its own.
                    e_phrase = _as_discovered(_lifted_phrase(earlier, e, said[0], said[1], keep=(),
                                                             core=(i1, i2), whole=False))
                    l_phrase = _as_discovered(_lifted_phrase(later, l, said[2], said[3], keep=(),
                                                             core=(j1, j2), whole=False))
            elif edit.runs:
                # Several runs in one noun phrase: each says what it changed.
                shift, details, markers = (), (), ()
                for run in edit.runs:
                    r_shift, r_details, r_markers = edit_shifts(e, l, run, edit.lift, texts, ranks, speakers)
                    shift += tuple(t for t in r_shift if t not in shift)
                    details += tuple(d for d in r_details if d not in details)
                    markers += r_markers
            else:
                shift, details, markers = edit_shifts(e, l, edit.core, edit.lift, texts, ranks, speakers)
            if not shift:
                continue
            self.claimed[0].append(e_phrase.span)
            self.claimed[1].append(l_phrase.span)
            same = seen.same(words)
            if same is not None:
                # The same edit again ("Villacorta" -> "Lagdameo" after "Ramon
                # Villacorta" -> "Teresita Lagdameo"): one real change, counted.
                first = self.changes[same]
                self.changes[same] = attrs.evolve(first, earlier_count=first.earlier_count + 1,
                                                  later_count=first.later_count + 1)
                continue
            seen.add(words, len(self.changes))
            self.changes.append(Change(_SHIFTED, e_phrase, l_phrase, shift=shift,
                                       score=ratio(e_phrase.key, l_phrase.key), earlier_count=1,
                                       later_count=1, details=details, markers=markers))

    def swapped(self, earlier: Analysis, later: Analysis, e: Words, l: Words,
                core: tuple[int, int, int, int], threshold: float) -> bool:
        """Report a swap of two different named things as a drop and an add."""
        i1, i2, j1, j2 = core
        if i1 == i2 or j1 == j2:
            return False
        e_names, l_names = _names(earlier, e.span(i1, i2)), _names(later, l.span(j1, j2))
        if len(e_names) != 1 or len(l_names) != 1 or ratio(e_names[0].key, l_names[0].key) >= threshold:
            return False
        gone, new = e_names[0], l_names[0]
        if gone.category is not None and new.category is not None and (
                gone.category == new.category or gone.key.split()[-1] == new.key.split()[-1]):
            # Two curated formulas in one slot, of one family or with one head noun:
            # one formula reworded ("steadfast commitment" -> "ironclad commitment").
            return False
        self.swaps.append((e_names[0], l_names[0]))
        self.claimed[0].append(e_names[0].span)
        self.claimed[1].append(l_names[0].span)
        return True

    def unpair(self, added: bool, formula: Phrase) -> None:
        """Keep a curated formula an edit put in (``added``) or took out, once however
        many edits touch it."""
        if formula.formula not in {p.formula for p in self.unpaired[added]}:
            self.unpaired[added].append(formula)

    def clause(self, kind: ChangeKind, words: Words, first: int, last: int) -> None:
        """A clause inserted in, or deleted from, a kept sentence: a passage of its own."""
        self.clauses.append((kind, words.sentence_of[words.owner[first]], words.span(first, last)))


def _cap_key_chunks(changes: list[Change], vocabulary: Collection[str], terms: Collection[int] = ()) -> None:
    """Keep at most ``MAX_KEY_CHUNKS`` plain chunks per passage, the most formula-like first,
    and the key terms (``terms``: their changes' ids) before any chunk: a term the
    grammar reads whole ("additively manufactured firearms") names more than a run of
    content words that scores higher ("relevant regulatory")."""
    chunks: dict[str, list[Change]] = {}
    for change in changes:
        if not change.passage or change.earlier_count >= 2 or change.later_count >= 2:
            continue
        phrase = change.phrase
        # A plain chunk: discovered, no mark but "compound".
        if phrase.origin is _DISCOVERED and phrase.marks.count("compound") == len(phrase.marks):
            chunks.setdefault(change.passage, []).append(change)
    for found in chunks.values():
        if len(found) <= MAX_KEY_CHUNKS:
            continue
        ranked = sorted(found, key=lambda c: (id(c) not in terms, -key_score(c.phrase, vocabulary),
                                              -len(c.phrase.key), c.phrase.span.start))
        for change in ranked[MAX_KEY_CHUNKS:]:
            changes.remove(change)


def _term_phrase(analysis: Analysis, words: Words, first: int, last: int) -> Phrase:
    """A discovered phrase for parts ``first .. last - 1`` (a key term of a passage)."""
    span = words.span(first, last)
    sentence = analysis.sentences[words.sentence_of[words.owner[first]]]
    key = " ".join(words.parts[first:last])
    tokens = words.tokens[words.owner[first] : words.owner[last - 1] + 1]
    marks = ("compound",) if any("-" in t.text for t in tokens) else ()
    return Phrase(statement_id=analysis.statement.id, text=span.of(analysis.statement.text), span=span,
                  sentence=sentence.index, sentence_span=sentence.span, key=key, formula="~" + key,
                  canonical=key, category=None, rank=None, origin=_DISCOVERED,
                  speaker=sentence.speaker, side=sentence.side, marks=marks)


def _add_key_terms(changes: list[Change], passages: Sequence[Passage], analyses: tuple[Analysis, Analysis],
                   streams: tuple[str, str], vocabs: tuple[Collection[str], Collection[str]]) -> set[int]:
    """Add to each new or dropped passage the terms the phrase finder cuts apart or
    leaves out (``key_terms``: "trafficking in persons", "non-militarisation",
    "accession of the Republic of Belarus") that the other statement never says
    (``vocabs``: each statement's words). A term takes the place of a key chunk it holds
    ("meaningful dialogue" -> "meaningful dialogue with Russia"); none overlaps a
    lexicon formula or stands inside a finding already made. Returns the ids of the
    terms' changes."""
    # What each side's findings already quote, and each passage's plain chunks, read once
    # (a scan of every change per passage was quadratic in long revisions).
    quoted = tuple(_SpanSet([p.span for c in changes if (p := (c.earlier, c.later)[side]) is not None])
                   for side in (0, 1))
    chunks: dict[str, list[Change]] = {}
    for c in changes:
        if c.passage is not None and c.origin is _DISCOVERED:
            chunks.setdefault(c.passage, []).append(c)
    replaced: set[int] = set()
    made: set[int] = set()
    for passage in passages:
        side = passage.kind is _ADDED
        analysis, other, known = analyses[side], streams[not side], vocabs[not side]
        words = words_of(analysis, passage.sentences)
        inside = [k for k, t in enumerate(words.owner)
                  if passage.span.start <= words.tokens[t].span.start < passage.span.end]
        if not inside:
            continue
        added: list[Span] = []
        # The longest first: a term inside another ("Global Alliance against Hunger" in
        # "launch of the Global Alliance against Hunger and Poverty"), or reading some of
        # its words again, is not one of its own.
        terms = sorted(key_terms(words, inside[0], inside[-1] + 1, known), key=lambda t: (t[0] - t[1], t[0]))
        for first, last in terms:
            phrase = _term_phrase(analysis, words, first, last)
            span = phrase.span
            if f" {phrase.key} " in other or any(
                    p.origin is _LEXICON for p in phrases_at(analysis, span)) or any(
                    a.start < span.end and span.start < a.end for a in added):
                continue
            if quoted[side].holds(span):
                continue  # inside a finding already made (or that very finding)
            held = [c for c in chunks.get(passage.id, ()) if id(c) not in replaced
                    and span.start <= c.phrase.span.start and c.phrase.span.end <= span.end]
            replaced.update(id(c) for c in held)
            added.append(span)
            changes.append(term := _one_sided(side, phrase, 1, passage.id))
            made.add(id(term))
        # A position stated in a "that" clause with no key phrase in it ("warns that those
        # responsible will be held accountable") is what the clause adds: its own key phrase.
        for first, last in stated_clauses(words, inside[0], inside[-1] + 1):
            phrase = _term_phrase(analysis, words, first, last)
            span = phrase.span
            if f" {phrase.key} " in other or quoted[side].overlaps(span) or any(
                    a.start < span.end and span.start < a.end for a in added):
                continue
            added.append(span)
            changes.append(_one_sided(side, phrase, 1, passage.id))
    if replaced:
        changes[:] = [c for c in changes if id(c) not in replaced]
    return made


def _names_something(phrase: Phrase) -> bool:
    """Whether a wording has a word that is no function word nor a bare number (a
    paragraph renumbered, "12." -> "13.", names nothing)."""
    skip = _no_content()
    for w in phrase.key.split():  # noqa: SIM110 (``any`` over a generator cost twice as much)
        if w not in skip and not w.isdigit():
            return True
    return False


#: A passage this short with no key phrase is its own key phrase (a new slogan).
_SHORT_PASSAGE = 12


def _fallback(analysis: Analysis, passage: Passage, kind: ChangeKind, other: str) -> Change | None:
    """A passage with no key phrase still gives one finding: the phrase in it with the
    most words the other statement never uses (what is new), else its text when short,
    else its longest phrase, else (no phrase in a long passage) its opening clause. No
    wording the other statement says is a finding (the rule ``_Inventory.elsewhere``
    applies): a passage every word run of which stands in the other statement (a clause
    moved into another sentence) gives none."""
    # Phrases are in text order: bisection, not a scan of them all per passage (quadratic).
    lo = bisect_left(analysis.phrases, passage.span.start, key=lambda p: p.span.start)
    hi = bisect_left(analysis.phrases, passage.span.end, key=lambda p: p.span.start)
    inside = [p for p in analysis.phrases[lo:hi] if f" {p.key} " not in other]
    tokens = [t for i in passage.sentences for t in analysis.sentences[i].tokens
              if passage.span.start <= t.span.start < passage.span.end]
    words = [t for t in tokens if t.parts and t.parts != (BARRIER,)]
    if words and f" {' '.join(part for t in words for part in t.parts)} " in other:
        return None
    if not inside and len(passage.sentences) == 1 and len(words) <= _SHORT_PASSAGE:
        w = words_of(analysis, passage.sentences)
        date = analysis.statement.date
        if len(w.parts) == sum(len(t.parts) for t in words) \
                and is_dateline(w, date.year if date is not None else None):
            return None  # "Bogor, 13 February 2025": where and when it was signed

    def novel(phrase: Phrase) -> int:
        return sum(f" {w} " not in other for w in phrase.key.split() if w not in skip)

    skip = function_words()

    fresh = [p for p in inside if novel(p)]
    if fresh:
        phrase = max(fresh, key=lambda p: (novel(p), -len(p.key.split()), -p.span.start))
    elif inside and len(words) > _SHORT_PASSAGE:
        phrase = max(inside, key=lambda p: (len(p.key.split()), -p.span.start))
    else:
        if len(words) > _SHORT_PASSAGE:
            # Long, and no phrase in it: its opening clause stands for it, not all its text
            # ("Adopted at the Ministerial Council meeting in Valletta, 5 and 6 December ..."),
            # from its first word (a paragraph's number is none); its first words when that
            # clause has fewer than two content words ("Today, ...").
            first = next((k for k, t in enumerate(tokens) if any(p.isalpha() for p in t.parts)), 0)
            cut = next((k for k in range(first + 1, len(tokens)) if tokens[k].parts == (BARRIER,)),
                       len(tokens))
            clause = [t for t in tokens[first:cut] if t.parts and t.parts != (BARRIER,)]
            content = sum(any(p.isalpha() and p not in skip for p in t.parts) for t in clause)
            words = clause if content >= 2 else words[:_SHORT_PASSAGE]
        sentence = analysis.sentences[passage.sentences[0]]
        span = Span(words[0].span.start, words[-1].span.end) if words else passage.span
        key = " ".join(fold_text(span.of(analysis.statement.text)))
        phrase = Phrase(statement_id=analysis.statement.id, text=span.of(analysis.statement.text), span=span,
                        sentence=sentence.index, sentence_span=Span(sentence.span.start, max(
                            sentence.span.end, passage.span.end)), key=key, formula="~" + key,
                        canonical=key, category=None, rank=None, origin=_DISCOVERED,
                        speaker=sentence.speaker, side=sentence.side)
    return _one_sided(kind is _ADDED, phrase, 1, passage.id)


def _one_sided(added: int, phrase: Phrase, count: int, passage: str | None = None) -> Change:
    """An added (``added`` true: the later side) or dropped change of a phrase said ``count`` times."""
    if added:
        return _change(_ADDED, None, phrase, later_count=count, passage=passage)
    return _change(_DROPPED, phrase, None, earlier_count=count, passage=passage)


#: Readouts of different meetings: a passage is read once with its formulas under
#: it when it carries at least this many new (or dropped) findings.
MIN_GROUP = 2


def _grouped(findings: Sequence[tuple[ChangeKind, int]], earlier: Analysis, later: Analysis,
             linked: tuple[set[int], set[int]], *, first_id: int) -> list[Passage]:
    """The passages of readouts of different meetings: runs of consecutive sentences
    with no counterpart, each carrying an added (dropped) finding, between blank lines
    and within one speaker's side (``_paragraph_runs``), that carry ``MIN_GROUP``
    findings or more. Such a run is one new (dropped) passage, read once with its
    formulas under it ("jointly act on the Global Development Initiative, the Global
    Security Initiative and ..."), as a new paragraph of a revision is. ``findings`` are
    the added and dropped findings in no passage, as ``(kind, sentence)``; the passages
    are numbered ``p<first_id>``, ``p<first_id + 1>``... in report order."""
    found: list[Passage] = []
    for kind, analysis, side in zip((_DROPPED, _ADDED), (earlier, later), linked,
                                    strict=True):
        count: dict[int, int] = {}
        for found_kind, sentence in findings:
            if found_kind is kind and sentence not in side:
                count[sentence] = count.get(sentence, 0) + 1
        for run in _paragraph_runs(analysis, sorted(count)):
            if sum(map(count.__getitem__, run)) >= MIN_GROUP:  # no generator frame per run
                found.append(_run_passage(f"p{first_id + len(found)}", kind, analysis, run))
    return found


def _paragraph_runs(analysis: Analysis, indices: Sequence[int]) -> list[list[int]]:
    """Sorted sentence indices cut into runs of consecutive sentences between blank
    lines and within one speaker's side: a blank line or another voice ends a run."""
    # A run ends at a blank line, not at a single line break: whether that parts
    # paragraphs depends on how the text is wrapped, and a reflow changes no finding.
    starts = analysis.memo.get("blank-line-starts")
    if not isinstance(starts, list):  # read for the groups, then for the other sentences
        starts = blank_line_starts(analysis.statement.text, analysis.sentences)
        analysis.memo["blank-line-starts"] = starts
    runs: list[list[int]] = []
    for index in indices:
        previous = runs[-1][-1] if runs else None
        if previous == index - 1 and not starts[index] and (
                analysis.sentences[index].side == analysis.sentences[index - 1].side):
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _run_passage(pid: str, kind: ChangeKind, analysis: Analysis, run: Sequence[int]) -> Passage:
    """The passage of a run of consecutive sentences."""
    start, end = analysis.sentences[run[0]].span.start, analysis.sentences[run[-1]].span.end
    return _passage(pid, kind, tuple(run), start, end, analysis.statement.text[start:end])


#: A sentence no finding covers is still new (dropped) matter when at least this many
#: of its content words are words the other statement never uses: one or two are the
#: other statement's matter reworded (a verb, an adjective: "... and pledged to work
#: together" beside "reaffirmed their commitment to ...").
NEW_MATTER_WORDS = 3


def _other_sentences(earlier: Analysis, later: Analysis, linked: tuple[set[int], set[int]],
                     changes: Sequence[Change], found: Sequence[Passage],
                     words: tuple[Collection[str], Collection[str]]) -> tuple[Passage, ...]:
    """The runs of sentences with no counterpart that no passage holds and no finding
    stands in, yet say what the other statement does not ("The Secretary offered
    condolences for the lives lost ... by Typhoon Yagi"): readouts of different
    meetings report formulas, and these sentences carry none. A sentence is such new
    (dropped) matter when ``NEW_MATTER_WORDS`` of its content words are words the other
    statement never uses; one the other says in other words ("They reaffirmed their
    commitment to the complete denuclearization of North Korea and pledged to work
    together ...") is not. Dropped runs first, then new ones, each
    numbered ``s1``, ``s2``... and cut at blank lines and changes of voice. ``linked``
    holds the sentences of each side with a counterpart, ``words`` the two statements'
    words (``_statement_words``)."""
    covered: tuple[set[int], set[int]] = (set(), set())
    for passage in found:
        covered[passage.kind is _ADDED].update(passage.sentences)
    for change in changes:
        if change.kind is _KEPT:
            continue
        if change.earlier is not None:
            covered[0].add(change.earlier.sentence)
        if change.later is not None:
            covered[1].add(change.later.sentence)
    runs: list[Passage] = []
    skip = function_words()
    for side, kind, analysis in ((0, _DROPPED, earlier), (1, _ADDED, later)):
        matter = []
        other = words[1 - side]
        parts = sentence_parts(analysis)
        for sentence in analysis.sentences:
            if sentence.index in linked[side] or sentence.index in covered[side]:
                continue
            novel: set[str] = set()
            for w in parts[sentence.index]:  # read up to the word that makes it new matter
                if w not in other and w.isalpha() and w not in skip:
                    novel.add(w)
                    if len(novel) == NEW_MATTER_WORDS:
                        matter.append(sentence.index)
                        break
        for run in _paragraph_runs(analysis, matter):
            runs.append(_run_passage(f"s{len(runs) + 1}", kind, analysis, run))
    return tuple(runs)


def _compound(analysis: Analysis, phrase: Phrase) -> Phrase:
    """A one-word name formula with the noun it modifies, when that noun ends the phrase
    ("Indonesia's G20 presidency.", "ASEAN centrality in"): what came or went is the
    compound, and the formula stays its formula. The noun is a lower-case word that is
    no function or governing word, no "-ly" adverb and no "-ing"/"-ed" form, followed by
    punctuation, a function word or the sentence's end."""
    if phrase.origin is not _LEXICON or len(phrase.key.split()) != 1 or not any(
            ch.isupper() for ch in phrase.text):
        return phrase
    tokens = Tokens.of(analysis.sentences[phrase.sentence].tokens)  # read as columns: no Token built
    starts = tokens.starts()
    k = bisect_left(starts, phrase.span.end)
    if k >= len(tokens) or analysis.statement.text[phrase.span.end : starts[k]] != " ":
        return phrase
    word = tokens.texts[k]
    after = tokens.texts[k + 1] if k + 1 < len(tokens) else "."
    if not (word.isalpha() and word.islower() and len(word) > 2 and word not in stopwords()
            and not word.endswith(("ly", "ing", "ed"))
            and (not after[:1].isalnum() or after.lower() in function_words())):
        return phrase
    span = Span(phrase.span.start, tokens.ends[k])
    return attrs.evolve(phrase, text=span.of(analysis.statement.text), span=span,
                        key=f"{phrase.key} {' '.join(tokens.parts[k])}")


def _numbered(found: Sequence[Passage], changes: Sequence[Change]) -> tuple[list[Passage], list[Change]]:
    """Passages in report order with ids ``p1, p2...``, and the changes pointing at the new ids."""
    ordered = sorted(found, key=lambda p: (p.kind is _ADDED, p.span.start))
    ids = {p.id: f"p{n}" for n, p in enumerate(ordered, 1)}
    return ([p if p.id == ids[p.id] else attrs.evolve(p, id=ids[p.id]) for p in ordered],
            [attrs.evolve(c, passage=ids[c.passage]) if c.passage in ids and c.passage != ids[c.passage]
             else c for c in changes])


def diff_analyses(earlier: Analysis, later: Analysis, *, options: Options = DEFAULT_OPTIONS,
                  lexicon_names: Sequence[str] = (), recurring: Collection[str] = (),
                  vocabulary: Collection[str] = frozenset(), speakers: SpeakerTable | None = None,
                  ) -> Comparison:
    """Compare two analysed statements (see ``compare``; ``speakers``: the table they were
    analysed with)."""
    links = align_sentences(earlier, later)
    revision = is_revision(earlier, later, links)
    edited = _Edited(earlier, later, links, options.match_threshold, revision=revision, speakers=speakers)
    found = list(passages(earlier, later, links)) if revision else []  # ids p1, p2...
    for kind, sentence, span in edited.clauses:
        analysis = earlier if kind is _DROPPED else later
        found.append(Passage(f"p{len(found) + 1}", kind, (sentence,), span, span.of(analysis.statement.text)))
    inventory = _Inventory(earlier, later, edited, links, revision, recurring=recurring,
                           vocabulary=vocabulary)
    findings = inventory.findings(found, options)
    groups = [] if revision else _grouped(inventory.unplaced(findings), earlier, later,
                                          inventory.linked_sides, first_id=len(found) + 1)
    # The first reading stands unless groups were found: read again with them.
    changes = inventory.changes(inventory.findings(found + groups, options) if groups else findings)
    if groups:
        # Pairing with the passages' key chunks may have taken formulas out of a
        # group: a group left with fewer than two findings is no passage.
        per_passage = Counter(c.passage for c in changes)  # a count per group was quadratic
        held = [p for p in groups if per_passage[p.id] >= MIN_GROUP]
        gone = {p.id for p in groups} - {p.id for p in held}
        changes = [attrs.evolve(c, passage=None) if c.passage in gone else c for c in changes]
        found += held
    found, changes = _numbered(found, changes)
    terms = _add_key_terms(changes, found, (earlier, later), inventory.words, inventory.vocab) \
        if revision else set()
    _cap_key_chunks(changes, vocabulary, terms)
    # A wording of function words alone ("of the") names nothing that came or went.
    changes = [c for c in changes if c.kind not in (_ADDED, _DROPPED) or _names_something(c.phrase)]
    changes = _voiced_once(changes)
    covered = {c.passage for c in changes}  # a scan of the changes per passage was quadratic
    moved: set[str] = set()
    for passage in found:
        if passage.id not in covered:
            side = passage.kind is _ADDED
            change = _fallback((earlier, later)[side], passage, passage.kind, inventory.words[not side])
            if change is None or not _names_something(change.phrase):
                moved.add(passage.id)
            else:
                changes.append(change)
    if moved:
        found, changes = _numbered([p for p in found if p.id not in moved], changes)
    changes.sort(key=_report_order)
    return Comparison(earlier.statement, later.statement, tuple(changes), options, tuple(lexicon_names),
                      framing=(summarize(earlier), summarize(later)), alignment=links,
                      passages=tuple(found), revision=revision,
                      other_sentences=() if revision else _other_sentences(
                          earlier, later, inventory.linked_sides, changes, found, inventory.vocab))


def _voiced_once(changes: list[Change]) -> list[Change]:
    """The changes, less each edit that only says who speaks now ("Wang said China" ->
    "Both sides") where a formula of the same two sentences reports that speaker shift:
    one change of voice, read on the formula it carries, its sentences the evidence."""
    voiced = {(c.earlier.sentence, c.later.sentence) for c in changes
              if c.kind is _SHIFTED and c.earlier is not None and c.later is not None
              and c.phrase.origin is _LEXICON and _SPEAKER in c.shift}
    if not voiced:
        return changes
    return [c for c in changes if not (
        c.kind is _SHIFTED and c.shift == (_SPEAKER,) and c.earlier is not None
        and c.later is not None and c.phrase.origin is _DISCOVERED
        and (c.earlier.sentence, c.later.sentence) in voiced)]


def _report_order(change: Change) -> tuple[int, bool, bool, int]:
    """Kind, lexicon formulas first, later occurrences first, then place."""
    # Read without a lookup by kind (an enum member hashes at a Python-level call) and
    # without ``Change.phrase`` (a property): the report sorts every change by this.
    kind, later = change.kind, change.later
    phrase = later if later is not None else change.earlier
    assert phrase is not None
    order = 0 if kind is _ADDED else 1 if kind is _DROPPED else 2 if kind is _SHIFTED else 3
    return order, phrase.origin is not _LEXICON, later is None, phrase.span.start


#: The inventory read with some passages (``_Inventory.findings``): its pairs, and its
#: one-sided findings as ``(side, formula, passage id)``.
_Findings = tuple[list[Change], list[tuple[int, str, str | None]]]


class _Inventory:
    """The inventory's changes, given the new and dropped passages, less what the word
    edits already report and what stands in the other statement's words too."""

    def __init__(self, earlier: Analysis, later: Analysis, edited: _Edited,
                 links: Sequence[SentenceLink], revision: bool, *, recurring: Collection[str],
                 vocabulary: Collection[str]) -> None:
        self.earlier, self.later, self.edited, self.revision = earlier, later, edited, revision
        self.pairing = _Pairing(earlier, later, recurring=recurring, vocabulary=vocabulary)
        self.linked = {(i, j) for x in links for i in x.earlier for j in x.later}
        self.edits = (_SpanSet(edited.claimed[0]), _SpanSet(edited.claimed[1]))
        self.updates = (_SpanSet(edited.updated[0]), _SpanSet(edited.updated[1]))
        # Each side's formula wordings framed by "|" ("| k1 | k2 |"; "||" for none).
        self.keys = tuple(f"| {' | '.join(keys)} |" if keys else "||" for keys in (
            [h.key for h in a.phrases if h.origin is _LEXICON] for a in (earlier, later)))
        self.key_words = tuple(frozenset(keys.split()) for keys in self.keys)
        (e_stream, e_words), (l_stream, l_words) = _statement_words(earlier), _statement_words(later)
        self.words, self.vocab = (e_stream, l_stream), (e_words, l_words)
        # Words of corresponding sentences that no edit touches are in both statements:
        # a phrase found there on one side only (cut differently, quoted) is no finding.
        self.linked_sides = linked_sides(links)
        # What no passage changes, worked out once for every reading: the word edits'
        # changes, and whether a formula of one side is held elsewhere but for the passages.
        self.edited_changes = self._edited_changes()
        self.held: tuple[dict[str, bool], dict[str, bool]] = ({}, {})

    def findings(self, found: Sequence[Passage], options: Options) -> _Findings:
        """The inventory's pairs, and its formulas of one side (0 dropped, 1 added) that
        are findings, as ``(side, formula, passage id)``, with ``found`` as the passages."""
        own: tuple[list[Passage], list[Passage]] = ([], [])
        for passage in found:
            own[passage.kind is _ADDED].append(passage)
        places = tuple([(p.span.start, p.span.end, p.id) for p in passages] for passages in own)
        pairs, dropped, added = self.pairing.changes(options, (
            _formulas_inside(self.earlier, [p.span for p in own[0]]),
            _formulas_inside(self.later, [p.span for p in own[1]])))
        one_sided = []
        # One rule for both sides: the side the phrase stands on, and the other.
        for side, formulas in ((0, dropped), (1, added)):
            groups, spots = self.pairing.groups[side], places[side]
            for formula in formulas:
                group = groups[formula]
                if self.elsewhere(group, side):
                    continue
                pid = _placed(group, spots) if spots else None
                # In a revision, a formula standing in corresponding sentences outside
                # any passage is no finding either.
                if not (self.revision and pid is None
                        and all(p.sentence in self.linked_sides[side] for p in group)):
                    one_sided.append((side, formula, pid))
        return pairs, one_sided

    def unplaced(self, findings: _Findings) -> list[tuple[ChangeKind, int]]:
        """The added and dropped findings in no passage (``findings`` read with the
        passages), as ``(kind, sentence)``: what ``_grouped`` reads, with no change built."""
        _, one_sided = findings
        kinds = (_DROPPED, _ADDED)
        return [(c.kind, c.phrase.sentence) for c in self.edited_changes
                if c.kind in kinds] + [
            (kinds[side], self.pairing.groups[side][formula][0].sentence)
            for side, formula, pid in one_sided if pid is None]

    def changes(self, findings: _Findings) -> list[Change]:
        """The word edits' changes and the inventory's (``findings``, read with the passages)."""
        pairs, one_sided = findings
        changes = list(self.edited_changes)
        # No edit and no update (readouts of different meetings): no pair to look up.
        edited = any(spans.starts for spans in (*self.edits, *self.updates))
        for change in pairs:  # a pair an edit reports is no finding of its own
            e, l = change.earlier, change.later
            if edited and ((e is not None and self.edits[0].overlaps(e.span))
                           or (l is not None and self.edits[1].overlaps(l.span))):
                continue
            if edited and e is not None and l is not None and e.formula != l.formula \
                    and self.updates[0].overlaps(e.span) and self.updates[1].overlaps(l.span):
                continue  # two wordings an update tells apart ("Seventh ..." -> "Ninth Conference")
            changes.append(self.framed(change))
        groups, analyses = self.pairing.groups, (self.earlier, self.later)
        for side, formula, pid in one_sided:
            group = groups[side][formula]
            changes.append(_one_sided(side, _compound(analyses[side], group[0]), len(group), pid))
        return changes

    def _edited_changes(self) -> list[Change]:
        """The word edits' changes: the edits, the swaps, and what an edit put in another's place."""
        changes = list(self.edited.changes)
        groups = (self.pairing.e_groups, self.pairing.l_groups)
        swapped: tuple[set[str], set[str]] = (set(), set())
        for swap in self.edited.swaps:
            # One finding per formula: a name swapped for another in two sentences is one swap.
            for side, phrase in enumerate(swap):
                if phrase.formula not in swapped[side]:
                    swapped[side].add(phrase.formula)
                    changes.append(_one_sided(side, phrase, len(groups[side][phrase.formula])))
        # A wording an edit put in another's place is a finding unless the other statement says it.
        # A one-word name formula is quoted with the noun it modifies, as the inventory
        # quotes it ("G20" -> "G20 presidency").
        for side, analysis in ((0, self.earlier), (1, self.later)):
            for phrase in self.edited.unpaired[side]:
                if f" {phrase.key} " not in self.words[1 - side]:
                    count = len(groups[side].get(phrase.formula, [phrase]))
                    changes.append(_one_sided(side, _compound(analysis, phrase), count))
        return changes

    def elsewhere(self, group: Sequence[Phrase], side: int) -> bool:
        """Whether an added (``side`` 1) or dropped (0) formula is no finding: a word edit
        reports it, or the other statement holds it (in a longer formula, in its words,
        or, between readouts of different meetings, every word of a discovered chunk):
        what no passage changes, worked out once per formula and kept in ``held``
        (``findings`` adds the passages' part)."""
        phrase = group[0]
        formula, key, other = phrase.formula, phrase.key, 1 - side
        known = self.held[side].get(formula)
        if known is not None:
            return known
        # A wording with a word the other statement never uses (no formula of it
        # uses) stands nowhere in it (in no formula of it): no scan for that one.
        words = set(key.split())
        if phrase.origin is _DISCOVERED and not self.revision:
            # Readouts of different meetings share their vocabulary, not their sentences: a
            # chunk every content word of which the other readout uses ("international
            # affairs", "SCO summit" beside "the SCO's summit in Astana") is the same topic
            # cut or worded otherwise there, not a new or a dropped one. A plain chunk of a
            # passage (not listed), which nothing but its place marks as a formula, is a
            # topic of its own only when none of its words is in the other readout
            # ("vaccine assistance", not "fruitful outcomes").
            content = words - _no_content()
            listed = self.pairing.is_listed(formula, side)
            if content <= self.vocab[other] if listed else not content.isdisjoint(self.vocab[other]):
                self.held[side][formula] = True
                return True
        # The set tests first: they settle most of what is left without a scan of
        # the other statement's formulas or words for the wording.
        held = self.held[side][formula] = (
            (bool(self.edits[side].starts) and any(self.edits[side].overlaps(p.span) for p in group))
            or (words <= self.key_words[other] and _nested(key, self.keys[other]))
            or (words <= self.vocab[other] and f" {key} " in self.words[other]))
        return held

    def framed(self, change: Change) -> Change:
        """A kept or shifted change with the framing shifts found for its pair (``Framed``)
        that are findings here, their details and markers written only for those."""
        e, l = change.earlier, change.later
        found = self.pairing.framings.get((id(e), id(l)))
        if found is None:
            return change
        assert e is not None
        assert l is not None
        kinds = found.kinds
        if any(self.edits):
            # A cue whose words an edit already reports is no finding of its own.
            kinds = tuple([k for k in kinds if k not in _CUES or not all(
                self.edits[side].overlaps(span) for side, span in found.spans(k))])
        if not self.revision and _SPEAKER in kinds and BOTH in found.voices:
            # Readouts of different meetings: whether a formula is voiced jointly or by one
            # of the two sides follows the format (a joint press meeting, one minister's
            # remarks); the voices line of the framing summary weighs it. A formula that
            # passed from one side to the other is still a finding.
            kinds = tuple([k for k in kinds if k is not _SPEAKER])
        # (``change.shift``, the wording's shifts, holds no cue: the change is shifted by cues
        # alone when it has none.)
        if not self.revision and not change.shift and kinds and _within_shifts(kinds, _CUES):
            # Readouts of different meetings: a kept formula framed by other verbs in other
            # sentences is the normal case; the framing summary weighs it. A word that
            # qualifies the formula itself ("illegitimate unilateral coercive measures") is
            # part of its wording, and stays.
            kinds = tuple([k for k in kinds if found.adjacent(k)])
        elif (e.sentence, l.sentence) in self.linked:
            # Its sentence corresponds: an edit there is reported where it stands; what is
            # left of its framing comes from other occurrences elsewhere, unless the side
            # that says this very sentence changed.
            moved = e.side is not None and l.side is not None and e.side != l.side
            kinds = tuple([k for k in kinds if k not in (_CUES if moved else _FRAMES)])
        if not kinds:
            return change
        shift, details, markers = found.finding(kinds)
        return _change(_SHIFTED, e, l, shift=change.shift + shift, score=change.score,
                       earlier_count=change.earlier_count, later_count=change.later_count,
                       details=change.details + details, history=change.history,
                       markers=change.markers + markers, passage=change.passage)


def _same_but(e_key: str, e_core: Sequence[str], l_key: str, l_core: Sequence[str]) -> bool:
    """Whether two wordings are the same once the edited words are taken out of each."""
    def without(key: str, core: Sequence[str]) -> list[str]:
        parts, n = key.split(), len(core)
        for k in range(len(parts) - n + 1):
            if n and parts[k : k + n] == list(core):
                return parts[:k] + parts[k + n :]
        return parts
    return without(e_key, e_core) == without(l_key, l_core)


#: White space other than the plain space: where ``str.split`` also cuts. Each is
#: looked for by ``in``, a fast search in C (answered at once for a non-ASCII one in an
#: ASCII stream), where a regex for the class steps through every character.
_OTHER_SPACES = ("\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\xa0", "\u1680",
                 *map(chr, range(0x2000, 0x200B)), "\u2028", "\u2029", "\u202f", "\u205f", "\u3000")


def _statement_words(analysis: Analysis) -> tuple[str, frozenset[str]]:
    """A statement's word stream, every folded part of its sentences (``sentence_parts``)
    space-joined, sentences kept apart by a barrier; and the words of that stream:
    ``f" {w} " in stream`` for a word ``w`` is ``w in words``, and a wording stands in
    the stream only if each of its words does. Read once per analysis."""
    found = analysis.memo.get("diff-words")
    if isinstance(found, tuple):
        return found
    parts = sentence_parts(analysis)
    # The lexicon matcher joined each sentence's parts already (``Tokens.spaced``): one
    # join of those and a decode, in C, where joining the parts again read every word.
    stream = (b" " + b" | ".join(map(Tokens.spaced, Tokens.each(analysis.sentences))) + b" ").decode()
    words = frozenset().union(*parts, (BARRIER,) if len(parts) > 1 else ())
    # Parts that are single words (not empty, no white space; the common case) are the
    # stream's words themselves, no new string made and hashed. Then the stream has one
    # space between two parts of a sentence, two around each barrier between sentences,
    # one at each end, and no other white space (each test a scan in C).
    spaces = 2 * len(parts) + sum(map(len, parts)) - len(parts) + parts.count([])
    if "" in words or stream.count(" ") != spaces or any(map(stream.__contains__, _OTHER_SPACES)):
        words = frozenset(stream.split())
    found = analysis.memo["diff-words"] = (stream, words)
    return found


def _statement(source: Statement | str | os.PathLike[str], options: Options, caller: str = "compare",
               ) -> Statement:
    if isinstance(source, Statement):
        return source
    if isinstance(source, (str, os.PathLike)):
        return load_statement(os.fspath(source), options=options)
    msg = f"{caller}() takes a Statement or a file path, not {type(source).__name__}"
    raise TypeError(msg)


def compare(earlier: Statement | str | os.PathLike[str], later: Statement | str | os.PathLike[str], *,
            lexicon: Lexicon | None = None, options: Options = DEFAULT_OPTIONS,
            speakers: SpeakerTable | None = None, recurring: Collection[str] = ()) -> Comparison:
    """Report which formulas were added, dropped, shifted or kept between two statements.

    Args:
        earlier: The earlier statement, or the path of a file to load it from
            (``load_statement``).
        later: The later statement, or a path.
        lexicon: Formulas to look for; the builtin lexicon when ``None``.
        options: Settings for every stage; recorded on the result.
        speakers: Office holders and sides; the builtin table when ``None``.
        recurring: Formula ids (``"~" + folded wording`` for discovered phrases)
            that recur in the history; such a phrase is reported even when
            nothing else marks it as a formula.

    Returns:
        The comparison: one change per real change, the sentence alignment,
        and (in a revision) the new and dropped passages.

    >>> from diplodiff import Statement
    >>> a = Statement(id="a", text="China and Kazakhstan are strategic partners.")
    >>> b = Statement(id="b", text="China and Kazakhstan are permanent comprehensive strategic partners.")
    >>> [(c.kind.value, [s.value for s in c.shift]) for c in compare(a, b).changes]
    [('shifted', ['qualifier_added', 'rank_up'])]
    """
    earlier, later = _statement(earlier, options), _statement(later, options)
    lexicon = default_lexicon() if lexicon is None else lexicon
    with paused_gc():
        return diff_analyses(analyse(earlier, lexicon=lexicon, options=options, speakers=speakers),
                             analyse(later, lexicon=lexicon, options=options, speakers=speakers),
                             options=options, lexicon_names=lexicon.names if options.lexicon else (),
                             recurring=recurring, vocabulary=lexicon.vocabulary() if options.lexicon else (),
                             speakers=speakers)


@contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while many acyclic objects are built.

    Two long statements make millions of tokens, phrases and small tuples, and a
    10,000-statement record millions of rows, none of them in a cycle; the collector
    would scan the whole heap again and again as they pile up (2 s of the 5.7 s that
    two 2 MB statements took; half of a timeline run read from the store). On the way out they are
    moved to the oldest generation unscanned (``freeze`` then ``unfreeze``), so the
    first allocation after the pause does not scan them all at once; the next full
    collection takes them as usual. Nested pauses leave the collector as they found it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.unfreeze()
        if enabled:
            gc.enable()
