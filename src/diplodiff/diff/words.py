"""Word-level change inside corresponding sentences, lifted to the phrase that holds it.

The folded words of two corresponding sentences are diffed (rapidfuzz opcodes,
``align.spans``). Each run that differs is *lifted*: widened, by the same shared
words on both sides, to the phrase that contains it, so an analyst reads
"serious concern -> grave concern", not "serious -> grave". The lift uses the
data-free word classes of the chunker (content words, governing verbs and
adverbs, function words) and no trained model:

* a change that ends on a content word takes the rest of its noun phrase
  (content words joined by "of", "and", "for", "on", "in", "with", "'s"), then a
  passive verb after it ("concerns were expressed");
* a change made only of verbs, adverbs or auxiliaries ("will" -> "is willing to",
  "strongly" added, "call on" -> "urge") takes what it governs: the verbs and
  articles after it up to the next noun phrase, and an infinitive after that
  ("urge China to respect human rights");
* a change that begins on a content word or a preposition takes the noun phrase
  it attaches to on its left ("Transport Corridor" -> "Transport Route",
  "status quo" -> "status quo by force or coercion");
* a verb followed by a particle ("scale up", "carry out") takes the particle and
  the object after it, so an adverb added before it reads "urgently step up
  support for ...", not "urgently step";
* a change that adds or drops a conjunct of a coordinated list takes the whole
  list: a comma on one side only ("open and inclusive" -> "open, inclusive and
  transparent") is a list comma, not a phrase boundary;
* a change that leaves a bare noun on one side takes, over its article, the verb
  that governs it or opens the clause ("Notes the headway");
* a lexicon formula the lifted words overlap is taken whole.

Differences that normalisation removes (case, quotes, hyphens, spacing, plurals,
spelling, line breaks, punctuation) never make a run; nor do runs that differ
only in articles or other function words. Non-formula updates make none either:
a time or venue stamp (``stamps``: "this year", "in 2025", "in Berlin on 21 May";
a deadline or a duration is no stamp), a session renumbered, another holder of
the same office ("Minister Wehmeyer" -> "Minister Albers").
"""

from __future__ import annotations

import functools
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence

from attrs import frozen

from .._models import Analysis, Origin, Phrase, SentenceLink, Span, Token, Tokens
from ..text.normalize import BARRIER, QUOTES, function_words, heads, singular, stopwords
from ..text.speakers import default_speakers, same_side
from ..text.words import HEAD, NAME, TITLE, vocabulary, word
from .align import spans
from .sentences import GAP_THRESHOLD

_CONNECT = frozenset({"of", "and", "for", "on", "in", "with", "&", "'s"})
_COORDINATORS = frozenset({"and", "&"})
ARTICLES = frozenset({"a", "an", "the"})
_BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_CROSS = ARTICLES | _BE | frozenset({"to", "not", "has", "have", "had", "will", "shall", "would",
                                     "should", "can", "could", "may", "might", "must"})
#: Most words a governing change reaches over to find its noun phrase.
_HEAD_REACH = 4
#: Most words of shared context a lift adds on one side of a change.
_MAX_CONTEXT = 8
#: Content words that make an insertion or deletion a clause of its own.
CLAUSE_WORDS = 4

# Word classes: C content, V governing verb / adverb / participle, A auxiliary or
# article (crossable), N connector inside a noun phrase, F other function word.
C, V, A, N, F = "C", "V", "A", "N", "F"


def word_class(token: Token) -> str:
    """The chunker's class of one word token (see the module docstring)."""
    word = token.text.translate(QUOTES).lower()
    if word in _CONNECT or token.parts == ("'s",):
        return N
    if word in _NUMBER_WORDS:
        return C
    if word in _CROSS:
        return A
    if word in function_words():
        return F
    if word in stopwords():
        return V
    if word.isalpha() and len(word) > 4 and token.text.islower() and (
            word.endswith("ed") or (word.endswith("ly") and word not in _NOT_ADVERBS)):
        return V
    return C


_NUMBER_WORDS = frozenset({"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"})
#: Determiners a governing word reaches over to its noun phrase ("safeguard each other's ...").
_DETERMINERS = frozenset({"each", "other", "their", "our", "its", "his", "her", "this", "these",
                          "those", "all", "both", "any", "every", "such", "'s"})
_NOT_ADVERBS = frozenset({"family", "supply", "assembly", "italy", "rally", "anomaly", "monopoly",
                          "july", "ally", "apply", "reply", "early"})


@frozen
class Words:
    """The folded words of one side of a sentence link, with where they come from.

    Attributes:
        tokens: The word tokens, in order (punctuation and quotes left out).
        sentence_of: The sentence index of each token.
        parts: Folded words; a hyphenated token gives several.
        owner: Index into ``tokens`` of each part.
        classes: Word class of each part.
        breaks: True where punctuation or a sentence end comes before the part.
        commas: True where that punctuation is commas only, inside one sentence (a list
            comma: "free, fair and credible").
    """

    tokens: tuple[Token, ...]
    sentence_of: tuple[int, ...]
    parts: tuple[str, ...]
    owner: tuple[int, ...]
    classes: tuple[str, ...]
    breaks: tuple[bool, ...]
    commas: tuple[bool, ...] = ()

    def span(self, first: int, last: int) -> Span:
        """The text span of parts ``first .. last - 1``."""
        return Span(self.tokens[self.owner[first]].span.start, self.tokens[self.owner[last - 1]].span.end)


def words_of(analysis: Analysis, sentences: Sequence[int]) -> Words:
    """Flatten the word tokens of some sentences, in order, for diffing."""
    tokens: list[Token] = []
    sentence_of: list[int] = []
    parts: list[str] = []
    owner: list[int] = []
    classes: list[str] = []
    breaks: list[bool] = []
    commas: list[bool] = []
    for index in sentences:
        pending = True
        comma = False
        for token in analysis.sentences[index].tokens:
            if not token.parts:
                # Quotes fold to nothing; an apostrophe after a plural ("States'") ends
                # the possessor's noun phrase.
                if token.text in ("'", "\u2019") and tokens and tokens[-1].text[-1:] in "sS" \
                        and tokens[-1].span.end == token.span.start:
                    pending, comma = True, False
                continue
            if token.parts == (BARRIER,):
                comma = token.text == "," and (comma or not pending)
                pending = True
                continue
            tokens.append(token)
            sentence_of.append(index)
            kind = word_class(token)
            for k, part in enumerate(token.parts):
                parts.append(part)
                owner.append(len(tokens) - 1)
                classes.append(kind)
                breaks.append(pending and k == 0)
                commas.append(comma and k == 0)
            pending = comma = False
    return Words(tuple(tokens), tuple(sentence_of), tuple(parts), tuple(owner), tuple(classes),
                 tuple(breaks), tuple(commas))


def _folded(analysis: Analysis, sentences: Sequence[int]) -> list[str]:
    """``words_of(analysis, sentences).parts``, from the token columns alone."""
    return [part for index in sentences for parts in Tokens.of(analysis.sentences[index].tokens).parts
            if parts != (BARRIER,) for part in parts]


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
    return all(c in (A, N, F) for c in classes) and not _modal_words(e.parts[i1:i2] + l.parts[j1:j2]) \
        and not any(raises_degree(e, k) for k in range(i1, i2)) \
        and not any(raises_degree(l, k) for k in range(j1, j2))


#: Degree words that make an adjective after them stronger ("the most significant threat").
_DEGREE_UP = frozenset({"most", "more"})
#: Word endings of English adjectives (a data-free test: "significant", "serious", "important").
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ful", "ary", "ent", "ant", "ible", "able")


def raises_degree(words: Words, k: int) -> bool:
    """True when part ``k`` is a comparative or superlative degree word before an
    adjective ("most significant", "more serious"): the adjective intensified."""
    return (words.parts[k] in _DEGREE_UP and k + 1 < len(words.parts) and not words.breaks[k + 1]
            and words.parts[k + 1].isalpha() and words.parts[k + 1].endswith(_ADJECTIVE_ENDINGS))


