"""Lifting a changed run of words to the phrase that holds it, so an analyst reads
"serious concern -> grave concern", not "serious -> grave". The lift uses the
data-free word classes of the chunker (content words, governing verbs and adverbs,
function words) and no trained model:

* a change that ends on a content word takes the rest of its noun phrase
  (content words joined by "of", "and", "for", "on", "in", "with", "'s"), then a
  passive verb after it ("concerns were expressed");
* a change made only of verbs, adverbs or auxiliaries ("will" -> "is willing to",
  "strongly" added, "call on" -> "urge") takes what it governs: the verbs and
  articles after it up to the next noun phrase, and an infinitive after that
  ("urge China to respect human rights"); the word after a modal is its verb, with
  the noun phrase it governs ("should include the participation of women");
* a change that begins on a content word or a preposition takes the noun phrase
  it attaches to on its left ("Transport Corridor" -> "Transport Route",
  "status quo" -> "status quo by force or coercion");
* a verb followed by a particle ("scale up", "carry out") takes the particle and
  the object after it, so an adverb added before it reads "urgently step up
  support for ...", not "urgently step";
* a change that adds or drops a conjunct of a coordinated list takes the whole
  list: a comma on one side only ("open and inclusive" -> "open, inclusive and
  transparent") is a list comma, not a phrase boundary; an item that comes or goes
  next to list commas takes the whole comma list on each side ("predictable, [timely,]
  orderly and coordinated manner"); a list of names is read whole on each side,
  member by member (``list_members``);
* a change that leaves a bare noun on one side takes, over its article, the verb
  that governs it or opens the clause ("Notes the headway");
* a change right before an article takes the noun phrase its last word governs
  ("resolve [the issue]" -> "settle [the issue]"); a verb alone after "to", a modal's
  verb, and a participle that says which of a common noun is meant take what they govern
  ("to engage [constructively in the political process]", "the progress [achieved on the
  ... Corridor]");
* a number takes the noun before it and its unit ("Resolution 2231", "30 per cent").
"""

from __future__ import annotations

from collections.abc import Sequence

from .._models import Token
from ..text.normalize import QUOTES, bearing_words, singular
from .words import ARTICLES, BE, COORDINATORS, DETERMINERS, A, C, F, N, V, Words

#: Most words a governing change reaches over to find its noun phrase.
_HEAD_REACH = 4
#: Most words of shared context a lift adds on one side of a change: enough for a verb's
#: object with its complement and a name ("complete [the ratification of the Protocol on
#: Contingent Rights]"), which eight cut in two.
_MAX_CONTEXT = 12


#: Degree words that make an adjective after them stronger ("the most significant threat").
_DEGREE_UP = frozenset({"most", "more"})
#: Word endings of English adjectives (a data-free test: "significant", "serious", "important").
_ADJECTIVE_ENDINGS = ("ic", "al", "ive", "ous", "ful", "ary", "ent", "ant", "ible", "able")


def raises_degree(words: Words, k: int) -> bool:
    """True when part ``k`` is a comparative or superlative degree word before an
    adjective ("most significant", "more serious"): the adjective intensified."""
    return (words.parts[k] in _DEGREE_UP and k + 1 < len(words.parts) and not words.breaks[k + 1]
            and words.parts[k + 1].isalpha() and words.parts[k + 1].endswith(_ADJECTIVE_ENDINGS))


#: Words that negate what follows ("will never accept", "no military solution"): function
#: words, but one put in or taken out turns the sentence round.
NEGATIONS = frozenset({"not", "never", "no"})
MODALS = frozenset({"will", "shall", "should", "must", "may", "might", "could", "would", "can"}) | NEGATIONS
#: The modals proper, without the negations ("will", "should", "may").
MODAL_VERBS = MODALS - NEGATIONS


def bearing(words: Sequence[str]) -> bool:
    """Whether the words hold a negation or another function word that carries what is
    said ("never", "without", "all"): no grammar alone."""
    return any(w in NEGATIONS for w in words) or not bearing_words().isdisjoint(words)


