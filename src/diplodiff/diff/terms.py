"""The key terms of a new or dropped passage: the noun phrases that carry its new
content, with their complements ("accession of the Republic of Belarus"), titles
the name finder cuts ("Law on the Promotion of Virtue and the Prevention of Vice"),
and short stated positions ("that those responsible will be held accountable")."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from .._models import Token
from ..text.normalize import adverb_form, heads, singular, stopwords
from ..text.words import vocabulary
from .lift import MODAL_VERBS, is_named, is_plural
from .updates import stamps
from .words import ARTICLES, COORDINATORS, DETERMINERS, C, N, V, Words

#: Prepositions that join a noun to a bare noun complement inside one term
#: ("trafficking in persons", "dialogue with Russia", "support for Ukraine").
_TERM_JOINS = frozenset({"in", "with", "for", "on", "against"})
#: Endings of a nominalisation: the last part of a hyphenated term ("non-proliferation",
#: "de-escalation", "counter-terrorism"), or the whole of a one-part one.
_NOMINAL_PARTS = ("tion", "sion", "ment", "ity", "ance", "ence", "ness", "isation", "ization", "ism")
_NOMINAL_WORDS = ("isation", "ization", "isations", "izations")
#: What may follow a term's complement: it must end there, not open a phrase of its own
#: ("operations in parts of the region" is no term).
_NOT_AFTER = ARTICLES | DETERMINERS | frozenset({"of"})


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
      too ("face-to-face meeting", "text-based negotiations"), and with another such
      modifier coordinated before it that shares the noun ("debt-for-climate and
      debt-for-nature swaps");
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
        while x > max(first, k - _MAX_TITLE) and not w.breaks[x] and (w.classes[x - 1] == C or (
                _title_word(w, x - 1) and w.tokens[w.owner[x]].text[:1].isupper())):
            x -= 1  # bounded as a title is: unbounded, a capitals-only passage was quadratic
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
    for k, end, token in _token_runs(w, first, last):
        parts = w.parts[k:end]
        if w.classes[k] == C and token.text.islower() and all(p.isalpha() for p in parts) and (
                (len(parts) >= 2 and parts[-1].endswith(_NOMINAL_PARTS) and len(parts[-1]) > 5)
                or (len(parts) == 1 and parts[0].endswith(_NOMINAL_WORDS))):
            found.append((k, end))
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
        if w.parts[k] not in COORDINATORS or w.breaks[k] or w.breaks[k + 1] \
                or not _bare_noun(w, k - 1) or not _bare_noun(w, k + 1):
            continue
        before = w.parts[k - 2] if k - 1 > first and not w.breaks[k - 1] else ""
        if not (before in ARTICLES or before in DETERMINERS or (before and w.classes[k - 2] == N)):
            continue  # not where a noun phrase stands ("to deter and respond", "clean food and water")
        if not all(is_plural(w.tokens[w.owner[i]]) or w.parts[i].endswith(_NOMINAL_PARTS)
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
                w.parts[x - 1] not in ARTICLES and w.parts[x - 1] not in DETERMINERS)):
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
    return w.classes[k] == C and is_named(w, k)


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
    for k, end, token in _token_runs(w, first, last):
        if end - k >= 2 and w.classes[k] == C and token.text.islower() \
                and all(p.isalpha() for p in w.parts[k:end]) and end < last and not w.breaks[end] \
                and _bare_noun(w, end):
            y = end
            while y < last and (y == end or not w.breaks[y]) and _bare_noun(w, y) and y - end < 2:
                y += 1
            if _ends(w, y, last):
                found.append((_coordinated_compound(w, k, first), y))
    return found


def _coordinated_compound(w: Words, k: int, first: int) -> int:
    """Where a compound modifier starting at part ``k`` begins with the one coordinated
    before it, which shares its noun ("debt-for-climate and debt-for-nature swaps")."""
    if k - 2 < first or w.parts[k - 1] not in ("and", "or") or w.breaks[k] or w.breaks[k - 1]:
        return k
    owner = w.owner[k - 2]
    j = k - 2
    while j > first and w.owner[j - 1] == owner:
        j -= 1
    token = w.tokens[owner]
    if k - 1 - j >= 2 and token.text.islower() and all(p.isalpha() for p in w.parts[j:k - 1]):
        return j
    return k


def _token_runs(w: Words, first: int, last: int) -> Iterator[tuple[int, int, Token]]:
    """Each token's parts among parts ``first .. last - 1``: ``(start, end, token)``."""
    k = first
    while k < last:
        owner = w.owner[k]
        end = k
        while end < last and w.owner[end] == owner:
            end += 1
        yield k, end, w.tokens[owner]
        k = end


def _adverb_terms(w: Words, first: int, last: int) -> list[tuple[int, int]]:
    """An "-ly" adverb and a participle that qualify the nouns after them (see ``key_terms``)."""
    found = []
    for k in range(first, last - 2):
        adverb, participle = w.tokens[w.owner[k]].text, w.tokens[w.owner[k + 1]].text
        if not (adverb.islower() and adverb_form(adverb) and adverb not in stopwords()):
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
    if w.parts[first + 1] not in ARTICLES and w.parts[first + 1] not in DETERMINERS:
        return None
    start = first + 2
    if w.classes[start] != C or sum(c == C for c in w.classes[start:last]) < 2:
        return None
    if last < len(w.parts) and not w.breaks[last] and w.classes[last] in (C, V):
        return None  # the phrase goes on past the change
    return start


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
        if (end == len(w.parts) or w.breaks[end]) \
                and sum(c == C for c in w.classes[k + 1 : end]) >= 2 \
                and any(p in MODAL_VERBS for p in w.parts[k + 2 : end]):  # a subject, then its modal
            found.append((k + 1, end))
    return found
