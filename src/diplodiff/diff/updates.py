"""What changes only a statement's metadata, not a formula: a time or venue stamp
(``stamps``: "this year", "in 2025", "in Berlin on 21 May"; a deadline, a duration
or when a commitment is due is no stamp), a date, a session renumbered, a country
named in another form of its name, another holder of the same office ("Minister
Wehmeyer" -> "Minister Albers")."""

from __future__ import annotations

from collections.abc import Sequence

from ..text.normalize import roman_numeral
from ..text.speakers import SpeakerTable, default_speakers, same_side, side_named
from ..text.words import HEAD, MONTHS, NAME, TITLE, vocabulary, word
from .align import spans
from .lift import MODAL_VERBS, is_named, is_possessive
from .words import ARTICLES, CLAUSE_WORDS, DETERMINERS, NUMBER_WORDS, C, Words


def name_form(e: Words, l: Words, run: tuple[int, int, int, int], texts: tuple[str, str],
              table: SpeakerTable | None = None) -> bool:
    """True when the run only gives a country's name in another form ("Mali" -> "the
    Republic of Mali", "Russia" -> "the Russian Federation"): with the capitalised words
    they share after it, both sides name one side of the speaker table."""
    i1, i2, j1, j2 = run
    k = 0
    while i2 + k < len(e.parts) and j2 + k < len(l.parts) and e.parts[i2 + k] == l.parts[j2 + k] \
            and not e.breaks[i2 + k] and is_named(e, i2 + k):
        k += 1
    if not any(is_named(e, n) for n in range(i1, i2 + k)) \
            or not any(is_named(l, n) for n in range(j1, j2 + k)):
        return False  # a side is named in capitals on both sides (and neither is empty)
    return same_side(e.span(i1, i2 + k).of(texts[0]), l.span(j1, j2 + k).of(texts[1]), table)


#: Most words an office title takes before or after the name of its holder
#: ("Minister of Foreign Affairs of the Federative Republic of Brazil, Paulo Vidal").
_TITLE_REACH = 12


def _person(w: Words, first: int, last: int, text: str, table: SpeakerTable | None) -> bool:
    """True when parts ``first .. last - 1`` are a person's name: up to four capitalised
    words, none an office word, a month or a function word, naming no side; a courtesy
    title may open it ("Ms. OGATA Reiko"), and a family name in capitals stand beside a
    given name (the Japanese style, "SAKUMA Daisuke")."""
    owners = [w.tokens[t].text for t in range(w.owner[first], w.owner[last - 1] + 1)]
    while len(owners) > 1 and owners[0].rstrip(".").lower() in _COURTESY:
        owners.pop(0)
    named = [bool(word(t).bits & NAME) for t in owners]
    return len(owners) <= 4 and any(named) and all(
        n or (len(t) > 1 and t.isalpha() and t.isupper()) for t, n in zip(owners, named, strict=True)) \
        and side_named(text, table) is None


#: Courtesy titles a name may open with (an office is no part of a name).
_COURTESY = frozenset({"mr", "ms", "mrs", "dr", "h.e", "madam", "sir"})


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
            if not (bits & TITLE or is_named(w, k)):
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


def _known_sides(table: SpeakerTable | None) -> dict[str, str]:
    """The side of each person a speaker table (the builtin one for ``None``) knows, by
    name or alias, lower case; read once per table."""
    table = default_speakers() if table is None else table
    entry = _SIDES.get(id(table))
    if entry is None or entry[0] is not table:
        entry = _SIDES[id(table)] = (table, {form.lower(): person.side for person in table.people
                                             if person.side for form in (person.name, *person.aliases)})
    return entry[1]


#: ``_known_sides`` of the tables read so far, by identity.
_SIDES: dict[int, tuple[SpeakerTable, dict[str, str]]] = {}