def _rejoined(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when the run only splits or joins words ("two-way" and "twoway" from a
    hyphen at a line end, "cooperation" and "co operation"): the same letters."""
    i1, i2, j1, j2 = run
    return "".join(e.parts[i1:i2]) == "".join(l.parts[j1:j2])


_MODALS = frozenset({"will", "shall", "should", "must", "may", "might", "could", "would", "can", "not"})


def _modal_words(words: Sequence[str]) -> bool:
    return any(w in _MODALS for w in words)


class _Context:
    """The shared words on one side of a run, read on both statements at once."""

    def __init__(self, e: Words, l: Words, e_at: int, l_at: int, step: int, limit: int,
                 empty: tuple[bool, bool] = (False, False)) -> None:
        self.e, self.l, self.e_at, self.l_at, self.step, self.limit = e, l, e_at, l_at, step, limit
        # On a side where the run is empty (an insertion), the punctuation next to
        # the run lies on its other side: it does not separate the context from it.
        self.empty = empty

    def __len__(self) -> int:
        return min(self.limit, _MAX_CONTEXT)

    def cls(self, k: int) -> str:
        return self.e.classes[self.e_at + self.step * k]

    def word(self, k: int) -> str:
        return self.e.parts[self.e_at + self.step * k]

    def listed(self, k: int) -> bool:
        """True when a list comma on one side only parts context word ``k`` from the run
        ("free [and fair]" became "free, [fair and credible]"): the list grew or shrank."""
        e_next, l_next = self.e_at - k + 1, self.l_at - k + 1
        if self.step > 0 or e_next >= len(self.e.parts) or l_next >= len(self.l.parts):
            return False
        return self.e.breaks[e_next] != self.l.breaks[l_next] and (self.e.commas[e_next]
                                                                   or self.l.commas[l_next])

    def opens(self, k: int) -> bool:
        """True when context word ``k`` (on the left) begins its sentence or clause on both sides."""
        return self.step < 0 and self.e.breaks[self.e_at - k] and self.l.breaks[self.l_at - k]

    def blocked(self, k: int) -> bool:
        """True when punctuation separates context word ``k`` from the run side of it."""
        skip_e, skip_l = (self.empty if k == 0 else (False, False))
        if self.step > 0:
            return ((not skip_e and self.e.breaks[self.e_at + k])
                    or (not skip_l and self.l.breaks[self.l_at + k]))
        e_next, l_next = self.e_at - k + 1, self.l_at - k + 1
        return ((not skip_e and e_next < len(self.e.parts) and self.e.breaks[e_next])
                or (not skip_l and l_next < len(self.l.parts) and self.l.breaks[l_next]))


def _chunk(ctx: _Context, k: int, joins: frozenset[str] = frozenset({"of", "for", "'s"})) -> int:
    """Extend through a noun phrase starting at context word ``k``: content words
    joined by ``joins`` ("of", "for", "'s"; an article may follow "of"). "and"
    never joins: a change in one conjunct is not a change in the other."""
    n = len(ctx)
    while k < n and not ctx.blocked(k):
        if ctx.cls(k) == C:
            k += 1
            continue
        if ctx.word(k) in joins:
            j = k + 1
            if ctx.word(k) == "of" and j < n and not ctx.blocked(j) and ctx.word(j) in ARTICLES:
                j += 1
            if j < n and not ctx.blocked(j) and ctx.cls(j) == C:
                k = j
                continue
        break
    return k


#: What a governing word's object may be joined by ("cooperation on clean energy").
_OBJECT_JOINS = frozenset({"of", "for", "'s", "on", "in", "with"})
#: Prepositions that open the complement of a noun ("commitment to the defense").
_COMPLEMENTS = frozenset({"to", "for", "on"})


def _object(ctx: _Context, k: int) -> int:
    """Extend over the noun phrase a verb governs, from context word ``k``: the preposition
    that may join it ("work with"), its article or determiner, and modifiers in a list
    ("the full, equal and safe participation of women"); 0 when no noun phrase follows."""
    n = len(ctx)
    if k < n and not ctx.blocked(k) and ctx.word(k) in _OBJECT_JOINS:
        k += 1
    while k < n and not ctx.blocked(k) and (ctx.word(k) in ARTICLES or ctx.word(k) in _DETERMINERS):
        k += 1
    if not (k < n and not ctx.blocked(k) and ctx.cls(k) == C):
        return 0
    k = _chunk(ctx, k, _OBJECT_JOINS)
    while k < n:
        if ctx.word(k) in _COORDINATORS and not ctx.blocked(k) and k + 1 < n and not ctx.blocked(k + 1) \
                and ctx.cls(k + 1) == C:
            k = _chunk(ctx, k + 1, _OBJECT_JOINS)
        elif ctx.cls(k) == C and ctx.e.commas[ctx.e_at + k] and ctx.l.commas[ctx.l_at + k]:
            k += 1  # a list comma between two modifiers
            if k < n and not ctx.blocked(k) and ctx.cls(k) == C:
                k = _chunk(ctx, k, _OBJECT_JOINS)
        else:
            break
    return k


def _right(ctx: _Context, ends_on_content: bool, after_modal: bool = False) -> int:
    n = len(ctx)
    k = 0
    if after_modal and n and not ctx.blocked(0) and ctx.cls(0) in (C, V):
        # The word after a modal is its verb, whatever its class ("should include"): the
        # change reads with the verb and what it governs ("cooperate with China", "include
        # the participation of women").
        return _object(ctx, 1) or 1
    if not ends_on_content:
        last_verb = 0
        while k < n and k < _HEAD_REACH + 2 and not ctx.blocked(k) and (
                ctx.cls(k) in (V, A) or ctx.word(k) in _DETERMINERS):
            k += 1
            if ctx.cls(k - 1) == V:
                last_verb = k
        if not (k < n and not ctx.blocked(k) and ctx.cls(k) == C):
            return last_verb
        k = _particle(ctx, _chunk(ctx, k, _OBJECT_JOINS))
    else:
        k = _particle(ctx, _chunk(ctx, k))
    if k + 1 < n and not ctx.blocked(k) and not ctx.blocked(k + 1):
        if ctx.word(k) in _BE and ctx.cls(k + 1) == V:
            return k + 2  # a passive verb after the noun phrase
        if not ends_on_content and ctx.word(k) == "to" and ctx.cls(k + 1) in (V, C):
            j = k + 1
            while j < n and not ctx.blocked(j) and ctx.cls(j) == V:
                j += 1
            return _chunk(ctx, j, _OBJECT_JOINS) if j < n and not ctx.blocked(j) and ctx.cls(j) == C else j
        if ends_on_content and ctx.word(k) in _COMPLEMENTS:
            j = k + 1
            if j < n and not ctx.blocked(j) and ctx.word(j) in ARTICLES:
                j += 1
            if j < n and not ctx.blocked(j) and ctx.cls(j) == C:
                return _chunk(ctx, j, frozenset({"of"}))
    return k


def _left(ctx: _Context) -> int:
    n = len(ctx)
    k = 0
    while k < n and not ctx.blocked(k):
        if ctx.cls(k) == C:
            k += 1
            continue
        if ctx.word(k) in ("of", "for", "'s") and k + 1 < n and not ctx.blocked(k + 1) \
                and ctx.cls(k + 1) == C:
            k += 2
            continue
        break
    if k < n and not ctx.blocked(k) and ctx.cls(k) == V:
        k += 1  # the verb that governs the noun phrase ("expressed deep concern")
    return k


def _list_left(ctx: _Context, k: int) -> int:
    """Extend ``k`` left words over the item of a coordinated list that a list comma on
    one side only parts from the run ("free [and fair]" -> "free, [fair and credible]").
    A comma on both sides is not crossed: "In Asia, peace and stability" is no list."""
    n = len(ctx)
    if k < n and ctx.cls(k) in (C, V) and ctx.listed(k):
        k += 1
        while k < n and ctx.cls(k) in (C, V) and not ctx.blocked(k):
            k += 1
    return k


def _list_right(ctx: _Context, k: int) -> int:
    """Extend ``k`` right words over the rest of a coordinated list the run stands in,
    up to the list's head ("fair, [transparent] and inclusive electoral process"): the
    list is what changed, not its first items alone."""
    n = len(ctx)
    if k + 1 < n and ctx.word(k) in _COORDINATORS and not ctx.blocked(k) and not ctx.blocked(k + 1) \
            and ctx.cls(k + 1) in (C, V):
        return _chunk(ctx, k + 1)
    return k


def _left_conjunct(ctx: _Context, k: int) -> int:
    """Extend ``k`` left words, standing on a coordinator, over the conjunct before it."""
    n, j = len(ctx), k + 1
    while j < n and not ctx.blocked(j) and ctx.cls(j) == C:
        j += 1
    return j if j > k + 1 else k


#: Words that join the parts of one name ("the Republic of Mali").
_IN_NAME = frozenset({"of", "the"})


def _named(w: Words, k: int) -> bool:
    """True when part ``k`` is written with a capital (a name's word)."""
    return w.tokens[w.owner[k]].text[:1].isupper()


def _list_extent(w: Words, first: int, last: int) -> tuple[int, int]:
    """Widen parts ``first .. last - 1`` to the list of names they stand in: names parted
    by list commas or a coordinator, a name's own "of" within it ("Republic of Mali",
    "IGAD Quartet of Kenya, ...") and a "the" that opens a member after a coordinator or
    a list comma ("... and the Republic of Niger")."""
    n = len(w.parts)

    def joined(k: int) -> bool:  # nothing but a list comma, if anything, before part k
        return not w.breaks[k] or w.commas[k]

    while first > 0 and joined(first):
        k = first - 1
        if _named(w, k):
            first = k
        elif k > 0 and _named(w, k - 1) and (
                (w.parts[k] in _COORDINATORS and joined(k)) or (w.parts[k] == "of" and not w.breaks[k])):
            first = k - 1
        elif w.parts[k] == "the" and k > 0 and (w.parts[k - 1] in _COORDINATORS or w.commas[k]):
            first = k
        else:
            break
    while last < n and joined(last):
        k = last
        if _named(w, k) or (w.parts[k] in _COORDINATORS | _IN_NAME and k + 1 < n and not w.breaks[k + 1] and (
                _named(w, k + 1) or (w.parts[k + 1] == "the" and k + 2 < n and _named(w, k + 2)))):
            last = k + 1
        else:
            break
    return first, last


def list_members(w: Words, first: int, last: int) -> list[tuple[int, int]] | None:
    """The members ``(first, last)`` of a list of names standing at parts ``first ..
    last - 1`` ("Burkina Faso, Guinea and Mali": three), parted by list commas and
    coordinators; ``None`` when the parts are no such list (fewer than two members, or
    a word that is no name and no joining word)."""
    if last <= first or not _names_only(w, first, last):
        return None
    members: list[tuple[int, int]] = []
    start = None
    for k in range(first, last):
        if w.parts[k] in _COORDINATORS:
            if start is not None:
                members.append((start, k))
            start = None
            continue
        if start is not None and w.commas[k]:
            members.append((start, k))
            start = None
        if start is None:
            if w.parts[k] in _IN_NAME and not _named(w, k):
                continue  # "the" before a member ("and the Republic of Niger")
            start = k
    if start is not None:
        members.append((start, last))
    return members if len(members) >= 2 else None


def _coordinated(w: Words, first: int, last: int) -> bool:
    """True when a coordinator or a list comma stands in parts ``first .. last - 1`` or next to them."""
    return any(w.parts[k] in _COORDINATORS or w.commas[k]
               for k in range(max(first - 1, 0), min(last + 1, len(w.parts))))


def _names_only(w: Words, first: int, last: int) -> bool:
    """True when parts ``first .. last - 1`` are names and what joins them ("and", "of", "the")."""
    return all(_named(w, k) or w.parts[k] in _COORDINATORS or w.parts[k] in _IN_NAME
               for k in range(first, last))


def _coordinates(w: Words, first: int, last: int) -> bool:
    """True when parts ``first .. last - 1`` hold a coordinator between content words."""
    return any(w.parts[k] in _COORDINATORS and w.classes[k - 1] in (C, V) and w.classes[k + 1] in (C, V)
               for k in range(max(first, 1), min(last, len(w.parts) - 1)))


#: Particles of a phrasal verb ("scale up", "carry out", "put forward").
_PARTICLES = frozenset({"up", "out", "down", "off", "forward"})


def _particle(ctx: _Context, k: int) -> int:
    """Extend over a verb particle and the noun phrase it governs when context word ``k``
    is one ("[urgently] scale up humanitarian assistance"); else ``k``."""
    n = len(ctx)
    if not (k + 1 < n and ctx.word(k) in _PARTICLES and not ctx.blocked(k) and not ctx.blocked(k + 1)):
        return k
    j = k + 1
    while j < n and not ctx.blocked(j) and (ctx.word(j) in ARTICLES or ctx.word(j) in _DETERMINERS):
        j += 1
    # The object's words: content words, and the participles and verb-like nouns the
    # word classes call governing ("support", "displaced"), joined as a noun phrase is.
    end = k
    while j < n and not ctx.blocked(j):
        if ctx.cls(j) in (C, V):
            j += 1
            if ctx.cls(j - 1) == C:
                end = j
            continue
        if ctx.word(j) in _OBJECT_JOINS and j + 1 < n and not ctx.blocked(j + 1) and ctx.cls(j + 1) in (C, V):
            j += 1
            continue
        break
    return end


def _plural(token: Token) -> bool:
    word = token.text.translate(QUOTES).lower()
    return word.isalpha() and token.text[:1].islower() and len(token.parts) == 1 \
        and singular(word) != word


def lift(e: Words, l: Words, run: tuple[int, int, int, int], before: tuple[int, int],
         after: tuple[int, int]) -> tuple[int, int, int, int]:
    """Widen a run by the shared words of the phrase that holds it.

    ``before`` and ``after`` bound the shared words (the ends of the neighbouring runs).
    """
    i1, i2, j1, j2 = run
    if _names_only(e, i1, i2) and _names_only(l, j1, j2) \
            and (_coordinated(e, i1, i2) or _coordinated(l, j1, j2)) \
            and any(_named(w, k) for w, a, b in ((e, i1, i2), (l, j1, j2)) for k in range(a, b)):
        # A list of names (countries, members of a group) that gained, lost or swapped
        # a member: the whole list on each side, and nothing after it (its verb is no
        # part of it). Each side is read on its own: "Djibouti and South Sudan" ->
        # "Djibouti, South Sudan and Uganda" moves the "and" as well as adding a member.
        return (*_list_extent(e, i1, i2), *_list_extent(l, j1, j2))
    last = [cls[k - 1] for cls, k, lo in ((e.classes, i2, i1), (l.classes, j2, j1)) if k > lo]
    first = [cls[k] for cls, k, hi in ((e.classes, i1, i2), (l.classes, j1, j2)) if k < hi]
    # A plural noun ends its noun phrase: what follows it is the verb ("policies present...").
    headed = any(_plural(w.tokens[w.owner[k - 1]]) for w, k, lo in ((e, i2, i1), (l, j2, j1)) if k > lo)
    empty = (i1 == i2, j1 == j2)
    ctx = _Context(e, l, i2, j2, 1, min(after[0] - i2, after[1] - j2), empty)
    modal = any(w.parts[k - 1] in _MODALS for w, k, lo in ((e, i2, i1), (l, j2, j1)) if k > lo)
    right = 0 if headed and C in last else _right(ctx, C in last, modal)
    left = 0
    numeral = any(p[:1].isdigit() for p in (e.parts[i1:i1 + 1] + l.parts[j1:j1 + 1]))
    back = _Context(e, l, i1 - 1, j1 - 1, -1, min(i1 - before[0], j1 - before[1]), empty)
    if any(c in (C, N, F) for c in first) and not numeral:
        left = _left(back)
        if left < len(back) and back.word(left) in _COORDINATORS and not back.blocked(left) \
                and C in first and C in [cls[k] for cls, k, hi in ((e.classes, i1, i2), (l.classes, j1, j2))
                                         if k < hi]:
            # A modifier changed after "and": the coordinated modifiers are one
            # phrase ("prompt and [complete] withdrawal" -> "prompt and [phased] withdrawal").
            left = _left_conjunct(back, left)
    if _coordinates(e, i1 - 1, i2 + 1) or _coordinates(l, j1 - 1, j2 + 1):
        # A conjunct added to or dropped from a list: the whole list with its head.
        left = _list_left(back, left)
        right = _list_right(ctx, right)
    if min(i2 - i1, j2 - j1) + left + right == 1 and left < len(back) and not back.blocked(left) \
            and back.word(left) in ARTICLES and left + 1 < len(back) and not back.blocked(left + 1) \
            and (back.cls(left + 1) == V or (back.cls(left + 1) == C and back.opens(left + 1))):
        # A bare noun on one side reads with the verb that governs it, over its article:
        # a governing word, or the word that opens the clause ("Notes the [slow] progress").
        left += 2
    return i1 - left, i2 + right, j1 - left, j2 + right


#: Degree words a noun phrase's modifiers may hold ("the most significant and direct threat").
_DEGREE = frozenset({"most", "more", "very", "less", "least"})


def _noun_phrase(w: Words, head: int) -> tuple[int, int]:
    """The parts ``(first, last)`` of the noun phrase headed by content part ``head``:
    its modifiers back to an article or determiner (content words, degree words,
    "and"), then a complement ("to", "for", "on", "of", an article, a noun chunk)."""
    first = head
    while first > 0 and not w.breaks[first]:
        k = first - 1
        word, cls = w.parts[k], w.classes[k]
        if (word in ARTICLES or word in _DETERMINERS) and word != "'s":
            first = k
            break
        if cls == C or word in _DEGREE or word == "'s" or (word in _COORDINATORS and first < head):
            first = k
            continue
        break
    last = head + 1
    k = last
    if k + 1 < len(w.parts) and w.parts[k] in (*_COMPLEMENTS, "of") and not w.breaks[k] \
            and not w.breaks[k + 1]:
        j = k + 1
        if w.parts[j] in ARTICLES and j + 1 < len(w.parts) and not w.breaks[j + 1]:
            j += 1
        end = j
        while end < len(w.parts) and (not w.breaks[end] or (end > j and _possessive(w, end))) \
                and w.classes[end] == C:
            end += 1
        if end > j:
            last = end
    while first < head and w.parts[first] in _COORDINATORS:
        first += 1
    return first, last


def _possessive(w: Words, k: int) -> bool:
    """True when only a plural's apostrophe parts part ``k`` from the one before ("Allies' security")."""
    before, at = w.tokens[w.owner[k - 1]], w.tokens[w.owner[k]]
    return (before.text[-1:] in "sS" and 0 < at.span.start - before.span.end <= 2
            and w.owner[k] != w.owner[k - 1])


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
    phrases = {(_noun_phrase(e, e_once[w]), _noun_phrase(l, l_once[w]))
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
    """How many parts from ``first`` are capitalised content words (a name)."""
    k = first
    while k < last and w.classes[k] == C and w.tokens[w.owner[k]].text[:1].isupper():
        k += 1
    return k - first


def _split_name(e: Words, l: Words, run: tuple[int, int, int, int]) -> list[tuple[int, int, int, int]]:
    """A run that swaps a name and then changes what follows it on both sides
    ("Oyamada expressed concern over" -> "Morinaga strongly condemned") is two edits:
    who speaks, and what is said, each reported (and counted) on its own."""
    i1, i2, j1, j2 = run
    a, b = _name_length(e, i1, i2), _name_length(l, j1, j2)
    if not a or not b or i1 + a == i2 or j1 + b == j2 or e.breaks[i1 + a] or l.breaks[j1 + b] \
            or e.parts[i1 + a] in _COORDINATORS or l.parts[j1 + b] in _COORDINATORS:
        return [run]  # a name before "and" is a member of a list, not the subject of what follows
    i, j = i1 + a, j1 + b
    while i < i2 and j < j2 and e.parts[i] == l.parts[j]:
        i, j = i + 1, j + 1  # a shared word _merge joined the two over ("New Delhi on 8 September")
    return [(i1, i1 + a, j1, j1 + b), (i, i2, j, j2)] if i < i2 or j < j2 else [(i1, i1 + a, j1, j1 + b)]


def _name_form(e: Words, l: Words, run: tuple[int, int, int, int], texts: tuple[str, str]) -> bool:
    """True when the run only gives a country's name in another form ("Mali" -> "the
    Republic of Mali", "Russia" -> "the Russian Federation"): with the capitalised words
    they share after it, both sides name one side of the speaker table."""
    i1, i2, j1, j2 = run
    k = 0
    while i2 + k < len(e.parts) and j2 + k < len(l.parts) and e.parts[i2 + k] == l.parts[j2 + k] \
            and not e.breaks[i2 + k] and e.tokens[e.owner[i2 + k]].text[:1].isupper():
        k += 1
    if not any(e.tokens[e.owner[n]].text[:1].isupper() for n in range(i1, i2 + k)) \
            or not any(l.tokens[l.owner[n]].text[:1].isupper() for n in range(j1, j2 + k)):
        return False  # a side is named in capitals on both sides (and neither is empty)
    return same_side(e.span(i1, i2 + k).of(texts[0]), l.span(j1, j2 + k).of(texts[1]))


#: Most words an office title takes before or after the name of its holder
#: ("Minister of Foreign Affairs of the Federative Republic of Brazil, Paulo Vidal").
_TITLE_REACH = 12


def _person(w: Words, first: int, last: int, text: str) -> bool:
    """True when parts ``first .. last - 1`` are a person's name: up to four capitalised
    words, none an office word, a month or a function word, naming no side."""
    owners = range(w.owner[first], w.owner[last - 1] + 1)
    return len(owners) <= 4 and all(word(w.tokens[t].text).bits & NAME for t in owners) \
        and not same_side(text, text)


def _titled(w: Words, first: int, last: int) -> bool:
    """True when an office title stands right before parts ``first .. last - 1`` (a comma
    allowed between: "Federal Minister for Foreign Affairs Katrin Wehmeyer", "the Minister
    of Foreign Affairs of Brazil, Paulo Vidal") or after them, after a comma ("Paulo
    Vidal, Minister of Foreign Affairs"): title words and names, with an office's head noun."""
    def reads(order: Sequence[int]) -> bool:
        for k in order:
            bits = word(w.tokens[w.owner[k]].text).bits
            if bits & HEAD:
                return True
            if not (bits & TITLE or w.tokens[w.owner[k]].text[:1].isupper()):
                return False
        return False

    back = list(range(first - 1, max(first - _TITLE_REACH, 0) - 1, -1))
    stop = next((n for n, k in enumerate(back) if w.breaks[k]), len(back))
    if (not w.breaks[first] or w.commas[first]) and reads(back[: stop + 1]):
        return True
    if last < len(w.parts) and w.breaks[last] and w.commas[last]:
        ahead = range(last, min(last + _TITLE_REACH, len(w.parts)))
        stop = next((n for n, k in enumerate(ahead) if n and w.breaks[k]), len(ahead))
        return reads(ahead[:stop])
    return False


@functools.cache
def _known_sides() -> dict[str, str]:
    """The side of each person the builtin speaker table knows, by name or alias, lower case."""
    return {form.lower(): person.side for person in default_speakers().people if person.side
            for form in (person.name, *person.aliases)}


def _same_office(e: Words, l: Words, run: tuple[int, int, int, int], texts: tuple[str, str]) -> bool:
    """True when the run only names another holder of one office ("Federal Minister for
    Foreign Affairs Katrin Wehmeyer" -> "... Friedrich Albers", "Minister Wehmeyer" ->
    "Minister Albers"): who holds an office is no formula. A change of the office or of
    a country is a run of its own, and stays a finding; so do two people the speaker table
    knows for different sides ("Foreign Minister Lavrov" -> "Foreign Minister Wang Yi":
    another counterpart, not another holder)."""
    i1, i2, j1, j2 = run
    if i2 == i1 or j2 == j1:
        return False
    gone, new = e.span(i1, i2).of(texts[0]), l.span(j1, j2).of(texts[1])
    sides = _known_sides()
    if gone.lower() in sides and new.lower() in sides and sides[gone.lower()] != sides[new.lower()]:
        return False
    return _person(e, i1, i2, gone) and _person(l, j1, j2, new) and _titled(e, i1, i2) and _titled(l, j1, j2)


def edits(earlier: Analysis, later: Analysis, links: Sequence[SentenceLink],
          ) -> list[tuple[Edit, Words, Words]]:
    """The lifted word-level edits of every sentence link, in earlier order."""
    read: list[tuple[SentenceLink, Words, Words, list[tuple[int, int, int, int]] | list[Edit]]] = []
    texts = (earlier.statement.text, later.statement.text)
    years = tuple(d.year if (d := a.statement.date) is not None else None for a in (earlier, later))
    # Names of the holders of an office that changed hands, as (earlier, later) words:
    # the name alone elsewhere ("Minister Wehmeyer said" -> "Albers said") is that same update.
    holders: set[tuple[frozenset[str], frozenset[str]]] = set()
    for link in links:
        if _folded(earlier, link.earlier) == _folded(later, link.later):
            continue  # the same words: most links of a revision, read without building tokens
        e, l = words_of(earlier, link.earlier), words_of(later, link.later)
        if link.similarity < GAP_THRESHOLD:
            read.append((link, e, l, rewritten_edits(link, e, l)))
            continue
        e_stamps, l_stamps = stamps(e, years[0]), stamps(l, years[1])
        runs = []
        aligned = [r for merged in _merge(spans(e.parts, l.parts)) for r in _head_aligned(e, l, merged)]
        for r in (r for run in aligned for named in _split_name(e, l, run)
                  for r in _unstamped(e, l, named, e_stamps, l_stamps)):
            if (_only_grammar(e, l, r) and not _timed(e, l, r)) or is_date_edit(e, l, r) \
                    or _rejoined(e, l, r) or _renumbered(e, l, r) or _name_form(e, l, r, texts):
                continue
            if _same_office(e, l, r, texts):
                holders.add((frozenset(e.parts[r[0]:r[1]]), frozenset(l.parts[r[2]:r[3]])))
                continue
            runs.append(r)
        read.append((link, e, l, runs))
    found: list[tuple[Edit, Words, Words]] = []
    for link, e, l, done in read:
        if link.similarity < GAP_THRESHOLD:
            found += [(edit, e, l) for edit in done if isinstance(edit, Edit)]
            continue
        runs = [r for r in done if isinstance(r, tuple) and not _holder_again(e, l, r, holders, texts)]
        for k, run in enumerate(runs):
            before = (runs[k - 1][1], runs[k - 1][3]) if k else (0, 0)
            after = (runs[k + 1][0], runs[k + 1][2]) if k + 1 < len(runs) else (len(e.parts), len(l.parts))
            found.append((Edit(link, run, lift(e, l, run, before, after)), e, l))
    return found


def _holder_again(e: Words, l: Words, run: tuple[int, int, int, int],
                  holders: set[tuple[frozenset[str], frozenset[str]]], texts: tuple[str, str]) -> bool:
    """True when the run names, in part, the two holders of an office seen changing hands
    under its title ("Ramon Villacorta" -> "Teresita Lagdameo", then "Villacorta" -> "Lagdameo")."""
    i1, i2, j1, j2 = run
    if not holders or i1 == i2 or j1 == j2:
        return False
    e_words, l_words = set(e.parts[i1:i2]), set(l.parts[j1:j2])
    return any(e_words <= gone and l_words <= new for gone, new in holders) \
        and _person(e, i1, i2, e.span(i1, i2).of(texts[0])) \
        and _person(l, j1, j2, l.span(j1, j2).of(texts[1]))


#: Phrase indexes of the last few analyses, keyed by identity (hashing an Analysis
#: would hash every phrase); each entry keeps its analysis alive so the id stays its own.
_INDEXES: dict[int, tuple[Analysis, list[int], list[_Phrases]]] = {}


class _Phrases:
    """The phrases of one sentence in text order, with their starts and the longest
    one's length: a span finds the phrases that overlap it by bisection, not a scan
    of the sentence's phrases (quadratic in a sentence of many thousand words)."""

    def __init__(self) -> None:
        self.phrases: list[Phrase] = []
        self.starts: list[int] = []
        self.longest = 0

    def add(self, phrase: Phrase) -> None:
        self.phrases.append(phrase)
        self.starts.append(phrase.span.start)
        self.longest = max(self.longest, phrase.span.end - phrase.span.start)

    def overlapping(self, span: Span) -> list[Phrase]:
        # A phrase starting at or before span.start - longest ends by span.start.
        lo = bisect_right(self.starts, span.start - self.longest)
        hi = bisect_left(self.starts, span.end)
        return [p for p in self.phrases[lo:hi] if p.span.start < span.end and span.start < p.span.end]


def _index(analysis: Analysis) -> tuple[list[int], list[_Phrases]]:
    """Sentence starts and the phrases of each sentence, so a span finds its phrases
    by bisection instead of a scan of every phrase (edits x phrases was quadratic)."""
    found = _INDEXES.get(id(analysis))
    if found is not None and found[0] is analysis:
        return found[1], found[2]
    starts = [s.span.start for s in analysis.sentences]
    by_sentence = [_Phrases() for _ in starts]
    if by_sentence:
        for phrase in analysis.phrases:
            by_sentence[max(bisect_right(starts, phrase.span.start) - 1, 0)].add(phrase)
    if len(_INDEXES) >= 4:
        _INDEXES.pop(next(iter(_INDEXES)))
    _INDEXES[id(analysis)] = (analysis, starts, by_sentence)
    return starts, by_sentence


def phrases_at(analysis: Analysis, span: Span) -> list[Phrase]:
    """The phrases of ``analysis`` that overlap ``span``, in order."""
    starts, by_sentence = _index(analysis)
    if not starts:
        return [p for p in analysis.phrases if p.span.start < span.end and span.start < p.span.end]
    found = []
    # a phrase starts in the sentence holding it; a span may reach over several sentences
    for k in range(max(bisect_right(starts, span.start) - 1, 0), len(starts)):
        if starts[k] >= span.end and k > 0:
            break
        found += by_sentence[k].overlapping(span)
    return found


def lexicon_hits(analysis: Analysis, span: Span) -> list[Phrase]:
    """The lexicon formulas that overlap a span."""
    return [p for p in phrases_at(analysis, span) if p.origin is Origin.LEXICON]


def widen(span: Span, hits: Sequence[Phrase]) -> Span:
    """The span grown to take whole every formula it overlaps."""
    if not hits:
        return span
    return Span(min(span.start, *(h.span.start for h in hits)), max(span.end, *(h.span.end for h in hits)))


_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                     "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                     "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "monday", "tuesday",
                     "wednesday", "thursday", "friday", "saturday", "sunday"})


def _datelike(part: str) -> bool:
    return part in _MONTHS or (part.isdigit() and (len(part) <= 2 or part[:2] in ("19", "20")))


#: Nouns of a stretch of time a deictic or an ordinal fixes ("this year", "its tenth anniversary").
_TIME_NOUNS = frozenset({"year", "month", "week", "day", "decade", "century", "anniversary", "quarter"})
#: Words that fix a time noun to a point in time relative to the statement ("last", "coming").
_DEICTIC = frozenset({"this", "last", "next", "past", "coming", "previous", "current", "present",
                      "same", "following"})
#: Adverbs that place a deictic time ("later this year", "earlier this month").
_RELATIVE = frozenset({"later", "earlier"})
_DAYS = frozenset({"today", "yesterday", "tomorrow"})
#: Prepositions that stamp when something happened ("in 2025", "on 21 May", "over the past year").
_WHEN = frozenset({"in", "on", "over", "during", "at", "since", "throughout"})
#: Words that make a time a deadline or a duration's end, a commitment's content ("within
#: this year", "by December", "no later than 31 March", "before the end of this year").
_DEADLINE = frozenset({"by", "within", "until", "till", "before", "after", "than", "of", "from", "to",
                       "for"})
_ORDINAL_WORDS = frozenset({
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
    "seventieth", "eightieth", "ninetieth", "hundredth"})
_TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})
#: Counts of time nouns after a deictic ("the past two years", "the last twelve months").
_COUNTS = _NUMBER_WORDS | frozenset({"eleven", "twelve", "few", "several"})