def modal_words(words: Sequence[str]) -> bool:
    return any(w in MODALS for w in words)


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

    def named(self, k: int) -> bool:
        """True when context word ``k`` is written with a capital (a name's word)."""
        return is_named(self.e, self.e_at + self.step * k)

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


def _chunk(ctx: _Context, k: int, joins: frozenset[str] = frozenset({"of", "for", "'s", "per"}),
           *, participles: bool = False) -> int:
    """Extend through a noun phrase starting at context word ``k``: content words
    joined by ``joins`` ("of", "for", "'s", "per"; an article or a determiner may follow
    "of"), and with
    ``participles`` a participle before a noun ("working group"). "and" never joins: a
    change in one conjunct is not a change in the other; but an "and" between two words
    of a name is the name's ("Enhanced Partnership and Cooperation Agreement")."""
    n = len(ctx)
    while k < n and not ctx.blocked(k):
        if ctx.cls(k) == C or (participles and ctx.cls(k) == V and k + 1 < n and not ctx.blocked(k + 1)
                               and ctx.cls(k + 1) == C):
            k += 1
            continue
        if ctx.word(k) in COORDINATORS and k and ctx.named(k - 1) and k + 1 < n and not ctx.blocked(k + 1) \
                and ctx.cls(k + 1) == C and ctx.named(k + 1):
            k += 1
            continue
        if ctx.word(k) in joins:
            j = k + 1
            if ctx.word(k) == "of" and j < n and not ctx.blocked(j) and (
                    ctx.word(j) in ARTICLES or ctx.word(j) in DETERMINERS):
                j += 1
            if j < n and not ctx.blocked(j) and ctx.cls(j) == C:
                k = j
                continue
        break
    return k


#: What a governing word's object may be joined by ("cooperation on clean energy",
#: "violence against civilians").
_OBJECT_JOINS = frozenset({"of", "for", "'s", "on", "in", "with", "against"})
#: Prepositions that open the complement of a noun ("commitment to the defense",
#: "partnership between Canada and Mexico", "reconciliation among all Libyans").
_COMPLEMENTS = frozenset({"to", "for", "on", "between", "among"})


def _modifies(ctx: _Context, k: int) -> bool:
    """True when context word ``k``, right after an article or a determiner, is a verb's form
    or a function word that modifies the noun after it ("remain [an open and inclusive
    forum]", "hold [the next round] of consultations"): no finite verb stands there."""
    return 0 < k < len(ctx) - 1 and not ctx.blocked(k + 1) and ctx.cls(k) in (V, F) \
        and (ctx.word(k - 1) in ARTICLES or ctx.word(k - 1) in DETERMINERS) \
        and (ctx.cls(k + 1) == C or ctx.word(k + 1) in COORDINATORS)


def _object(ctx: _Context, k: int) -> int:
    """Extend over the noun phrase a verb governs, from context word ``k``: the preposition
    that may join it ("work with"), its article or determiner, and modifiers in a list
    ("the full, equal and safe participation of women"); 0 when no noun phrase follows."""
    n = len(ctx)
    if k < n and not ctx.blocked(k) and ctx.word(k) in _OBJECT_JOINS:
        k += 1
    first = k
    while k < n and not ctx.blocked(k) and (ctx.word(k) in ARTICLES or ctx.word(k) in DETERMINERS):
        k += 1
    if not (k < n and not ctx.blocked(k)):
        return 0
    if ctx.cls(k) != C:
        if not (k > first and _modifies(ctx, k)):
            return 0
        k += 1
    k = _chunk(ctx, k, _OBJECT_JOINS, participles=True)
    while k < n:
        if ctx.word(k) in COORDINATORS and not ctx.blocked(k) and k + 1 < n and not ctx.blocked(k + 1) \
                and ctx.cls(k + 1) == C:
            k = _chunk(ctx, k + 1, _OBJECT_JOINS)
        elif ctx.cls(k) == C and ctx.e.commas[ctx.e_at + k] and ctx.l.commas[ctx.l_at + k]:
            k += 1  # a list comma between two modifiers
            if k < n and not ctx.blocked(k) and ctx.cls(k) == C:
                k = _chunk(ctx, k, _OBJECT_JOINS)
        else:
            break
    return k


