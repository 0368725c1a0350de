"""Word-level change inside corresponding sentences: the folded words of two
corresponding sentences are diffed (rapidfuzz opcodes, ``align.spans``), each run
that differs is lifted to the phrase that holds it (``lift``), and what is only an
update of the statement's metadata is left out (``updates``).

Differences that normalisation removes (case, quotes, hyphens, spacing, plurals,
spelling, line breaks, punctuation) never make a run; nor do runs that differ
only in articles or other function words.
"""

from __future__ import annotations

from collections.abc import Sequence

from attrs import frozen

from .._models import Analysis, SentenceLink, Span, Tokens
from ..text.normalize import heads
from ..text.speakers import SpeakerTable
from .align import spans
from .lift import bearing, lift, modal_words, noun_phrase, raises_degree
from .sentences import GAP_THRESHOLD
from .updates import (
    agenda_number,
    holder_again,
    is_date_edit,
    is_timed,
    name_form,
    numbered_again,
    renumbering,
    same_office,
    stamps,
    unstamped,
)
from .words import COORDINATORS, A, C, F, N, V, Words, folded_parts, sentence_edge, words_of


@frozen
class Edit:
    """One changed run of words inside corresponding sentences, lifted.

    Attributes:
        link: The sentence link it belongs to.
        core: ``(i1, i2, j1, j2)``: earlier parts ``i1:i2`` became later parts ``j1:j2``.
        lift: ``(e1, e2, l1, l2)``: the lifted parts on each side (context included).
        runs: The changed runs inside ``core``, each typed on its own, when there are
            several (a noun phrase of a rewritten sentence); empty when ``core`` is one run.
    """

    link: SentenceLink
    core: tuple[int, int, int, int]
    lift: tuple[int, int, int, int]
    runs: tuple[tuple[int, int, int, int], ...] = ()