def _ordinal(part: str) -> bool:
    """"41st", "3rd", "twentieth", "fifth" (of "twenty-fifth")."""
    return part in _ORDINAL_WORDS or (part[:1].isdigit() and part[-2:] in ("st", "nd", "rd", "th")
                                      and part[:-2].isdigit())


def _calendar_year(part: str) -> bool:
    return len(part) == 4 and part.isdigit() and part[:2] in ("19", "20")


def _month(w: Words, k: int) -> bool:
    """A month or weekday name, capitalised ("May", not the modal "may")."""
    return w.parts[k] in _MONTHS and w.tokens[w.owner[k]].text[:1].isupper()


def _time_word(w: Words, k: int) -> bool:
    """A word that may stand in a time expression (see ``stamps``)."""
    part = w.parts[k]
    return (part in _WHEN or part == "the" or part in _DEICTIC or part in _RELATIVE or part in _DAYS
            or part in _TIME_NOUNS or _month(w, k) or _ordinal(part) or part in _TENS or part in _COUNTS
            or (part.isdigit() and (len(part) <= 2 or _calendar_year(part))))


def _anchored(w: Words, first: int, last: int, year: int | None) -> bool:
    """True when parts ``first .. last - 1`` name a point in time: a month, a day word, a
    time noun fixed by a deictic or an ordinal ("the past year", "its twentieth
    anniversary"), or a year after a preposition of time ("in 2025") up to the year after
    the statement's ``year`` (a later one is a target: "carbon neutrality in 2060"; with
    no date, a bare year may be either and is none). A number of days or weeks is a
    duration ("within two weeks", "for 12 months"), never a point."""
    for k in range(first, last):
        part = w.parts[k]
        if _month(w, k) or part in _DAYS:
            return True
        if part in _TIME_NOUNS and _fixed(w, first, k):
            return True
        if _calendar_year(part) and year is not None and int(part) <= year + 1 \
                and any(w.parts[j] in _WHEN for j in range(first, k)):
            return True
    return False


