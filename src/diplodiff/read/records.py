"""Statements from records: JSON lines, JSON arrays, CSV/TSV/XLSX tables, DataFrames.

A record is a mapping with a text column and, optionally, id, date, title and
source columns; any other column goes to ``Statement.meta``. Which column is which
is said by :class:`Columns`, or found among the usual names (``text``/``body``/
``content``..., ``date``/``published``...). pandas' own
``df.to_json(orient="records", lines=True)`` output loads as it stands.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import warnings
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from attrs import frozen

from .._errors import DiplodiffWarning, LoadError, StatementFormatError
from .._models import Statement
from .dates import DateError, date_from_dateline, parse_date
from .guard import parse_json

#: Column names tried, in order, when no column is named (compared without case).
TEXT_COLUMNS = ("text", "body", "content", "statement", "full_text", "article", "article_text")
DATE_COLUMNS = ("date", "published", "published_at", "publish_date", "pub_date", "publication_date",
                "datetime", "timestamp", "time", "created_at")
ID_COLUMNS = ("id", "statement_id", "doc_id", "document_id", "uid")
TITLE_COLUMNS = ("title", "headline", "heading", "subject")
SOURCE_COLUMNS = ("source",)


@frozen(kw_only=True)
class Columns:
    """Which column of a table or record holds what; ``None`` finds it by its usual names.

    Attributes:
        text: The statement text (default: the first of ``text``, ``body``,
            ``content``, ``statement``, ``full_text``, ``article``, ``article_text``).
        date: The date (default: ``date``, ``published``, ``published_at``, ...).
        id: The statement id (default: ``id``, ``statement_id``, ``doc_id``, ...;
            else ``NAME:ROW``).
        title: The title (default: ``title``, ``headline``, ``heading``, ``subject``).

    >>> Columns(text="body").text
    'body'
    """

    text: str | None = None
    date: str | None = None
    id: str | None = None
    title: str | None = None

    def _pick(self, keys: Iterable[str], given: str | None, usual: Sequence[str]) -> str | None:
        by_lower: dict[str, str] = {}
        for key in keys:
            by_lower.setdefault(str(key).strip().lower(), key)
        if given is not None:
            return by_lower.get(given.strip().lower())
        return next((by_lower[n] for n in usual if n in by_lower), None)

    def resolve(self, keys: Iterable[str]) -> dict[str, str | None]:
        """Map ``text``/``date``/``id``/``title``/``source`` to the keys that hold them."""
        keys = list(keys)
        return {"text": self._pick(keys, self.text, TEXT_COLUMNS),
                "date": self._pick(keys, self.date, DATE_COLUMNS),
                "id": self._pick(keys, self.id, ID_COLUMNS),
                "title": self._pick(keys, self.title, TITLE_COLUMNS),
                "source": self._pick(keys, None, SOURCE_COLUMNS)}

    def missing(self, keys: Iterable[str]) -> str | None:
        """A message when a named column is absent, or no text column is found; else ``None``."""
        keys = list(keys)
        found = self.resolve(keys)
        for role in ("text", "date", "id", "title"):
            given = getattr(self, role)
            if given is not None and found[role] is None:
                return (f"has no {given!r} column (it has {_names(keys)}); "
                        f"check --{role}-column ({role}= in Python)")
        if found["text"] is None:
            return (f"has no text column (it has {_names(keys)}); name it with --text-column "
                    "(text= in Python)")
        return None


DEFAULT_COLUMNS = Columns()


def _names(keys: Sequence[str]) -> str:
    shown = ", ".join(repr(k) for k in keys[:8])
    return shown + (", ..." if len(keys) > 8 else "") if keys else "no columns"


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) \
        or type(value).__name__ in ("NaTType", "NAType")


def _scalar(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # pandas turns integer ids with gaps into floats
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def record_statement(record: Mapping[str, Any], *, name: str, number: int, columns: Columns = DEFAULT_COLUMNS,
                     path: str | None = None, id_prefix: str | None = None,
                     keys: dict[str, str | None] | None = None) -> Statement:
    """One statement from one record; ``name``/``number`` say where it is in messages.

    Raises:
        StatementFormatError: No text, an empty text, or a date that cannot be read.
    """
    keys = keys if keys is not None else columns.resolve(record)
    problem = columns.missing(list(record)) if keys["text"] is None else None
    if problem:
        raise StatementFormatError(name, problem, line=number)
    text_key = keys["text"]
    assert text_key is not None
    text = record.get(text_key)
    if not _missing(text) and not isinstance(text, str):
        raise StatementFormatError(name, f"{text_key!r} must be text, not {type(text).__name__}; check "
                                         "--text-column (text= in Python)", line=number)
    if _missing(text) or not isinstance(text, str) or not text.strip():
        raise StatementFormatError(name, f"has an empty {text_key!r}; every record needs its text",
                                   line=number)
    date = None
    notes: list[str] = []
    date_key = keys["date"]
    if date_key is not None and not _missing(record.get(date_key)):
        try:
            reading = parse_date(record[date_key])
        except DateError as exc:
            raise StatementFormatError(name, f"{date_key!r}: {exc}", line=number) from None
        date = reading.date
        if reading.warning:
            warnings.warn(f"{name}:{number}: {reading.warning}", DiplodiffWarning, stacklevel=2)
            notes.append(f"date unknown: {reading.warning}")
    date, more, dateline = date_from_dateline(date, text, given_as=f"the {date_key!r} column's")
    if not (date is None and notes):
        notes.extend(more)
    if date is None and not notes:
        notes.append("date unknown: the record gives none")
    used = {k for k in keys.values() if k is not None}

    def field(role: str) -> str | None:
        key = keys.get(role)
        value = record.get(key) if key is not None else None
        return None if _missing(value) or not _scalar(value).strip() else _scalar(value).strip()

    meta = {str(k): _scalar(v) for k, v in record.items() if k not in used and not _missing(v)}
    meta |= dict(dateline)
    prefix = id_prefix if id_prefix is not None else name
    return Statement(id=field("id") or f"{prefix}:{number}", text=text, date=date, title=field("title"),
                     source=field("source"), path=path, meta=meta, notes=tuple(notes))


def from_records(records: Iterable[Mapping[str, Any]], *, text: str | None = None, date: str | None = None,
                 id: str | None = None, title: str | None = None, name: str = "records",
                 ) -> tuple[Statement, ...]:
    """Statements from mappings (dicts, JSON objects, rows), one per record.

    Columns not named are found by their usual names (see :class:`Columns`); ids
    default to ``NAME:N`` (N counting from 1); other keys go to ``Statement.meta``.

    Raises:
        StatementFormatError: A record has no text, or a date that cannot be read.

    >>> rows = [{"body": "Both sides will deepen mutual trust.", "published": "3 July 2024", "id": 7}]
    >>> [(s.id, s.date, s.text) for s in from_records(rows)]
    [('7', datetime.date(2024, 7, 3), 'Both sides will deepen mutual trust.')]
    """
    columns = Columns(text=text, date=date, id=id, title=title)
    statements = tuple(record_statement(r, name=name, number=n, columns=columns)
                       for n, r in enumerate(records, start=1))
    if not statements:
        raise LoadError(name, "holds no records; give at least one statement")
    return statements


def from_frame(frame: Any, *, text: str | None = None, date: str | None = None, id: str | None = None,
               title: str | None = None, name: str = "frame") -> tuple[Statement, ...]:
    """Statements from a pandas DataFrame, one per row (pandas is not imported here).

    A named index (``df.set_index("doc")``) is a column, and the id when no column is.
    Datetime columns,
    ``NaN`` and ``NaT`` are read as a person would: a date, and nothing.
    """
    index = getattr(getattr(frame, "index", None), "name", None)
    if index is not None:
        frame = frame.reset_index()
        if id is None and Columns().resolve([str(c) for c in frame.columns])["id"] is None:
            id = str(index)
    return from_records(frame.to_dict(orient="records"), text=text, date=date, id=id, title=title,
                        name=name)


# --- files -------------------------------------------------------------------------------------------


def json_records(text: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(position, object)`` for a JSON array of objects (pandas' ``orient="records"``)."""
    def error(path: str, message: str) -> StatementFormatError:
        return StatementFormatError(path, message.removeprefix("line 1: ").replace("one object per line",
                                                                                   "an array of objects"))

    data = parse_json(text, name=name, number=1, error=error)
    items = data if isinstance(data, list) else [data]
    for number, record in enumerate(items, start=1):
        if not isinstance(record, dict):
            raise StatementFormatError(name, f"item {number} is not an object; give an array of objects")
        yield number, record