def same_office(e: Words, l: Words, run: tuple[int, int, int, int], texts: tuple[str, str],
                table: SpeakerTable | None = None) -> bool:
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
    sides = _known_sides(table)
    if gone.lower() in sides and new.lower() in sides and sides[gone.lower()] != sides[new.lower()]:
        return False
    return _person(e, i1, i2, gone, table) and _person(l, j1, j2, new, table) and _titled(e, i1, i2) \
        and _titled(l, j1, j2)


def holder_again(e: Words, l: Words, run: tuple[int, int, int, int],
                 holders: set[tuple[frozenset[str], frozenset[str]]], texts: tuple[str, str],
                 table: SpeakerTable | None = None) -> bool:
    """True when the run names, in part, the two holders of an office seen changing hands
    under its title ("Ramon Villacorta" -> "Teresita Lagdameo", then "Villacorta" -> "Lagdameo")."""
    i1, i2, j1, j2 = run
    if not holders or i1 == i2 or j1 == j2:
        return False
    e_words, l_words = set(e.parts[i1:i2]), set(l.parts[j1:j2])
    return any(e_words <= gone and l_words <= new for gone, new in holders) \
        and _person(e, i1, i2, e.span(i1, i2).of(texts[0]), table) \
        and _person(l, j1, j2, l.span(j1, j2).of(texts[1]), table)


_MONTHS = MONTHS | {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}


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
#: Ordinal words and the numbers they stand for.
_ORDINALS = {word: n for n, word in enumerate((
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
    "eighteenth", "nineteenth", "twentieth"), 1)}
_ORDINALS.update({f"{tens}ieth": 10 * n for n, tens in enumerate(("thirt", "fort", "fift", "sixt", "sevent",
                                                                   "eight", "ninet"), 3)})
_ORDINALS["hundredth"] = 100
_ORDINAL_WORDS = frozenset(_ORDINALS)
_TENS = {tens: 10 * n for n, tens in enumerate(("twenty", "thirty", "forty", "fifty", "sixty", "seventy",
                                                 "eighty", "ninety"), 2)}
_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50}
#: Counts of time nouns after a deictic ("the past two years", "the last twelve months").
_COUNTS = NUMBER_WORDS | frozenset({"eleven", "twelve", "few", "several"})


def _ordinal(part: str) -> bool:
    """"41st", "3rd", "twentieth", "fifth" (of "twenty-fifth")."""
    return part in _ORDINAL_WORDS or (part[:1].isdigit() and part[-2:] in ("st", "nd", "rd", "th")
                                      and part[:-2].isdigit())


def _ordinal_at(w: Words, k: int) -> bool:
    """Part ``k`` is an ordinal (``_ordinal``) or a Roman numeral ("LXII Meeting")."""
    return _ordinal(w.parts[k]) or roman_numeral(w.tokens[w.owner[k]].text)


def _ordinal_run(w: Words, first: int, last: int) -> bool:
    """Parts ``first .. last - 1`` are one ordinal (``_ordinal_at``), or one written in
    two words ("Forty-Seventh")."""
    return 0 < last - first <= 2 and _ordinal_at(w, last - 1) \
        and all(w.parts[k] in _TENS for k in range(first, last - 1))


def _ordinal_value(w: Words, first: int, last: int) -> int:
    """The number an ordinal run (``_ordinal_run``) stands for ("Forty-Seventh": 47)."""
    part = w.parts[last - 1]
    if part in _ORDINALS:
        return _ORDINALS[part] + sum(_TENS[w.parts[k]] for k in range(first, last - 1))
    if part[:-2].isdigit():
        return int(part[:-2])
    return _roman_value(w.tokens[w.owner[last - 1]].text)


def _roman_value(numeral: str) -> int:
    """The value of a Roman numeral (``roman_numeral``): "LXII" is 62."""
    digits = [_ROMAN_DIGITS[ch] for ch in numeral.lower()]
    return sum(-d if k + 1 < len(digits) and digits[k + 1] > d else d for k, d in enumerate(digits))


