"""Dates: the one place that turns what a source says into a ``datetime.date``.

Every reader (text headers, JSON lines, tables, HTML, PDF) and the catalog call
:func:`parse_date`; datelines at the top of a body go through :func:`find_dateline`.
Accepted: ISO dates (``2024-07-03``) and date-times (``2024-07-03T20:00:00+08:00``,
the date as written, never moved to another time zone), English written dates
(``3 July 2024``, ``July 3, 2024``, ``Wednesday, 3rd July 2024``), numeric dates
whose order is plain (``2024/07/03``, ``23/07/2024``), date and datetime objects,
and epoch milliseconds (what pandas' ``to_json`` writes).

A date that could be read two ways (``03/07/2024``) is not guessed: it comes back as
``None`` with a warning saying both readings. A date without a year takes its year
from a reference date (the header's or the catalog's) when one is given.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from typing import NamedTuple

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_ISO_DATETIME = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_NUMERIC = re.compile(r"(\d{1,4})([/.])(\d{1,2})\2(\d{1,4})")
_MONTH_WORD = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
               r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_HAS_MONTH = rf"\b{_MONTH_WORD}(?![a-z])"
# "ALMATY, April 25 (Xinhua) --", "NUR-SULTAN, June 7 (Xinhua) --", "Beijing, 3 July 2024 :",
# "WASHINGTON, D.C., July 3 (Reuters) -"
_DATELINE = (
    rf"[ \t]*(?P<place>[A-Z][A-Za-z.'\u2019 -]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'\u2019 -]{{1,30}}?)?),[ \t]+"
    rf"(?P<when>(?:{_MONTH_WORD}[ \t]+\d{{1,2}}|\d{{1,2}}[ \t]+{_MONTH_WORD})(?:,?[ \t]+\d{{4}})?)"
    r"[ \t]*(?:\((?P<agency>[^()\n]{1,40})\))?[ \t]*(?:--|\u2014|\u2013|-|:|/)")
_MONTH_NUMBER = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}
_WEEKDAY = r"(?:(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|rsday|urday|sday)?\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
# The common English forms, read without dateutil (a ~50 ms import) so that datelines stay cheap.
_PLAIN = (rf"{_WEEKDAY}{_DAY}\s+(?:of\s+)?(?P<month>{_MONTH_WORD}){_YEAR}",
          rf"{_WEEKDAY}(?P<month>{_MONTH_WORD})\s+{_DAY}{_YEAR}")
#: A dateline this long before the date given with it (a publication date) is believed over it.
DATELINE_WINDOW = dt.timedelta(days=31)
#: Epoch milliseconds from 1973 to 5138: pandas' ``to_json`` default for datetimes.
_EPOCH_MS = (10**11, 10**14)


@functools.cache
def _pattern(source: str, flags: int = 0) -> re.Pattern[str]:
    """Compile on first use: most runs read ISO dates only, and import time counts."""
    return re.compile(source, flags)


class DateError(ValueError):
    """A value that is no date diplodiff can read; the message says what to write instead."""


class DateReading(NamedTuple):
    """What :func:`parse_date` made of a value.

    Attributes:
        date: The date, or ``None`` when the value is empty or could be read two ways.
        warning: Why the date was left out (an ambiguous value), else ``None``.
        year_from_reference: The value had no year; it was taken from the reference date.
    """

    date: dt.date | None
    warning: str | None = None
    year_from_reference: bool = False


class Dateline(NamedTuple):
    """A dateline at the top of a body (``ALMATY, April 25 (Xinhua) --``).

    Attributes:
        text: The dateline as it stands, up to and including its dash or colon.
        place: The place it names (``ALMATY``).
        when: The date words (``April 25``).
        agency: The agency in brackets, if any (``Xinhua``).
    """

    text: str
    place: str
    when: str
    agency: str | None = None


def _with_year(month: int, day: int, reference: dt.date, value: str) -> dt.date:
    """The day ``month``/``day`` on or just before ``reference`` (a dateline precedes publication)."""
    for year in (reference.year, reference.year - 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate <= reference + dt.timedelta(days=1) or year < reference.year:
            return candidate
    raise DateError(f"{value!r} is not a real day in {reference.year}")


def _plain(value: str) -> tuple[int | None, int, int] | None:
    """``(year or None, month, day)`` of a common English date, else ``None``."""
    for source in _PLAIN:
        match = _pattern(source, re.I).fullmatch(value)
        if match:
            year = match.group("year")
            month = _MONTH_NUMBER[match.group("month")[:3].lower()]
            return (int(year) if year else None), month, int(match.group("day"))
    return None


def _words(value: str, reference: dt.date | None) -> DateReading:
    plain = _plain(value)
    if plain is not None:
        year, month, day = plain
        if year is None:
            if reference is None:
                raise DateError(f"{value!r} has no year; write it in full, e.g. 2024-07-03")
            return DateReading(_with_year(month, day, reference, value), year_from_reference=True)
        try:
            return DateReading(dt.date(year, month, day))
        except ValueError:
            raise DateError(f"{value!r} is not a real day; write it as e.g. 2024-07-03") from None
    # dateutil is ~50 ms to import; only the rarer written forms need it.
    from dateutil import parser

    try:
        first = parser.parse(value, default=dt.datetime(2000, 1, 1))
        second = parser.parse(value, default=dt.datetime(2001, 2, 2))
    except (parser.ParserError, ValueError, OverflowError):
        raise DateError(f"{value!r} is not a date diplodiff can read; write it as e.g. 2024-07-03 "
                        "or 3 July 2024") from None
    if first.day != second.day:
        raise DateError(f"{value!r} has no day; write the full date, e.g. 2024-07-03")
    if first.year == second.year:
        return DateReading(first.date())
    if reference is None:
        raise DateError(f"{value!r} has no year; write it in full, e.g. 2024-07-03")
    return DateReading(_with_year(first.month, first.day, reference, value), year_from_reference=True)


def _long(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _numeric(match: re.Match[str], value: str) -> DateReading:
    a, _, b, c = match.groups()
    if len(a) == 4:
        readings = {_day(int(a), int(b), int(c))}
    elif len(c) == 4:
        # day first (23/07/2024) or month first (07/23/2024): only the readings that are real days
        readings = {_day(int(c), int(b), int(a)), _day(int(c), int(a), int(b))}
    else:
        raise DateError(f"{value!r} has no four-digit year; write it as e.g. 2024-07-03")
    days = sorted(d for d in readings if d is not None)
    if not days:
        raise DateError(f"{value!r} is not a real day; write it as e.g. 2024-07-03")
    if len(days) > 1:
        return DateReading(None, warning=(
            f"date {value!r} could be {_long(days[1])} or {_long(days[0])}; left undated: "
            "write it as YYYY-MM-DD or give it in a catalog"))
    return DateReading(days[0])


def _number(given: float) -> DateReading:
    value = float(given)
    if math.isnan(value):
        return DateReading(None)
    if not value.is_integer() or not _EPOCH_MS[0] <= value < _EPOCH_MS[1]:
        raise DateError(f"{given!r} is a number, not a date; write it as e.g. 2024-07-03 "
                        "(numbers are read as epoch milliseconds, as pandas writes them)")
    moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=int(value))
    return DateReading(moment.date())


def parse_date(value: object, *, reference: dt.date | None = None) -> DateReading:
    """Read a date from whatever a source holds; ``None`` for an empty value.

    Args:
        value: A string, a ``date``/``datetime`` (a pandas ``Timestamp`` is one), or a
            number of epoch milliseconds.
        reference: Where a value has no year (a dateline's ``April 25``), the date
            it was published: the day taken is the last one on or before it.

    Raises:
        DateError: The value is no date, is not a real day, or lacks a year or day
            (and no reference gives the year).

    >>> parse_date("3 July 2024").date, parse_date("2024-07-03T23:30:00-05:00").date
    (datetime.date(2024, 7, 3), datetime.date(2024, 7, 3))
    >>> parse_date("April 25", reference=dt.date(2025, 4, 27)).date
    datetime.date(2025, 4, 25)
    >>> parse_date("03/07/2024").warning
    "date '03/07/2024' could be 3 July 2024 or 7 March 2024; left undated: write it as YYYY-MM-DD or \
give it in a catalog"
    """
    if value is None or type(value).__name__ == "NaTType":
        return DateReading(None)
    if isinstance(value, dt.datetime):
        return DateReading(value.date())
    if isinstance(value, dt.date):
        return DateReading(value)
    if isinstance(value, bool):
        raise DateError(f"{value!r} is not a date; write it as e.g. 2024-07-03")
    if isinstance(value, int | float):
        return _number(value)
    text = " ".join(str(value).split())
    if not text:
        return DateReading(None)
    if _ISO_DATE.fullmatch(text):
        try:
            return DateReading(dt.date.fromisoformat(text))
        except ValueError:
            raise DateError(f"{text!r} is not a real day; write it as e.g. 2024-07-03") from None
    if _ISO_DATETIME.match(text):
        try:
            return DateReading(dt.datetime.fromisoformat(text.replace(" ", "T", 1)).date())
        except ValueError:
            raise DateError(f"{text!r} is not an ISO date-time; write it as e.g. "
                            "2024-07-03T20:00:00+08:00") from None
    numeric = _NUMERIC.fullmatch(text)
    if numeric:
        return _numeric(numeric, text)
    if len(text) <= 60 and _pattern(_HAS_MONTH, re.I).search(text):
        return _words(text, reference)
    raise DateError(f"{text!r} is not a date diplodiff can read; write it as e.g. 2024-07-03 "
                    "or 3 July 2024")


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text`` (after blank lines), if there is one.

    >>> find_dateline("\\nALMATY, April 25 (Xinhua) -- Chinese Foreign Minister ...")
    Dateline(text='ALMATY, April 25 (Xinhua) --', place='ALMATY', when='April 25', agency='Xinhua')
    >>> find_dateline("Beijing, the capital, said ...") is None
    True
    """
    start = len(text) - len(text.lstrip())
    match = _pattern(_DATELINE).match(text, start)
    if not match:
        return None
    return Dateline(match.group(0).strip(), match.group("place").strip(), match.group("when"),
                    match.group("agency"))


def date_from_dateline(given: dt.date | None, body: str, *, given_as: str = "the given",
                       ) -> tuple[dt.date | None, tuple[str, ...], tuple[tuple[str, str], ...]]:
    """The statement's date once the dateline at the top of ``body`` is read: ``(date, notes, meta)``.

    ``given`` is the date the source states (a header's, a page's, a record's): taken as
    the publication date, it gives a yearless dateline its year. A dateline within
    ``DATELINE_WINDOW`` before it names the day of the event and wins; a yearless
    dateline with nothing to date it leaves ``("dateline", "April 25")`` in ``meta`` for
    a catalog's ``published`` or ``year`` to complete.

    >>> date_from_dateline(dt.date(2025, 4, 27), "ALMATY, April 25 (Xinhua) -- Text.")[0]
    datetime.date(2025, 4, 25)
    """
    dateline = find_dateline(body)
    if dateline is None:
        return given, (), ()
    try:
        found = parse_date(dateline.when, reference=given).date
    except DateError:
        if given is not None:
            return given, (), ()
        return None, (f"date unknown: the dateline {dateline.text!r} gives no year; give the date "
                      "in a header or a catalog",), (("dateline", dateline.when),)
    if found is None or given is None or found == given:
        return found or given, (), ()
    if not given - DATELINE_WINDOW <= found <= given + dt.timedelta(days=1):
        return given, (f"the dateline {dateline.text!r} is far from {given_as} date "
                       f"{given.isoformat()}; {given_as} date is kept",), ()
    return found, (f"date {found.isoformat()} from the dateline {dateline.text!r} ({given_as} "
                   f"{given.isoformat()} is taken as the publication date)",), ()


_STAMP = (r"\b\d{4}-\d{2}-\d{2}\b"
          rf"|\b{_MONTH_WORD}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}\b"
          rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH_WORD}\s+\d{{4}}\b")


def find_date(text: str) -> dt.date | None:
    """The first full date written inside ``text`` (a byline, a time stamp), else ``None``.

    >>> find_date("Updated: July 04, 2024 10:15")
    datetime.date(2024, 7, 4)
    """
    for match in _pattern(_STAMP, re.I).finditer(text):
        try:
            found = parse_date(match.group(0)).date
        except DateError:
            continue
        if found is not None:
            return found
    return None