def _right(ctx: _Context, ends_on_content: bool, after_modal: bool) -> int:
    n = len(ctx)
    k = 0
    if after_modal and n and not ctx.blocked(0) and ctx.cls(0) in (C, V):
        # The word after a modal is its verb, whatever its class ("should include"): the
        # change reads with the verb and what it governs ("cooperate with China", "include
        # the participation of women").
        return _object(ctx, 1) or _what_it_governs(ctx, 1)
    if not ends_on_content:
        last_verb = 0
        while k < n and k < _HEAD_REACH + 2 and not ctx.blocked(k) and (
                ctx.cls(k) in (V, A) or ctx.word(k) in DETERMINERS or _modifies(ctx, k)):
            k += 1
            if ctx.cls(k - 1) == V and not _modifies(ctx, k - 1):
                last_verb = k
        if not (k < n and not ctx.blocked(k) and ctx.cls(k) == C):
            return last_verb
        k = _particle(ctx, _chunk(ctx, k, _OBJECT_JOINS))
    else:
        k = _particle(ctx, _chunk(ctx, k))
        if k == 0 and n and not ctx.blocked(0) and (ctx.word(0) in ARTICLES or ctx.word(0) in DETERMINERS):
            # An article right after the change: its last word governs a noun phrase
            # ("consider [a free trade agreement]", "failed to reach [an agreement]").
            return _object(ctx, 0)
    if k + 1 < n and not ctx.blocked(k) and not ctx.blocked(k + 1):
        if ctx.word(k) in BE and ctx.cls(k + 1) == V:
            return k + 2  # a passive verb after the noun phrase
        if not ends_on_content and ctx.word(k) == "to" and ctx.cls(k + 1) in (V, C):
            j = k + 1
            while j < n and not ctx.blocked(j) and ctx.cls(j) == V:
                j += 1
            if not (j < n and not ctx.blocked(j) and ctx.cls(j) == C):
                return j
            verb = _chunk(ctx, j, _OBJECT_JOINS)
            # A verb alone: what it governs comes after an adverb, an article or a preposition.
            return _what_it_governs(ctx, verb) if verb == j + 1 else verb
        if ends_on_content and ctx.word(k) in _COMPLEMENTS:
            j = k + 1
            if j < n and not ctx.blocked(j) and (ctx.word(j) in ARTICLES or ctx.word(j) in DETERMINERS):
                j += 1
            if j < n and not ctx.blocked(j) and ctx.cls(j) == C:
                end = _chunk(ctx, j, frozenset({"of"}))
                if ctx.word(k) == "to" and end == j + 1:
                    return _what_it_governs(ctx, end)  # an infinitive ("essential to establish [...]")
                return end
        if k and ctx.cls(k) == V and ctx.word(k).endswith("ed") and ctx.word(k + 1) in _VERB_JOINS \
                and not is_named(ctx.e, ctx.e_at + k - 1):
            # A participle that says which of a common noun is meant, with its complement
            # ("the progress [achieved in the negotiations of the ... Agreement]"); a name
            # needs none ("the Sevilla Commitment, adopted at ...").
            found = _what_it_governs(ctx, k + 1)
            if found > k + 1:
                return found
    return k


#: Prepositions an infinitive's verb takes its object with ("engage in", "cooperate with").
_VERB_JOINS = frozenset({"in", "with", "on", "to", "for", "of", "at", "against", "into", "towards"})
#: Most words a verb's object (``_what_it_governs``) reaches over.
_OBJECT_REACH = 10