def _fixed(w: Words, first: int, k: int) -> bool:
    """True when time noun ``k`` has a deictic or an ordinal before it, a count allowed
    between ("this year", "the past two years", "its tenth anniversary")."""
    j = k - 1
    while j > first and (w.parts[j] in _COUNTS or (w.parts[j].isdigit() and len(w.parts[j]) <= 2)):
        j -= 1
    return j >= first and (w.parts[j] in _DEICTIC or (j == k - 1 and _ordinal(w.parts[j])))


def _timed(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when the run changes a deictic of a time noun ("by the end of this year" ->
    "... of next year"): left after the stamps are read out, a deadline, no grammar."""
    i1, i2, j1, j2 = run
    return any(k + 1 < len(w.parts) and w.parts[k] in _DEICTIC and w.parts[k + 1] in _TIME_NOUNS
               for w, lo, hi in ((e, i1, i2), (l, j1, j2)) for k in range(lo, hi))


def _place_end(w: Words, k: int) -> int:
    """Where the place named after "in" or "at" at part ``k`` ends: capitalised content
    words, and parts glued to them ("Nuku'alofa"), up to four words; ``k`` when none."""
    def glued(j: int) -> bool:  # a quote between, folded away, leaves a gap of one
        return w.owner[j] == w.owner[j - 1] or (
            w.classes[j] == C and w.tokens[w.owner[j]].span.start - w.tokens[w.owner[j - 1]].span.end <= 1)

    end = k + 1
    while end < len(w.parts) and end - k <= 4 and not w.breaks[end] and (
            (w.classes[end] == C and w.tokens[w.owner[end]].text[:1].isupper())
            or (end > k + 1 and glued(end))):
        end += 1
    return end if end > k + 1 and w.parts[k] in ("in", "at") else k


def _place_before(w: Words, first: int) -> int:
    """Where "in <Place>" right before part ``first`` starts ("in Berlin on 21 May"), else ``first``."""
    for k in range(first - 2, max(first - 6, -1), -1):
        if not w.breaks[k + 1] and _place_end(w, k) == first:
            return k
    return first


def _place_after(w: Words, last: int) -> int:
    """Where "in <Place>" right after part ``last - 1`` ends ("on 21 May in Berlin"), else ``last``."""
    if last >= len(w.parts) or w.breaks[last]:
        return last
    return max(_place_end(w, last), last)


def stamps(w: Words, year: int | None = None) -> list[bool]:
    """For each part, True when it stands in a time or venue stamp: when (and, with a
    day's date, where) something happened, relative to the statement ("in 2025", "this
    year", "over the past year", "later this year", "in September", "its twentieth
    anniversary", "in Berlin on 21 May"; ``year`` is the statement's, see ``_anchored``).
    A stamp is metadata, not a formula; a time that is a deadline ("by December", "within
    this year") or a duration ("within two weeks") is none: it may be a commitment's content."""
    found = [False] * len(w.parts)
    k = 0
    while k < len(w.parts):
        if not _time_word(w, k):
            k += 1
            continue
        end = k + 1
        while end < len(w.parts) and not w.breaks[end] and _time_word(w, end):
            end += 1
        first, last = k, end
        # An expression ends on its anchor, not on a preposition or article of what follows.
        while last > first and (w.parts[last - 1] in _WHEN or w.parts[last - 1] in ("the", *_RELATIVE)):
            last -= 1
        deadline = (first > 0 and not w.breaks[first] and w.parts[first - 1] in _DEADLINE) \
            or _committed(w, first)
        if last > first and not deadline and _anchored(w, first, last, year):
            if any(_month(w, j) for j in range(first, last)) \
                    and any(w.parts[j].isdigit() and len(w.parts[j]) <= 2 for j in range(first, last)):
                first, last = _place_before(w, first), _place_after(w, last)
            for j in range(first, last):
                found[j] = True
        k = end
    _venues(w, found)
    return found


#: What a meeting scheduled for later is called ("to hold the next summit in 2026").
_GATHERINGS = frozenset({"meeting", "meetings", "summit", "summits", "session", "sessions", "conference",
                         "consultations", "round", "visit", "dialogue", "forum", "talks"})
_NEXT = frozenset({"next", "following"})
#: Words between a modal (or "to") and its verb ("will also further", "to be").
_BEFORE_VERB = frozenset({"also", "again", "further", "jointly", "soon", "be", "not"})


def _committed(w: Words, first: int) -> bool:
    """True when the time at part ``first`` is when something is to be done: its clause
    has a modal or an infinitive ("will review the mandate in March", "agreed to complete
    the withdrawal in 2025", "to hold elections in December") whose verb is no meeting
    ("will meet again in October", "to be held in Canberra", "to hold the next summit in
    2026": the next meeting's date is a stamp). A commitment's date is its content."""
    start = first
    while start > 0 and not w.breaks[start] and w.parts[start - 1] not in ("which", "that", "where"):
        start -= 1
    for k in range(start, first):
        if not (w.parts[k] in _MODALS or (w.parts[k] == "to" and k + 1 < first
                                          and not _named(w, k + 1) and w.parts[k + 1] not in ARTICLES)):
            continue
        v = k + 1
        while v < first and (w.parts[v] in _BEFORE_VERB or w.parts[v].endswith("ly")):
            v += 1
        if v >= first or w.parts[v] in _MEETING or w.parts[v] in ("held", "convened", "hosted"):
            return False
        after = v + 1
        while after < first and (w.parts[after] in ARTICLES or w.parts[after] in _DETERMINERS
                                 or w.parts[after] in _ORDINAL_WORDS or w.parts[after] in _NEXT):
            after += 1
        return not (w.parts[v] in _HOLDING and after < first and w.parts[after] in _GATHERINGS)
    return False


#: Verbs of people meeting: the place after them is where they met ("have met in Vilnius").
_MEETING = frozenset({"met", "meet", "meets", "convened", "convene", "convenes", "gathered", "gather",
                      "assembled"})
#: Verbs of an event held: the place after them is its venue when a time stamp follows
#: ("to be held in Berlin later this year"); alone it may be what is done ("elections held in Mali").
_HOLDING = frozenset({"held", "hold", "holds", "hosted", "host", "place"})


def _venues(w: Words, found: list[bool]) -> None:
    """Mark as stamps the places where the statement's meetings were or will be: "in
    <Place>" right after a verb of meeting, or after a verb of holding when a time stamp
    follows it ("held in Berlin later this year")."""
    for k in range(1, len(w.parts) - 1):
        if w.parts[k] not in ("in", "at") or w.breaks[k] or found[k] \
                or w.parts[k - 1] not in _MEETING | _HOLDING:
            continue
        end = _place_end(w, k)
        if end == k:
            continue
        timed = end < len(w.parts) and not w.breaks[end] and found[end]
        if w.parts[k - 1] in _MEETING or timed:
            for j in range(k, end):
                found[j] = True


#: Words that open a clause inside a sentence ("which began in May", "and to meet in 2025").
_CLAUSE_OPENERS = frozenset({"and", "which", "that", "who", "to", "where", "when", "as"})


#: Verbs that only say that an event takes place ("which began in May", "to meet again in
#: 2025"); what else a clause does with a date ("and to withdraw in March") is its content.
_EVENT_VERBS = _MEETING | _HOLDING | frozenset({
    "begin", "begins", "began", "start", "starts", "mark", "marks", "marked", "open", "opens", "end",
    "ends", "close", "closes", "take", "takes", "took", "occur", "occurs", "occurred"})


def _when_clause(w: Words, marks: Sequence[bool], first: int, last: int) -> bool:
    """True when parts ``first .. last - 1`` and the stamp right after them are a whole
    clause that says only when ("which marked its twentieth anniversary in 2022", "and to
    meet again in 2025", "which begins in December"): a clause opener, no content word but
    a verb of an event taking place, then the stamp up to the clause's end."""
    end = last
    while end < len(marks) and marks[end] and (end == last or not w.breaks[end]):
        end += 1
    return end > last and (end == len(w.parts) or w.breaks[end]) \
        and (w.breaks[first] or w.parts[first] in _CLAUSE_OPENERS) \
        and all(p in _EVENT_VERBS for p, c in zip(w.parts[first:last], w.classes[first:last], strict=True)
                if c == C)


def _unstamped(e: Words, l: Words, run: tuple[int, int, int, int], e_stamps: Sequence[bool],
               l_stamps: Sequence[bool]) -> list[tuple[int, int, int, int]]:
    """The run as it reads without its time and venue stamps: the words outside them
    diffed again, each run mapped back; ``[]`` when only stamps changed ("Amazon Fund
    [this year]" -> "Amazon Fund") or a clause that only said when ("[which begins in
    December]"). A run with a clause's worth of other content words keeps its stamps:
    a date inside a rewritten clause ("which takes effect on 29 January") is its content."""
    i1, i2, j1, j2 = run
    e_keep = [k for k in range(i1, i2) if not e_stamps[k]]
    l_keep = [k for k in range(j1, j2) if not l_stamps[k]]
    content = max(sum(e.classes[k] == C for k in e_keep), sum(l.classes[k] == C for k in l_keep))
    if (len(e_keep) == i2 - i1 and len(l_keep) == j2 - j1) or content >= CLAUSE_WORDS:
        if (j1 == j2 and i2 > i1 and _when_clause(e, e_stamps, i1, i2)) or (
                i1 == i2 and j2 > j1 and _when_clause(l, l_stamps, j1, j2)):
            return []  # ", to be held" before "in Berlin later this year": when and where alone
        return [run]

    def at(keep: list[int], a: int, b: int, start: int) -> tuple[int, int]:
        if b > a:
            return keep[a], keep[b - 1] + 1
        k = keep[a] if a < len(keep) else (keep[-1] + 1 if keep else start)
        return k, k

    found = []
    for a1, a2, b1, b2 in spans([e.parts[k] for k in e_keep], [l.parts[k] for k in l_keep]):
        sub = (*at(e_keep, a1, a2, i1), *at(l_keep, b1, b2, j1))
        if (sub[2] == sub[3] and _when_clause(e, e_stamps, sub[0], sub[1])) or (
                sub[0] == sub[1] and _when_clause(l, l_stamps, sub[2], sub[3])):
            continue
        found.append(sub)
    return found


#: Nouns of a numbered event, besides the event nouns of ``speech.txt`` ("the 42nd Session").
_NUMBERED = frozenset({"round", "edition", "plenary", "anniversary", "assembly", "congress"})
#: Most words between an ordinal and the event noun it numbers ("14th India-Japan Foreign
#: Ministers' Strategic Dialogue").
_EVENT_REACH = 8


def _renumbered(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when a run only renumbers an event ("41st Extraordinary Session" -> "42nd
    Extraordinary Session", "the Fifth Summit" -> "the Sixth Summit", "1165th meeting"):
    one ordinal for another before the same words, an event noun among them. An ordinal of
    anything else ("the First Committee", "the first phase") names another thing."""
    i1, i2, j1, j2 = run
    if i2 - i1 != 1 or j2 - j1 != 1 or not _ordinal(e.parts[i1]) or not _ordinal(l.parts[j1]):
        return False
    events = vocabulary("speech.txt")["event_noun"] | _NUMBERED
    k = i2
    while k < min(len(e.parts), i2 + _EVENT_REACH) and (not e.breaks[k] or _possessive(e, k)):
        if e.parts[k] in events:
            return True
        k += 1
    return False


def is_date_edit(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when a run changes only a date ("8 September" -> "7 June", "2021" -> "2023"):
    when a statement was made is its metadata, not a change in what it says."""
    i1, i2, j1, j2 = run
    changed = e.parts[i1:i2] + l.parts[j1:j2]
    if not changed or not all(_datelike(p) for p in changed):
        return False
    near = {*changed, *e.parts[max(0, i1 - 1) : i1], *e.parts[i2 : i2 + 1]}
    return any(p in _MONTHS or (p.isdigit() and len(p) == 4) for p in near)



#: Prepositions that join a noun to a bare noun complement inside one term
#: ("trafficking in persons", "dialogue with Russia", "support for Ukraine").
_TERM_JOINS = frozenset({"in", "with", "for", "on", "against"})
#: Endings of a nominalisation: the last part of a hyphenated term ("non-proliferation",
#: "de-escalation", "counter-terrorism"), or the whole of a one-part one.
_NOMINAL_PARTS = ("tion", "sion", "ment", "ity", "ance", "ence", "ness", "isation", "ization", "ism")
_NOMINAL_WORDS = ("isation", "ization", "isations", "izations")
#: What may follow a term's complement: it must end there, not open a phrase of its own
#: ("operations in parts of the region" is no term).
_NOT_AFTER = ARTICLES | _DETERMINERS | frozenset({"of"})


#: Participles that work as prepositions ("including in China").
_PREPOSITIONAL = frozenset({"including", "following", "excluding", "involving"})
#: Prepositions that make "in accordance with" one complex preposition, not a term.
_PREPOSITIONS = frozenset({"in", "on", "by", "with", "at"})


def key_terms(w: Words, first: int, last: int, known: Collection[str] = frozenset()) -> list[tuple[int, int]]:
    """Part ranges, inside parts ``first .. last - 1``, of terms the phrase finder
    cuts apart or leaves out, for the key phrases of a new or dropped passage:

    * a noun joined by a preposition to a complement of one bare noun that ends
      there ("trafficking in persons", "a meaningful dialogue with Russia on ...");
      a longer complement is a phrase of its own, which the phrase finder gives,
      "in" before a name says where ("the conflict in Sudan"), and "in" before a
      noun and a preposition is one complex preposition ("act in accordance with");
    * two bare lower-case nouns (plurals or nominalisations) joined by "and", after an
      article, a determiner or a preposition and ending there ("of weapons and
      ammunition"): the chunker splits at "and";
    * a noun with its "of" complement, to the end of the complement's noun phrase
      and no further: a name ("the accession of the Republic of Belarus", "the siege
      of El Fasher"), or lower-case content words, a degree word first allowed
      ("the taxation of very high net-worth individuals"); a one-noun complement
      may take its place after it ("humanitarian consequences of the drought in
      Somalia"). One noun takes a complement of one word only when it heads formulas
      (``heads.txt``: "the principle of non-refoulement", not "the importance of
      de-escalation"), a complement every content word of which is ``known`` (the
      other statement's words: "any part of the Sudan") names nothing new, and an
      official is no complement ("the commitment of the Chairman of ...");
    * a title the name finder leaves out or cuts: capitalised words joined by "of",
      "on", "for", "against" or "and" (an article may follow the join), perhaps with
      a comma list closed by "and", with such a join or a head noun of ``heads.txt``,
      and no office ("Law on the Promotion of Virtue and the Prevention of Vice",
      "World Unity for Just Peace, Harmony and Development"), with the year it runs
      until ("SCO Development Strategy until 2035");
    * a lower-case hyphenated modifier with the noun it qualifies, an "-ing" noun
      too ("face-to-face meeting", "text-based negotiations");
    * an "-ly" adverb and a participle with the nouns they qualify ("nationally
      determined contributions"); not a governing verb ("strongly condemned attacks");
    * a single word that is a term of its own: a lower-case hyphenated word ending
      in a nominalisation ("non-militarisation", "de-escalation"), or a one-part
      -isation/-ization word ("denuclearization").
    """
    found: list[tuple[int, int]] = []
    for k in range(first + 1, last - 1):
        if w.parts[k] not in _TERM_JOINS or w.breaks[k] or w.breaks[k + 1] \
                or w.classes[k - 1] != C or w.classes[k + 1] != C:
            continue
        x = k - 1
        # Back over the noun's chunk, and over a title's words ("the Working Group on
        # discrimination": "Working" is a governing word in lower case).
        while x > first and not w.breaks[x] and (w.classes[x - 1] == C or (
                _title_word(w, x - 1) and w.tokens[w.owner[x]].text[:1].isupper())):
            x -= 1
        y = k + 1
        while y < last and w.owner[y] == w.owner[k + 1]:
            y += 1
        if y < last and not w.breaks[y] and (w.parts[y] in _NOT_AFTER or w.classes[y] in (C, V)):
            continue  # the complement goes on: a phrase of its own, not one noun
        if w.parts[k] == "in" and (not w.tokens[w.owner[k + 1]].text.islower() or (
                y < last and not w.breaks[y] and w.classes[y] == N)):
            continue  # "in Sudan" says where, not what; "in accordance with" is a preposition
        while x < k and w.parts[x] in _PREPOSITIONAL:
            x += 1  # "including in China", "including cooperation on ..."
        if x == k or (x == k - 1 and x > first and not w.breaks[x] and w.parts[x - 1] in _PREPOSITIONS):
            continue  # "in accordance with", "in line with": one complex preposition
        found.append((x, y))
    found += _coordinated_terms(w, first, last) + _of_terms(w, first, last, known)
    found += _name_terms(w, first, last) + _compound_terms(w, first, last) + _adverb_terms(w, first, last)
    k = first
    while k < last:
        owner = w.owner[k]
        end = k
        while end < last and w.owner[end] == owner:
            end += 1
        token = w.tokens[owner]
        parts = w.parts[k:end]
        if w.classes[k] == C and token.text.islower() and all(p.isalpha() for p in parts) and (
                (len(parts) >= 2 and parts[-1].endswith(_NOMINAL_PARTS) and len(parts[-1]) > 5)
                or (len(parts) == 1 and parts[0].endswith(_NOMINAL_WORDS))):
            found.append((k, end))
        k = end
    marks = stamps(w)
    trimmed = []
    for x, y in found:
        while y > x and marks[y - 1]:
            y -= 1  # a term ends before a stamp of when ("conclusion of the negotiations [in December]")
        if y > x:
            trimmed.append((x, y))
    return trimmed


def _bare_noun(w: Words, k: int) -> bool:
    token = w.tokens[w.owner[k]]
    return w.classes[k] == C and len(token.parts) == 1 and token.text.isalpha() and token.text.islower()


def _ends(w: Words, k: int, last: int) -> bool:
    """True when a term may end before part ``k``: nothing it would go on with follows."""
    return k >= last or w.breaks[k] or not (w.parts[k] in _NOT_AFTER or w.classes[k] in (C, V))


def _coordinated_terms(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """"A and B", two bare nouns standing alone (see ``key_terms``)."""
    found = []
    for k in range(first + 1, last - 1):
        if w.parts[k] not in _COORDINATORS or w.breaks[k] or w.breaks[k + 1] \
                or not _bare_noun(w, k - 1) or not _bare_noun(w, k + 1):
            continue
        before = w.parts[k - 2] if k - 1 > first and not w.breaks[k - 1] else ""
        if not (before in ARTICLES or before in _DETERMINERS or (before and w.classes[k - 2] == N)):
            continue  # not where a noun phrase stands ("to deter and respond", "clean food and water")
        if not all(_plural(w.tokens[w.owner[i]]) or w.parts[i].endswith(_NOMINAL_PARTS)
                   for i in (k - 1, k + 1)):
            continue  # nouns by their form: plurals or nominalisations ("weapons and ammunition")
        if _ends(w, k + 2, last):
            found.append((k - 1, k + 2))
    return found


def _of_terms(w: Words, first: int, last: int, known: Collection[str]) -> list[tuple[int, int]]:
    """A noun with an "of" complement, taken to the end of its noun phrase (see ``key_terms``)."""
    found = []
    for k in range(first + 1, last - 1):
        if w.parts[k] != "of" or w.breaks[k] or w.breaks[k + 1] or w.classes[k - 1] != C:
            continue
        x = k - 1
        while x > first and not w.breaks[x] and w.classes[x - 1] == C:
            x -= 1
        if not all(w.tokens[w.owner[i]].text.islower() for i in range(x, k)):
            continue  # a name's "of" ("Republic of Korea") is the name finder's
        if w.owner[x] == w.owner[k - 1] and (x == first or w.breaks[x] or (
                w.parts[x - 1] not in ARTICLES and w.parts[x - 1] not in _DETERMINERS)):
            continue  # one word is a noun only where a noun phrase stands ("the siege of")
        y = k + 1
        if y < last and not w.breaks[y] and w.parts[y] in ARTICLES:
            y += 1
        if y >= last or w.breaks[y] or (w.classes[y] != C and w.parts[y] not in _COMPLEMENT_DEGREE):
            continue
        if y + 1 < last and w.parts[y] in _COMPLEMENT_DEGREE and not w.breaks[y + 1] \
                and w.classes[y + 1] == C:
            y += 1  # "of very high net-worth individuals"
        if _capital(w, y):
            z = _name_end(w, y, last)
            if _office(w, y, z):
                continue  # an official ("the commitment of the Chairman"): who, not what
        else:
            z = y
            while z < last and (z == y or not w.breaks[z]) and w.classes[z] == C \
                    and w.tokens[w.owner[z]].text.islower() and z - y < _MAX_COMPLEMENT:
                z += 1
        stale = all(w.parts[i] in known for i in range(y, z) if w.classes[i] == C)
        if w.owner[x] == w.owner[k - 1] and (stale or (
                w.owner[y] == w.owner[z - 1] and singular(w.parts[k - 1]) not in heads()["name"])):
            # One noun and a complement of one word make a term only when the noun heads
            # formulas ("the principle of non-refoulement", not "the importance of
            # de-escalation", "the unity of the country"); nor when the other statement
            # uses every word of the complement ("any part of the Sudan").
            continue
        if z == y + 1 and _bare_noun(w, y) and z + 1 < last and w.parts[z] == "in" \
                and not w.breaks[z] and not w.breaks[z + 1] and _capital(w, z + 1):
            place = _name_end(w, z + 1, last)  # "the drought in Somalia": its place
            if _ends(w, place, last):
                found.append((x, place))
            continue
        if _ends(w, z, last):
            found.append((x, z))
    return found


#: Degree words that may open an "of" complement before its adjective.
_COMPLEMENT_DEGREE = frozenset({"very", "most", "more", "highly", "particularly", "especially"})
#: Most parts of a lower-case "of" complement ("the taxation of high net-worth individuals").
_MAX_COMPLEMENT = 5
#: Words that join the capitalised words of one title ("Summit of the Future", "Law on
#: the Promotion of Virtue and the Prevention of Vice", "Alliance against Hunger").
_NAME_JOINS = frozenset({"of", "on", "for", "against", "and", "&"})
#: Most parts of a title read by ``_name_end`` after its first capitalised words.
_MAX_TITLE = 24
#: Words after a title that give its term ("Development Strategy until 2035").
_UNTIL = frozenset({"until", "to", "by", "for", "through"})


def _capital(w: Words, k: int) -> bool:
    """Whether part ``k`` is a content word written with a capital (a name's word)."""
    text = w.tokens[w.owner[k]].text
    return w.classes[k] == C and text[:1].isupper()


def _title_word(w: Words, k: int) -> bool:
    """Whether part ``k`` can go on a title: a capitalised word, a function word too
    ("World Unity for Just Peace"), but no join or article."""
    text = w.tokens[w.owner[k]].text
    return text[:1].isupper() and w.parts[k] not in _NAME_JOINS and w.parts[k] not in ARTICLES


def _name_end(w: Words, k: int, last: int) -> int:
    """The end of the capitalised run that starts at part ``k``: capitalised words,
    joined by "of", "on", "for", "against" or "and" (an article may follow the join),
    and a comma-separated list of capitalised words that "and" closes ("Just Peace,
    Harmony and Development")."""
    end = k + 1
    while end < last and not w.breaks[end] and _title_word(w, end):
        end += 1
    listed = end  # where the run stands if a comma list it opens is never closed
    while end < last and end - k < _MAX_TITLE:  # each "of" reads on: bounded, not quadratic
        at = end
        joined = not w.breaks[at] and w.parts[at] in _NAME_JOINS
        if joined or w.commas[at]:
            nxt = at + 1 if joined else at
            if joined and nxt < last and not w.breaks[nxt] and w.parts[nxt] in ARTICLES:
                nxt += 1
            if nxt < last and (nxt == at or not w.breaks[nxt]) and _title_word(w, nxt):
                end = nxt + 1
                while end < last and not w.breaks[end] and _title_word(w, end):
                    end += 1
                if joined:
                    listed = end
                continue
        break
    return listed


def _name_terms(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """Titles of named things that the name finder leaves out or cuts (see ``key_terms``)."""
    name_heads = heads()["name"]
    found = []
    k = first + 1
    while k < last:
        if not _capital(w, k) or w.breaks[k] or _capital(w, k - 1) \
                or w.sentence_of[w.owner[k - 1]] != w.sentence_of[w.owner[k]] \
                or not w.tokens[w.owner[k - 1]].text.isalpha():
            k += 1  # a name's first word follows a word of its sentence (a capital opens one)
            continue
        end = _name_end(w, k, last)
        inner = [i for i in range(k, end) if _capital(w, i)]
        titled = any(w.parts[i] in _NAME_JOINS - {"and", "&"} for i in range(k, end)) \
            or any(singular(w.parts[i]) in name_heads for i in inner)
        if len({w.owner[i] for i in inner}) >= 2 and titled and not _office(w, k, end):
            if end + 1 < last and w.parts[end] in _UNTIL and not w.breaks[end] \
                    and not w.breaks[end + 1] and _year(w.parts[end + 1]):
                end += 2  # "until 2035": the title's term
                while end < last and not w.breaks[end] and _year(w.parts[end]):
                    end += 1
            found.append((k, end))
        k = end
    return found


def _office(w: Words, k: int, end: int) -> bool:
    """Whether the run of parts ``k .. end - 1`` names an office: a word of its head,
    before the first join ("Federal Minister for Foreign Affairs", "Chairman of the
    Council"), heads an office title ("Justice" later in a title is not one)."""
    offices = vocabulary("offices.txt")["head"]
    while k < end and w.parts[k] not in _NAME_JOINS and not (w.breaks[k] and w.commas[k]):
        if singular(w.parts[k]) in offices:
            return True
        k += 1
    return False


def _year(part: str) -> bool:
    return part.isdigit() and len(part) == 4


def _compound_terms(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """A lower-case hyphenated modifier with the noun it qualifies (see ``key_terms``)."""
    found = []
    k = first
    while k < last:
        owner = w.owner[k]
        end = k
        while end < last and w.owner[end] == owner:
            end += 1
        token = w.tokens[owner]
        if end - k >= 2 and w.classes[k] == C and token.text.islower() \
                and all(p.isalpha() for p in w.parts[k:end]) and end < last and not w.breaks[end] \
                and _bare_noun(w, end):
            y = end
            while y < last and (y == end or not w.breaks[y]) and _bare_noun(w, y) and y - end < 2:
                y += 1
            if _ends(w, y, last):
                found.append((k, y))
        k = end
    return found


def _adverb_terms(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """An "-ly" adverb and a participle that qualify the nouns after them (see ``key_terms``)."""
    found = []
    for k in range(first, last - 2):
        adverb, participle = w.tokens[w.owner[k]].text, w.tokens[w.owner[k + 1]].text
        if not (adverb.isalpha() and adverb.islower() and adverb.endswith("ly") and len(adverb) > 4
                and adverb not in _NOT_ADVERBS and adverb not in stopwords()):
            continue
        if w.breaks[k + 1] or not (participle.isalpha() and participle.islower() and len(participle) > 4
                                   and participle.endswith(("ed", "ing")) and participle not in stopwords()):
            continue  # a governing verb ("strongly condemned attacks") is no modifier
        y = k + 2
        while y < last and (y == k + 2 or not w.breaks[y]) and _bare_noun(w, y) and y - k < 5:
            y += 1
        if y > k + 2 and not w.breaks[k + 2] and _ends(w, y, last):
            found.append((k, y))
    return found


def conjunct(w: Words, first: int, last: int) -> int | None:
    """Where the noun phrase starts, when parts ``first .. last - 1`` are "and" (or "or"), a
    determiner and a noun phrase of two content words or more after a noun that ends
    there ("a ceasefire | and the release of all hostages"): a conjunct of its own, not
    a qualifier of the noun before it. ``None`` otherwise."""
    if last - first < 4 or first == 0 or w.parts[first] not in ("and", "or") \
            or w.classes[first - 1] != C or w.breaks[first + 1]:
        return None
    if w.parts[first + 1] not in ARTICLES and w.parts[first + 1] not in _DETERMINERS:
        return None
    start = first + 2
    if w.classes[start] != C or sum(c == C for c in w.classes[start:last]) < 2:
        return None
    if last < len(w.parts) and not w.breaks[last] and w.classes[last] in (C, V):
        return None  # the phrase goes on past the change
    return start


#: Modals that make a clause state a position ("those responsible will be held accountable").
_POSITION_MODALS = _MODALS - {"not"}
#: Most parts of a stated position read as one key phrase (``stated_clauses``).
_MAX_STATED = 10


def stated_clauses(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """Part ranges of short "that" clauses with a subject and a modal ("warns that those
    responsible will be held accountable"; not "the pledges that would be paid"), up to
    the next punctuation, with two content words or more: a position the statement
    takes, where no noun phrase carries it."""
    found = []
    for k in range(first + 1, last - 1):
        if w.parts[k] != "that" or w.breaks[k] or w.classes[k - 1] not in (C, V) or w.breaks[k + 1]:
            continue
        end = k + 1
        while end < last and (end == k + 1 or not w.breaks[end]) and end - k <= _MAX_STATED:
            end += 1  # no further than the longest clause read: a text of "that"s stays linear
        if end - (k + 1) <= _MAX_STATED and (end == len(w.parts) or w.breaks[end]) \
                and sum(c == C for c in w.classes[k + 1 : end]) >= 2 \
                and any(p in _POSITION_MODALS for p in w.parts[k + 2 : end]):  # a subject, then its modal
            found.append((k + 1, end))
    return found