def _merge(runs: list[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """Join runs one shared word apart ("deep concern over" -> "grave concern about")."""
    merged: list[tuple[int, int, int, int]] = []
    for run in runs:
        if merged and run[0] - merged[-1][1] <= 1 and run[2] - merged[-1][3] <= 1:
            i1, _, j1, _ = merged.pop()
            merged.append((i1, run[1], j1, run[3]))
        else:
            merged.append(run)
    return merged


#: Longest run (parts on each side) that ``_head_aligned`` reads again.
_MAX_REALIGN = 40


def _weight(w: Words, k: int) -> float:
    """How much keeping part ``k`` in place says: a noun phrase's head (a content word
    that ends its phrase) most, a modifier less, a function word next to nothing."""
    if w.classes[k] != C:
        return 0.01
    head = k + 1 == len(w.parts) or w.breaks[k + 1] or w.classes[k + 1] != C
    return 2.0 if head else 1.0


def _head_aligned(e: Words, l: Words, run: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """The runs of a merged change, read again so that the head nouns kept on both sides
    stay in place: the word diff keeps as many words as it can, and may keep a
    modifier and an "and" rather than the noun they belong to ("immediate and
    unconditional ceasefire and a permanent cessation of hostilities" -> "immediate,
    unconditional and permanent ceasefire" keeps "and permanent", not "ceasefire").
    When keeping the heads says more (``_weight``), the change splits around them."""
    i1, i2, j1, j2 = run
    n, m = i2 - i1, j2 - j1
    if n < 2 or m < 2 or n > _MAX_REALIGN or m > _MAX_REALIGN:
        return [run]
    a, b = e.parts[i1:i2], l.parts[j1:j2]
    weights = [[_weight(e, i1 + x) + _weight(l, j1 + y) for y in range(m)] for x in range(n)]
    # The word diff's own reading: the words it keeps between the runs it found.
    kept, at = 0.0, (0, 0)
    for x1, x2, _, y2 in [*spans(a, b), (n, n, m, m)]:
        kept += sum(weights[at[0] + d][at[1] + d] for d in range(x1 - at[0]))
        at = (x2, y2)
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for x in range(n - 1, -1, -1):
        for y in range(m - 1, -1, -1):
            best[x][y] = max(best[x + 1][y], best[x][y + 1],
                             best[x + 1][y + 1] + weights[x][y] if a[x] == b[y] else 0.0)
    if best[0][0] <= kept + 0.5:
        return [run]
    found: list[tuple[int, int, int, int]] = []
    x = y = 0
    start = (0, 0)
    while x < n or y < m:
        if x < n and y < m and a[x] == b[y] and best[x][y] == best[x + 1][y + 1] + weights[x][y]:
            if (x, y) != start:
                found.append((i1 + start[0], i1 + x, j1 + start[1], j1 + y))
            x, y = x + 1, y + 1
            start = (x, y)
        elif y < m and (x == n or best[x][y + 1] >= best[x + 1][y]):
            y += 1
        else:
            x += 1
    if (x, y) != start:
        found.append((i1 + start[0], i1 + x, j1 + start[1], j1 + y))
    # Runs one shared word apart are one change ("_merge"), unless that word is the
    # head kept on both sides: it parts the change before it from the one after it.
    merged = found[:1]
    for r in found[1:]:
        p = merged[-1]
        if r[0] - p[1] == 1 and r[2] - p[3] == 1 and not (
                e.classes[p[1]] == C and _weight(e, p[1]) == _weight(l, p[3]) == 2.0):
            merged[-1] = (p[0], r[1], p[2], r[3])
        else:
            merged.append(r)
    return merged


def _only_grammar(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when the run changes only articles and function words, with no framing cue
    (a modal, or a degree word raising an adjective: "a serious risk" -> "the most serious risk")."""
    i1, i2, j1, j2 = run
    classes = e.classes[i1:i2] + l.classes[j1:j2]
    words = e.parts[i1:i2] + l.parts[j1:j2]
    return all(c in (A, N, F) for c in classes) and not modal_words(words) and not bearing(words) \
        and not any(raises_degree(e, k) for k in range(i1, i2)) \
        and not any(raises_degree(l, k) for k in range(j1, j2))


#: Most words of a sentence's opening connective ("In response,", "In this regard,").
_CONNECTIVE = 3
#: Prepositions that open a connective ("At the same time,", "For its part,"); not
#: "without" or "with", which say how ("Without delay, ...").
_OPENING = frozenset({"in", "on", "at", "to", "for", "as", "by"})


def _connective(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when the run only adds or drops a sentence's opening connective: a phrase of
    a preposition (``_OPENING``) and lower-case words before a comma ("In response,
    Minister Velasco stated" -> "Minister Velasco stated"), which ties a sentence to the
    one before it and says nothing of its own. A place or a date there ("In Asia,", "In
    2024,") is content or a stamp, and no connective."""
    i1, i2, j1, j2 = run
    if (i1 == i2) == (j1 == j2):
        return False
    w, first, last = (e, i1, i2) if i2 > i1 else (l, j1, j2)
    if last - first > _CONNECTIVE or last >= len(w.parts) or not w.commas[last] \
            or w.parts[first] not in _OPENING:
        return False
    texts = [w.tokens[t].text for t in range(w.owner[first], w.owner[last - 1] + 1)]
    return sentence_edge(w, first, last, 1) and all(t.isalpha() and t.islower() for t in texts[1:]) \
        and sum(c == C for c in w.classes[first:last]) <= 1


def _rejoined(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when the run only splits or joins words ("two-way" and "twoway" from a
    hyphen at a line end, "cooperation" and "co operation"): the same letters."""
    i1, i2, j1, j2 = run
    return "".join(e.parts[i1:i2]) == "".join(l.parts[j1:j2])


def rewritten_edits(link: SentenceLink, e: Words, l: Words) -> list[Edit]:
    """The edits of a sentence rewritten in place (a link below ``GAP_THRESHOLD``, paired
    for the content words it keeps): its words are reordered too much for a word diff
    to say what became what, so the change is read around what persists. Each content
    word kept once on each side heads a noun phrase on each side; where the two noun
    phrases differ ("a threat to Euro-Atlantic security" -> "the most significant and
    direct threat to Allies' security"), that is the edit, its core from the first to
    the last differing word. A noun phrase inside another on either side (a modifier
    of a kept head, a kept word of a complement) gives none of its own."""
    def once(w: Words) -> dict[str, int]:
        seen: dict[str, int] = {}
        for k, (part, cls) in enumerate(zip(w.parts, w.classes, strict=True)):
            if cls == C:
                seen[part] = -1 if part in seen else k
        return {p: k for p, k in seen.items() if k >= 0}

    e_once, l_once = once(e), once(l)
    phrases = {(noun_phrase(e, e_once[w]), noun_phrase(l, l_once[w]))
               for w in e_once.keys() & l_once.keys()}

    def inside(x: tuple[int, int], y: tuple[int, int]) -> bool:
        return y[0] <= x[0] and x[1] <= y[1] and x != y

    found: list[Edit] = []
    for (e1, e2), (l1, l2) in sorted(phrases):
        if any(inside((e1, e2), pe) or inside((l1, l2), pl) for pe, pl in phrases):
            continue  # a modifier of a kept head: read with the phrase it modifies
        runs = [(i1 + e1, i2 + e1, j1 + l1, j2 + l1)
                for i1, i2, j1, j2 in spans(e.parts[e1:e2], l.parts[l1:l2])]
        runs = [r for r in runs if not _only_grammar(e, l, r)]
        if runs:
            core = (runs[0][0], runs[-1][1], runs[0][2], runs[-1][3])
            found.append(Edit(link, core, (e1, e2, l1, l2), tuple(runs) if len(runs) > 1 else ()))
    return found


def _name_length(w: Words, first: int, last: int) -> int:
    """How many parts from ``first`` are capitalised content words (a name); after its
    first word, a capitalised governing word is a word of the name too ("Multinational
    Security Support mission", "Economic Support Fund")."""
    k = first
    while k < last and (w.classes[k] == C or (k > first and w.classes[k] == V)) \
            and w.tokens[w.owner[k]].text[:1].isupper():
        k += 1
    if first < k < last and w.parts[k] in heads()["name"]:
        k += 1  # the name's own head noun, in lower case ("the Multinational Security Support mission")
    return k - first


def _split_name(e: Words, l: Words, run: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """A run that swaps a name and then changes what follows it on both sides
    ("Oyamada expressed concern over" -> "Morinaga strongly condemned") is two edits:
    who speaks, and what is said, each reported (and counted) on its own."""
    i1, i2, j1, j2 = run
    a, b = _name_length(e, i1, i2), _name_length(l, j1, j2)
    if not a or not b or (i1 + a == i2 and j1 + b == j2):
        return [run]
    if any(w.breaks[k] or w.parts[k] in COORDINATORS for w, k, end in ((e, i1 + a, i2), (l, j1 + b, j2))
           if k < end):
        return [run]  # a name before "and" is a member of a list, not the subject of what follows
    i, j = i1 + a, j1 + b
    while i < i2 and j < j2 and e.parts[i] == l.parts[j]:
        i, j = i + 1, j + 1  # a shared word _merge joined the two over ("New Delhi on 8 September")
    return [(i1, i1 + a, j1, j1 + b), (i, i2, j, j2)] if i < i2 or j < j2 else [(i1, i1 + a, j1, j1 + b)]


def _same_words(earlier: Analysis, e_sentences: Sequence[int], later: Analysis,
                l_sentences: Sequence[int]) -> bool:
    """Whether two runs of sentences have the same ``folded_parts``. Sentences of the same
    parts token for token (most links of a revision) have: their columns are compared
    at C speed, where listing the parts of both read every token in Python."""
    if len(e_sentences) == len(l_sentences) and all(
            Tokens.of(earlier.sentences[i].tokens).parts == Tokens.of(later.sentences[j].tokens).parts
            for i, j in zip(e_sentences, l_sentences, strict=True)):
        return True
    return folded_parts(earlier, e_sentences) == folded_parts(later, l_sentences)


def edits(earlier: Analysis, later: Analysis, links: Sequence[SentenceLink],
          speakers: SpeakerTable | None = None, *,
          updated: tuple[list[Span], list[Span]] | None = None) -> list[tuple[Edit, Words, Words]]:
    """The lifted word-level edits of every sentence link, in earlier order (``speakers``:
    the table that tells sides and people apart; the builtin one for ``None``). ``updated``,
    when given, receives the (earlier, later) spans of the runs read as metadata updates
    (a date, an event renumbered, a name's other form, another holder of an office)."""
    read: list[tuple[SentenceLink, Words, Words, list[tuple[int, int, int, int]] | list[Edit]]] = []
    texts = (earlier.statement.text, later.statement.text)
    years = tuple(d.year if (d := a.statement.date) is not None else None for a in (earlier, later))
    # Names of the holders of an office that changed hands, as (earlier, later) words:
    # the name alone elsewhere ("Minister Wehmeyer said" -> "Albers said") is that same update.
    holders: set[tuple[frozenset[str], frozenset[str]]] = set()
    # The numbers of events renumbered ("Seventh" -> "Ninth" Conference, as (7, 9)): the
    # bare number elsewhere ("TICAD 7" -> "TICAD 9") is that same update.
    renumbered: set[tuple[int, int]] = set()
    for link in links:
        if _same_words(earlier, link.earlier, later, link.later):
            continue  # the same words: most links of a revision, read without building tokens
        e, l = words_of(earlier, link.earlier), words_of(later, link.later)
        if link.similarity < GAP_THRESHOLD:
            read.append((link, e, l, rewritten_edits(link, e, l)))
            continue
        e_stamps, l_stamps = stamps(e, years[0]), stamps(l, years[1])
        runs = []
        aligned = [r for merged in _merge(spans(e.parts, l.parts)) for r in _head_aligned(e, l, merged)]
        for r in (r for run in aligned for named in _split_name(e, l, run)
                  for r in unstamped(e, l, named, e_stamps, l_stamps)):
            if (_only_grammar(e, l, r) and not is_timed(e, l, r)) or _rejoined(e, l, r) \
                    or _connective(e, l, r):
                continue
            numbers = renumbering(e, l, r)
            if numbers is not None:
                renumbered.add(numbers)
            if is_date_edit(e, l, r) or numbers is not None or agenda_number(e, l, r) \
                    or name_form(e, l, r, texts, speakers):
                _update(updated, e, l, r)
                continue
            if same_office(e, l, r, texts, speakers):
                holders.add((frozenset(e.parts[r[0]:r[1]]), frozenset(l.parts[r[2]:r[3]])))
                _update(updated, e, l, r)
                continue
            runs.append(r)
        read.append((link, e, l, runs))
    found: list[tuple[Edit, Words, Words]] = []
    for link, e, l, done in read:
        if link.similarity < GAP_THRESHOLD:
            found += [(edit, e, l) for edit in done if isinstance(edit, Edit)]
            continue
        runs = []
        for run in done:
            if not isinstance(run, tuple):
                continue
            if holder_again(e, l, run, holders, texts, speakers) or numbered_again(e, l, run, renumbered):
                _update(updated, e, l, run)
            else:
                runs.append(run)
        for k, run in enumerate(runs):
            before = (runs[k - 1][1], runs[k - 1][3]) if k else (0, 0)
            after = (runs[k + 1][0], runs[k + 1][2]) if k + 1 < len(runs) else (len(e.parts), len(l.parts))
            found.append((Edit(link, run, lift(e, l, run, before, after)), e, l))
    return found


def _update(updated: tuple[list[Span], list[Span]] | None, e: Words, l: Words,
            run: tuple[int, int, int, int]) -> None:
    """Record a run read as a metadata update in ``updated`` (see ``edits``)."""
    if updated is not None:
        i1, i2, j1, j2 = run
        if i2 > i1:
            updated[0].append(e.span(i1, i2))
        if j2 > j1:
            updated[1].append(l.span(j1, j2))