def _what_it_governs(ctx: _Context, k: int) -> int:
    """Extend over what the verb ending before context word ``k`` (an infinitive, a modal's
    verb, a participle) governs: adverbs, then a noun phrase, perhaps after a preposition
    ("to engage [constructively in the political process]", "must engage [seriously in the
    negotiations]", "achieved [on the Trans-Caspian Transport Corridor]"); ``k`` when there is
    none, or when it runs past the reach (no phrase cut in two)."""
    n = min(ctx.limit, k + _OBJECT_REACH)
    t = k
    while t < n and not ctx.blocked(t) and ctx.cls(t) == V:
        t += 1
    if t < n and not ctx.blocked(t) and ctx.word(t) in _VERB_JOINS:
        t += 1
        if ctx.word(t - 1) == "to" and t + 1 < n and not ctx.blocked(t + 1) and ctx.cls(t) in (C, V) \
                and (ctx.word(t + 1) in ARTICLES or ctx.word(t + 1) in DETERMINERS):
            t += 1  # another infinitive, with its object ("efforts to stem [the illegal flow]")
    while t < n and not ctx.blocked(t) and (ctx.word(t) in ARTICLES or ctx.word(t) in DETERMINERS):
        t += 1
    if t == k or not (t < n and not ctx.blocked(t) and ctx.cls(t) == C):
        return k
    end = t
    while t < n and not ctx.blocked(t):
        if ctx.cls(t) == C:
            t += 1
            end = t
        elif ctx.cls(t) == V and t + 1 < n and not ctx.blocked(t + 1) and ctx.cls(t + 1) == C:
            t += 1
        elif ctx.word(t) in ("of", "for", "'s") and t + 1 < n and not ctx.blocked(t + 1):
            t += 1
            while t < n and not ctx.blocked(t) and ctx.word(t) in ARTICLES:
                t += 1
        else:
            break
    return k if t >= n and n < ctx.limit else end


def verb_and_object(e: Words, l: Words, e_at: int, l_at: int, limit: int) -> int:
    """How many of the shared words from parts ``e_at`` and ``l_at`` (at most ``limit``) a
    verb standing there takes with what it governs ("welcomed [the steady growth of two-way
    trade]"); 0 when no verb stands there or it governs nothing."""
    ctx = _Context(e, l, e_at, l_at, 1, limit)
    if not len(ctx) or ctx.blocked(0) or ctx.cls(0) not in (C, V):
        return 0
    k = _object(ctx, 1) or _what_it_governs(ctx, 1)
    return k if k > 1 else 0


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
    if not (k + 1 < n and ctx.word(k) in COORDINATORS and not ctx.blocked(k) and not ctx.blocked(k + 1)):
        return k
    j = k + 2 if ctx.word(k + 1) in ARTICLES and k + 2 < n and not ctx.blocked(k + 2) else k + 1
    end = _chunk(ctx, j, participles=True) if ctx.cls(j) in (C, V) else j
    return end if end > j else k


def _left_conjunct(ctx: _Context, k: int) -> int:
    """Extend ``k`` left words, standing on a coordinator, over the conjunct before it."""
    n, j = len(ctx), k + 1
    while j < n and not ctx.blocked(j) and ctx.cls(j) == C:
        j += 1
    return j if j > k + 1 else k


#: Words that join the parts of one name ("the Republic of Mali").
_IN_NAME = frozenset({"of", "the"})


def is_named(w: Words, k: int) -> bool:
    """True when part ``k`` is written with a capital (a name's word)."""
    return w.tokens[w.owner[k]].text[:1].isupper()