def _number_value(w: Words, first: int, last: int) -> int | None:
    """The number a run of one numeral stands for ("7", "IX"), else ``None``."""
    if last - first != 1:
        return None
    part, text = w.parts[first], w.tokens[w.owner[first]].text
    if part.isdigit() and len(part) <= 3:
        return int(part)
    return _roman_value(text) if roman_numeral(text) else None


def _day_number(part: str) -> bool:
    """A day of the month, or a small count ("3", "21")."""
    return part.isdigit() and len(part) <= 2


def _calendar_year(part: str) -> bool:
    return len(part) == 4 and part.isdigit() and part[:2] in ("19", "20")


def _month(w: Words, k: int) -> bool:
    """A month or weekday name, capitalised ("May", not the modal "may")."""
    return w.parts[k] in _MONTHS and is_named(w, k)


def _time_word(w: Words, k: int) -> bool:
    """A word that may stand in a time expression (see ``stamps``)."""
    part = w.parts[k]
    return (part in _WHEN or part == "the" or part in _DEICTIC or part in _RELATIVE or part in _DAYS
            or part in _TIME_NOUNS or _month(w, k) or _ordinal(part) or part in _TENS or part in _COUNTS
            or _day_number(part) or _calendar_year(part) or part in _MERIDIEM)


#: The halves of a day after a clock time ("8:30 p.m."), as folded.
_MERIDIEM = frozenset({"a.m", "p.m", "am", "pm"})


def _anchored(w: Words, first: int, last: int, year: int | None) -> bool:
    """True when parts ``first .. last - 1`` name a point in time: a month, a day word, a
    time noun fixed by a deictic or an ordinal ("the past year", "its twentieth
    anniversary"), or a year after a preposition of time ("in 2025") up to the year after
    the statement's ``year`` (a later one is a target: "carbon neutrality in 2060"; with
    no date, a bare year may be either and is none). A number of days or weeks is a
    duration ("within two weeks", "for 12 months"), never a point."""
    for k in range(first, last):
        part = w.parts[k]
        if _month(w, k) or part in _DAYS or (part in _MERIDIEM and k > first and _day_number(w.parts[k - 1])):
            return True  # a date, a day word, a time of day ("at 8:30 p.m.")
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
    while j > first and (w.parts[j] in _COUNTS or _day_number(w.parts[j])):
        j -= 1
    return j >= first and (w.parts[j] in _DEICTIC or (j == k - 1 and _ordinal(w.parts[j])))