def csv_records(text: str, name: str, *, delimiter: str | None = None,
                ) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and ``(line, row)`` pairs of a CSV or TSV text; blank rows are skipped."""
    first = text.split("\n", 1)[0]
    if delimiter is None:
        delimiter = ";" if first.count(";") > first.count(",") else ","
    # csv refuses cells over 128 KiB by default; a statement's text may be longer (and the
    # file's size is already bounded), so raise the process-wide limit, never lower it
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        line = 1
        for row in reader:
            rows.append((line, row))
            line = reader.line_num + 1
    except csv.Error as exc:
        raise StatementFormatError(name, f"is not valid CSV ({exc}); check its quoting",
                                   line=reader.line_num) from None
    rows = [(n, r) for n, r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise LoadError(name, "is empty; give a header row and one row per statement")
    header = [h.strip() for h in rows[0][1]]
    records = []
    for number, row in rows[1:]:
        if len(row) > len(header):
            raise StatementFormatError(name, f"{len(row)} cells for {len(header)} columns; quote cells "
                                             "that contain the delimiter", line=number)
        # an unnamed column is an index written by a spreadsheet or df.to_csv(): not metadata
        records.append((number, {h: c for h, c in zip(header, row, strict=False) if h}))
    return header, records


def xlsx_records(data: bytes, name: str, *, unpacked_limit: int = 500_000_000,
                 ) -> tuple[list[str], list[tuple[int, dict[str, Any]]]]:
    """The header and ``(row number, row)`` pairs of the first sheet of an .xlsx workbook.

    A workbook is a ZIP archive: one that would unpack to more than ``unpacked_limit``
    bytes is refused before it is opened (a few KB can unpack to gigabytes).
    """
    # openpyxl costs ~150 ms to import; only workbooks need it.
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(data)).infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise LoadError(name, f"is not a readable .xlsx workbook ({exc}); re-save it from Excel as "
                              ".xlsx or .csv") from None
    if unpacked > unpacked_limit:
        raise LoadError(name, f"unpacks to {unpacked / 1e6:,.0f} MB, over the {unpacked_limit / 1e6:,.0f} MB "
                              "limit for a workbook; split it, or save it as .csv")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise LoadError(name, f"is not a readable .xlsx workbook ({exc}); re-save it from Excel as "
                              ".xlsx or .csv") from None
    try:
        sheet = book.worksheets[0]
        rows = [(n, list(r)) for n, r in enumerate(sheet.iter_rows(values_only=True), start=1)
                if any(c is not None and str(c).strip() for c in r)]
    finally:
        book.close()
    if not rows:
        raise LoadError(name, "has an empty first sheet; put a header row and one row per statement there")
    header = ["" if c is None else str(c).strip() for c in rows[0][1]]
    records = [(n, {h: c for h, c in zip(header, r, strict=False) if h}) for n, r in rows[1:]]
    return header, records