def _list_extent(w: Words, first: int, last: int) -> tuple[int, int]:
    """Widen parts ``first .. last - 1`` to the list of names they stand in: names parted
    by list commas or a coordinator, a name's own "of" within it ("Republic of Mali",
    "IGAD Quartet of Kenya, ...") and a "the" that opens a member after a coordinator or
    a list comma ("... and the Republic of Niger")."""
    n = len(w.parts)

    def joined(k: int) -> bool:  # nothing but a list comma, if anything, before part k (or the end)
        return k >= n or not w.breaks[k] or w.commas[k]

    while first > 0 and joined(first):
        k = first - 1
        if is_named(w, k):
            first = k
        elif k > 0 and is_named(w, k - 1) and (
                (w.parts[k] in COORDINATORS and joined(k)) or (w.parts[k] == "of" and not w.breaks[k])):
            first = k - 1
        elif w.parts[k] == "the" and k > 0 and (w.parts[k - 1] in COORDINATORS or w.commas[k]):
            first = k
        else:
            break
    while last < n and joined(last):
        k = last
        if is_named(w, k) or (w.parts[k] in COORDINATORS | _IN_NAME and k + 1 < n and not w.breaks[k + 1]
                              and (is_named(w, k + 1)
                                   or (w.parts[k + 1] == "the" and k + 2 < n and is_named(w, k + 2)))):
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
        if w.parts[k] in COORDINATORS:
            if start is not None:
                members.append((start, k))
            start = None
            continue
        if start is not None and w.commas[k]:
            members.append((start, k))
            start = None
        if start is None:
            if w.parts[k] in _IN_NAME and not is_named(w, k):
                continue  # "the" before a member ("and the Republic of Niger")
            start = k
    if start is not None:
        members.append((start, last))
    return members if len(members) >= 2 else None


#: What may stand before a comma list whose first item opens with a verb's form: then the
#: form qualifies the item ("a timely, orderly and ..."), else it governs the list
#: ("discussed trade, energy and ...").
_BEFORE_MODIFIER = ARTICLES | DETERMINERS | frozenset({"in", "for", "of", "with", "by", "on", "at", "into"})


def _separators(w: Words, first: int, last: int) -> int:
    """How many list commas and coordinators part the items of parts ``first .. last - 1``."""
    return sum(1 for k in range(first + 1, last) if w.parts[k] in COORDINATORS or (
        w.commas[k] and w.parts[k - 1] not in COORDINATORS))


def _comma_list(w: Words, first: int, last: int) -> tuple[int, int] | None:
    """The comma list that parts ``first .. last - 1`` (items, or nothing) stand in, with
    its head: items of content words, verb forms and adverbs parted by list commas, the
    last after a coordinator ("a predictable, timely, orderly and coordinated manner");
    an item that came or went may hold its article and complement ("ODIHR, [the
    Representative on Freedom of the Media] and the OSCE field operations").
    ``None`` when they stand in no list that a coordinator closes within the sentence."""
    n = len(w.parts)
    item = (C, V)
    closed = False  # a coordinator seen: the list's last conjunct is in reach
    for k in range(first, last):
        if k > first and w.breaks[k] and not w.commas[k]:
            return None
        if w.parts[k] in COORDINATORS:
            closed = True
        elif w.classes[k] not in (C, V, N, A):
            return None
    if first < last and ((w.classes[first] == N and w.parts[first] not in COORDINATORS)
                         or w.classes[last - 1] not in item):
        return None  # an item opens on its article or a word, and ends on a word

    def joined(k: int, commas: bool = True) -> bool:
        """Parts ``k - 1`` and ``k`` are one item, or items a list comma parts; a verb's
        form right after a noun is the noun's verb ("Russia discussed"), no item."""
        if w.breaks[k] and not (commas and w.commas[k]):
            return False
        return w.breaks[k] or not (w.classes[k] == V and w.classes[k - 1] == C)

    a = first
    while a > 0:
        if w.classes[a - 1] in item and (a == n or joined(a)):
            a -= 1
            continue
        j = a - 1 if w.parts[a - 1] in ARTICLES else a
        if j >= 2 and w.parts[j - 1] in COORDINATORS and w.classes[j - 2] in item \
                and not w.breaks[j] and (not w.breaks[j - 1] or w.commas[j - 1]):
            a, closed = j - 2, True
            continue
        break
    while a < first and w.classes[a] == V and a > 0 and not w.breaks[a] \
            and w.parts[a - 1] not in _BEFORE_MODIFIER:
        a += 1  # a verb that governs the list ("discussed trade, energy and ..."), no item
    if a > 0 and w.classes[a - 1] in (F, N) and w.breaks[a - 1]:
        # A preposition that opens the clause: its phrase and comma are no item
        # ("In Asia, peace and stability").
        a = next((k for k in range(a + 1, min(first, n - 1) + 1) if w.commas[k]), a)
    b, tail = last, closed  # tail: in the last conjunct, where a comma ends the list
    while b < n:
        if w.classes[b] in item and b > 0 and joined(b, not tail):
            b += 1
            continue
        j = b + 2 if b + 2 < n and w.parts[b + 1] in ARTICLES and not w.breaks[b + 2] else b + 1
        if not closed and j < n and w.parts[b] in COORDINATORS and w.classes[j] in item \
                and not w.breaks[j] and (not w.breaks[b] or w.commas[b]):
            b, closed, tail = j + 1, True, True
            continue
        break
    return (a, b) if closed and (a < first or b > last) else None