def is_timed(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
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

    def capital(j: int) -> bool:
        return w.classes[j] == C and is_named(w, j)

    # A country may follow its city after a comma ("Bridgetown, Barbados"), and a name
    # may join two words by "and" ("St Kitts and Nevis").
    end = k + 1
    while end < len(w.parts) and end - k <= _PLACE_WORDS and (
            (not w.breaks[end] and (capital(end) or (end > k + 1 and glued(end))))
            or (end > k + 1 and w.commas[end] and capital(end))
            or (end > k + 1 and not w.breaks[end] and w.parts[end] == "and" and end + 1 < len(w.parts)
                and not w.breaks[end + 1] and capital(end + 1))):
        end += 1
    return end if end > k + 1 and w.parts[k] in ("in", "at") else k


#: Most words of a place named after "in" ("Basseterre, St Kitts and Nevis").
_PLACE_WORDS = 6


def _place_before(w: Words, first: int) -> int:
    """Where "in <Place>" right before part ``first`` starts ("in Berlin on 21 May"), else ``first``."""
    for k in range(first - 2, max(first - _PLACE_WORDS - 2, -1), -1):
        if not w.breaks[k + 1] and _place_end(w, k) == first:
            return k
    return first


def _place_after(w: Words, last: int) -> int:
    """Where "in <Place>" right after part ``last - 1`` ends ("on 21 May in Berlin"), else ``last``."""
    if last >= len(w.parts) or w.breaks[last]:
        return last
    return max(_place_end(w, last), last)


#: Most words of the place a dateline names ("Bogor", "Addis Ababa").
_DATELINE_PLACE = 4


def is_dateline(w: Words, year: int | None = None) -> bool:
    """True when the words are a dateline: a place in capitals, a comma and a date stamp,
    nothing else ("Bogor, 13 February 2025"). Where and when a text was signed is
    metadata, like its date, not a passage of what it says."""
    found, last = stamps(w, year), len(w.parts)
    k = 0
    while k < last and k < _DATELINE_PLACE and (k == 0 or not w.breaks[k]) \
            and w.tokens[w.owner[k]].text[:1].isupper() and not found[k]:
        k += 1
    return 0 < k < last and w.breaks[k] and all(found[k:])


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
        if w.parts[k] == "from" and (end := _days(w, k)) > k:
            for j in range(_place_before(w, k), _place_after(w, end)):
                found[j] = True
            k = end
            continue
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
        if last > first and w.parts[last - 1] in _MERIDIEM:
            # A clock time is one expression, though its colon breaks it ("at 8:30 p.m.").
            while first > 0 and (_day_number(w.parts[first - 1]) or w.parts[first - 1] in _WHEN):
                first -= 1
        if last > first and not _due(w, first) and _anchored(w, first, last, year):
            if any(_month(w, j) for j in range(first, last)) \
                    and any(_day_number(w.parts[j]) for j in range(first, last)):
                first, last = _place_before(w, first), _place_after(w, last)
            if w.parts[last - 1] in _MERIDIEM:
                last = _call_length(w, last)
            for j in range(first, last):
                found[j] = True
        k = end
    _venues(w, found)
    return found


#: Units of how long a meeting or a call took ("for approximately 35 minutes").
_LENGTHS = frozenset({"minute", "hour"})
#: Words that hedge a length ("for about an hour").
_ABOUT = frozenset({"approximately", "about", "around", "some", "nearly", "over", "an", "one"})


def _call_length(w: Words, k: int) -> int:
    """Where the length of a meeting or a call after its clock time, from part ``k``, ends
    ("commencing at 8:30 p.m. [for approximately 35 minutes]"); ``k`` when none. How long
    a call took is when it took place, as its clock time is."""
    if k >= len(w.parts) or w.parts[k] != "for":
        return k
    j = k + 1
    while j < len(w.parts) and not w.breaks[j] and w.parts[j] in _ABOUT:
        j += 1
    if j < len(w.parts) and not w.breaks[j] and w.parts[j].isdigit():
        j += 1
    if j < len(w.parts) and not w.breaks[j] and w.parts[j] in _LENGTHS:
        return j + 1
    return k


def _days(w: Words, k: int) -> int:
    """Where the days an event took place, from the "from" at part ``k``, end ("held ... from 3 to 5 July
    2024", "took place from 30 June to 2 July"): a range of days after a verb of meeting or
    holding in its clause; ``k`` when none. A range after any other verb ("extended the
    mandate from 1 to 31 December") is what was done: content."""
    def day(j: int) -> bool:
        return j < len(w.parts) and not w.breaks[j] and _day_number(w.parts[j])

    def month(j: int) -> bool:
        return j < len(w.parts) and not w.breaks[j] and _month(w, j)

    if not day(k + 1):
        return k
    j = k + 2 + month(k + 2)
    if j >= len(w.parts) or w.breaks[j] or w.parts[j] != "to" or not day(j + 1) or not month(j + 2):
        return k
    j += 3
    if j < len(w.parts) and not w.breaks[j] and _calendar_year(w.parts[j]):
        j += 1
    back = k - 1
    while back >= max(0, k - _EVENT_REACH) and (not w.breaks[back + 1] or w.commas[back + 1]):
        if w.parts[back] in _MEETING or w.parts[back] in _HOLDING:
            return j
        back -= 1
    return k


#: What a meeting scheduled for later is called ("to hold the next summit in 2026").
_GATHERINGS = frozenset({"meeting", "meetings", "summit", "summits", "session", "sessions", "conference",
                         "consultations", "round", "visit", "dialogue", "forum", "talks"})
_NEXT = frozenset({"next", "following"})
#: Words between a modal (or "to") and its verb ("will also further", "to be").
_BEFORE_VERB = frozenset({"also", "again", "further", "jointly", "soon", "be", "not"})


def _due(w: Words, first: int) -> bool:
    """True when the time at part ``first`` is a deadline ("by December", "within two
    weeks") or when a commitment is due (``_committed``): content, no stamp."""
    return (0 < first < len(w.parts) and not w.breaks[first] and w.parts[first - 1] in _DEADLINE) \
        or _committed(w, first)


def _committed(w: Words, first: int) -> bool:
    """True when the time at part ``first`` is when something is to be done: its clause
    has a modal or an infinitive ("will review the mandate in March", "agreed to complete
    the withdrawal in 2025", "to hold elections in December") whose verb is no meeting
    ("will meet again in October", "to be held in Canberra", "to hold the next summit in
    2026": the next meeting's date is a stamp). A commitment's date is its content."""
    # The nearest modal or infinitive before the time governs it ("will meet again in
    # October and agreed to complete the withdrawal in 2025"), read back no further than
    # the clause and ``_COMMIT_REACH`` words: a scan to the clause's start was quadratic
    # in a text without punctuation.
    if first >= len(w.parts):
        return False  # no time stands at the text's end
    k = first - 1
    while k >= max(0, first - _COMMIT_REACH) and not w.breaks[k + 1] \
            and w.parts[k] not in ("which", "that", "where"):
        if w.parts[k] in MODAL_VERBS or (w.parts[k] == "to" and k + 1 < first
                                         and not is_named(w, k + 1) and w.parts[k + 1] not in ARTICLES):
            break
        k -= 1
    else:
        return False
    if k < 0 or w.breaks[k + 1] or w.parts[k] in ("which", "that", "where"):
        return False
    v = k + 1
    while v < first and (w.parts[v] in _BEFORE_VERB or w.parts[v].endswith("ly")):
        v += 1
    if v >= first or w.parts[v] in _MEETING or w.parts[v] in ("held", "convened", "hosted"):
        return False
    # The gathering may be named ("to hold the Fifty-Second Regular Meeting"): its
    # ordinal and capitalised words stand before the noun.
    after = v + 1
    while after < first and w.parts[after] not in _GATHERINGS and (
            w.parts[after] in ARTICLES or w.parts[after] in DETERMINERS or w.parts[after] in _ORDINAL_WORDS
            or w.parts[after] in _NEXT or w.parts[after] in _TENS
            or is_named(w, after)):
        after += 1
    return not (w.parts[v] in _HOLDING and after < first and w.parts[after] in _GATHERINGS)


#: Most words between a modal (or "to") and the time it governs.
_COMMIT_REACH = 12


#: Verbs of people meeting: the place after them is where they met ("have met in Vilnius").
_MEETING = frozenset({"met", "meet", "meets", "convened", "convene", "convenes", "gathered", "gather",
                      "assembled"})
#: Verbs of an event held: the place after them is its venue when a time stamp follows
#: ("to be held in Berlin later this year"); alone it may be what is done ("elections held in Mali").
_HOLDING = frozenset({"held", "hold", "holds", "hosted", "host", "place"})


#: Words after which "in <Place>" may be a venue (``_venues``).
_BEFORE_VENUE = _MEETING | _HOLDING | _GATHERINGS


def _venues(w: Words, found: list[bool]) -> None:
    """Mark as stamps the places where the statement's meetings were or will be: "in
    <Place>" right after a verb of meeting, or after a verb of holding or a gathering when a
    time stamp follows it ("held in Berlin later this year", "the next Summit in Apia in 2026")."""
    for k in range(1, len(w.parts) - 1):
        if w.parts[k] not in ("in", "at") or w.breaks[k] or found[k] \
                or w.parts[k - 1] not in _BEFORE_VENUE:
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


def unstamped(e: Words, l: Words, run: tuple[int, int, int, int], e_stamps: Sequence[bool],
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


def renumbering(e: Words, l: Words, run: tuple[int, int, int, int]) -> tuple[int, int] | None:
    """The earlier and later numbers when a run only renumbers an event ("41st Extraordinary
    Session" -> "42nd Extraordinary Session", "the Fifth Summit" -> "the Sixth Summit",
    "1165th meeting", "Forty-Seventh Regular Meeting"): one ordinal for another before the
    same words, an event noun among them; else ``None``. An ordinal of anything else ("the
    First Committee", "the first phase") names another thing."""
    i1, i2, j1, j2 = run
    if not _ordinal_run(e, i1, i2) or not _ordinal_run(l, j1, j2):
        return None
    events = vocabulary("speech.txt")["event_noun"] | _NUMBERED
    k = i2
    while k < min(len(e.parts), i2 + _EVENT_REACH) and (not e.breaks[k] or is_possessive(e, k)):
        if e.parts[k] in events:
            return _ordinal_value(e, i1, i2), _ordinal_value(l, j1, j2)
        k += 1
    return None


def agenda_number(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when a run only renumbers an agenda item ("agenda item 98 (z)" -> "agenda item
    101 (y)"): a body numbers its agenda anew each session, as it does the session itself."""
    i1, i2, j1, j2 = run

    def numbered(w: Words, first: int, last: int) -> bool:
        parts = w.parts[first:last]
        return first >= 2 and w.parts[first - 2 : first] == ("agenda", "item") and 1 <= len(parts) <= 2 \
            and parts[0].isdigit() and (len(parts) == 1 or (len(parts[1]) == 1 and parts[1].isalpha()))

    return numbered(e, i1, i2) and numbered(l, j1, j2)


def numbered_again(e: Words, l: Words, run: tuple[int, int, int, int],
                   renumbered: set[tuple[int, int]]) -> bool:
    """True when a run is one number for another that an event renumbered elsewhere in
    the statements also went between ("the Seventh ... Conference (TICAD 7)" -> "the
    Ninth ... Conference (TICAD 9)": the 7 -> 9 is the same update)."""
    i1, i2, j1, j2 = run
    if not renumbered:
        return False
    numbers = (_number_value(e, i1, i2), _number_value(l, j1, j2))
    return None not in numbers and numbers in renumbered


def is_date_edit(e: Words, l: Words, run: tuple[int, int, int, int]) -> bool:
    """True when a run changes only a date ("8 September" -> "7 June", "2021" -> "2023"):
    when a statement was made is its metadata, not a change in what it says. A deadline's
    date and a commitment's are what it says, and no date update."""
    i1, i2, j1, j2 = run
    changed = e.parts[i1:i2] + l.parts[j1:j2]
    if not changed or not all(_datelike(p) for p in changed):
        return False
    if _due(e, i1) or _due(l, j1):
        return False  # a deadline or when a commitment is due ("by 2060" -> "by 2050"): content
    near = [(e, k) for k in range(max(0, i1 - 1), min(i2 + 1, len(e.parts)))]
    near += [(l, k) for k in range(j1, j2)]
    return any(_month(w, k) or (w.parts[k].isdigit() and len(w.parts[k]) == 4) for w, k in near) \
        or (_dated(e, i2) and _dated(l, j2))


#: Words that join the days of one date ("13 and 14 July", "3 to 5 July").
_DAY_JOINERS = frozenset({"and", "to", "-", "\u2013"})


def _dated(w: Words, k: int) -> bool:
    """Whether the days from part ``k`` on end in a month or a year ("[13] and 14 July
    2022": the first day of a range is a date too)."""
    while k < len(w.parts) and (_day_number(w.parts[k]) or w.parts[k] in _DAY_JOINERS):
        k += 1
    return k < len(w.parts) and (_month(w, k) or _calendar_year(w.parts[k]))