def _coordinated(w: Words, first: int, last: int) -> bool:
    """True when a coordinator or a list comma stands in parts ``first .. last - 1`` or next to them."""
    return any(w.parts[k] in COORDINATORS or w.commas[k]
               for k in range(max(first - 1, 0), min(last + 1, len(w.parts))))


def _names_only(w: Words, first: int, last: int) -> bool:
    """True when parts ``first .. last - 1`` are names and what joins them ("and", "of", "the")."""
    return all(is_named(w, k) or w.parts[k] in COORDINATORS or w.parts[k] in _IN_NAME
               for k in range(first, last))


def _coordinates(w: Words, first: int, last: int) -> bool:
    """True when parts ``first .. last - 1`` hold a coordinator between content words."""
    return any(w.parts[k] in COORDINATORS and w.classes[k - 1] in (C, V) and _conjunct(w, k + 1)
               for k in range(max(first, 1), min(last, len(w.parts) - 1)))


def _conjunct(w: Words, k: int) -> bool:
    """True when a conjunct opens at part ``k``: a content word, perhaps after an article
    ("..., ODIHR and [the] OSCE field operations")."""
    if w.parts[k] in ARTICLES and k + 1 < len(w.parts) and not w.breaks[k + 1]:
        k += 1
    return w.classes[k] in (C, V)


#: Particles of a phrasal verb ("scale up", "carry out", "put forward").
_PARTICLES = frozenset({"up", "out", "down", "off", "forward"})


def _particle(ctx: _Context, k: int) -> int:
    """Extend over a verb particle and the noun phrase it governs when context word ``k``
    is one ("[urgently] scale up humanitarian assistance"); else ``k``."""
    n = len(ctx)
    if not (k + 1 < n and ctx.word(k) in _PARTICLES and not ctx.blocked(k) and not ctx.blocked(k + 1)):
        return k
    j = k + 1
    while j < n and not ctx.blocked(j) and (ctx.word(j) in ARTICLES or ctx.word(j) in DETERMINERS):
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


def is_plural(token: Token) -> bool:
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
            and any(is_named(w, k) for w, a, b in ((e, i1, i2), (l, j1, j2)) for k in range(a, b)):
        # A list of names (countries, members of a group) that gained, lost or swapped
        # a member: the whole list on each side, and nothing after it (its verb is no
        # part of it). Each side is read on its own: "Djibouti and South Sudan" ->
        # "Djibouti, South Sudan and Uganda" moves the "and" as well as adding a member.
        return (*_list_extent(e, i1, i2), *_list_extent(l, j1, j2))
    e_list, l_list = _comma_list(e, i1, i2), _comma_list(l, j1, j2)
    if e_list and l_list and _separators(e, *e_list) != _separators(l, *l_list) \
            and any(w.commas[k] for w, (a, b) in ((e, e_list), (l, l_list)) for k in range(a + 1, b)):
        # An item added to or dropped from a comma list ("predictable, [timely,] orderly
        # and coordinated manner"): the whole list with its head on each side; the items
        # next to the change alone say nothing.
        (ea, eb), (la, lb) = e_list, l_list
        tail = _Context(e, l, eb, lb, 1, min(after[0] - eb, after[1] - lb))
        more = _chunk(tail, 0) if len(tail) > 0 else 0  # the head's complement ("execution of the ...")
        return ea, eb + more, la, lb + more
    last = [cls[k - 1] for cls, k, lo in ((e.classes, i2, i1), (l.classes, j2, j1)) if k > lo]
    first = [cls[k] for cls, k, hi in ((e.classes, i1, i2), (l.classes, j1, j2)) if k < hi]
    # A plural noun ends its noun phrase: what follows it is the verb ("policies present...").
    headed = any(is_plural(w.tokens[w.owner[k - 1]]) for w, k, lo in ((e, i2, i1), (l, j2, j1)) if k > lo)
    empty = (i1 == i2, j1 == j2)
    ctx = _Context(e, l, i2, j2, 1, min(after[0] - i2, after[1] - j2), empty)
    modal = any(w.parts[k - 1] in MODALS for w, k, lo in ((e, i2, i1), (l, j2, j1)) if k > lo)
    # A modal earlier in the run makes its last word the modal's verb ("should consider
    # establishing" -> "will establish"): the change reads with what that verb governs.
    verb = not modal and any(k - lo > 1 and w.classes[k - 1] in (C, V) and modal_words(w.parts[lo:k - 1])
                             for w, k, lo in ((e, i2, i1), (l, j2, j1)))
    right = (_object(ctx, 0) or _what_it_governs(ctx, 0)) if verb and len(ctx) and not ctx.blocked(0) else 0
    if not right:
        right = 0 if headed and C in last else _right(ctx, C in last, modal)
    left = 0
    numeral = any(p[:1].isdigit() for p in (e.parts[i1:i1 + 1] + l.parts[j1:j1 + 1]))
    back = _Context(e, l, i1 - 1, j1 - 1, -1, min(i1 - before[0], j1 - before[1]), empty)
    if numeral and len(back) and not back.blocked(0) and back.cls(0) == C:
        left = 1  # the noun a number belongs to ("resolution [2231]", "EUR [30] million")
    elif any(c in (C, N, F) for c in first) and not numeral:
        left = _left(back)
        if left < len(back) and back.word(left) in COORDINATORS and not back.blocked(left) and C in first:
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


def noun_phrase(w: Words, head: int) -> tuple[int, int]:
    """The parts ``(first, last)`` of the noun phrase headed by content part ``head``:
    its modifiers back to an article or determiner (content words, degree words,
    "and"), then a complement ("to", "for", "on", "of", an article, a noun chunk)."""
    first = head
    while first > 0 and not w.breaks[first]:
        k = first - 1
        word, cls = w.parts[k], w.classes[k]
        if (word in ARTICLES or word in DETERMINERS) and word != "'s":
            first = k
            break
        if cls == C or word in _DEGREE or word == "'s" or (word in COORDINATORS and first < head):
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
        while end < len(w.parts) and (not w.breaks[end] or (end > j and is_possessive(w, end))) \
                and w.classes[end] == C:
            end += 1
        if end > j:
            last = end
    while first < head and w.parts[first] in COORDINATORS:
        first += 1
    return first, last


def is_possessive(w: Words, k: int) -> bool:
    """True when only a plural's apostrophe parts part ``k`` from the one before ("Allies' security")."""
    before, at = w.tokens[w.owner[k - 1]], w.tokens[w.owner[k]]
    return (before.text[-1:] in "sS" and 0 < at.span.start - before.span.end <= 2
            and w.owner[k] != w.owner[k - 1])
