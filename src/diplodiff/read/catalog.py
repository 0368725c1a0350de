"""Catalogs: a CSV or TOML file that gives or overrides statements' metadata.

A catalog has one entry per statement, keyed by file name (``file``) or by
statement id (``id``), with any of ``date``, ``title``, ``source``, ``outlet``,
``level``, ``countries`` and ``date_note``; other columns are kept as metadata.
See docs/catalog.md. A ``catalog.csv`` or ``catalog.toml`` at the top of a
directory given as input, or beside a file given as input, is used automatically
by every command and by ``load_statement``/``load_statements``; ``Catalog.apply``
is the one place a catalog is laid over a statement.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import warnings
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from attrs import field, frozen

from .._errors import CatalogError, DiplodiffWarning
from .._models import Statement
from .dates import DateError, parse_date
from .guard import MAX_TABLE_BYTES, decode, parse_toml, read_input

#: File names picked up from a directory given on the command line, in this order.
CATALOG_NAMES = ("catalog.csv", "catalog.toml")
#: Columns with a meaning of their own; any other column is kept in ``Statement.meta``.
KNOWN_COLUMNS = frozenset({"file", "id", "date", "title", "source", "outlet", "level", "countries",
                           "date_note"})
_META_COLUMNS = ("outlet", "level", "countries", "date_note")


def _str_pairs(value: object) -> tuple[tuple[str, str], ...]:
    items = value.items() if isinstance(value, Mapping) else value
    return tuple(sorted((str(k), str(v)) for k, v in items))  # type: ignore[attr-defined]


@frozen
class CatalogEntry:
    """What a catalog says of one statement.

    Attributes:
        key: The file name (``003_x.txt``), file stem or statement id it applies to.
        date: The statement's date, overriding the file's.
        title: Title, overriding the file's.
        source: Source, overriding the file's.
        fields: Other metadata (``outlet``, ``level``, ``countries``,
            ``date_note`` and any extra column), sorted by name.
        line: Line (CSV) or entry number (TOML) in the catalog, for messages.
    """

    key: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    fields: tuple[tuple[str, str], ...] = field(default=(), converter=_str_pairs)
    line: int = 0


@frozen
class Catalog:
    """The entries of one or more catalog files.

    >>> entry = CatalogEntry("a.txt", date=dt.date(2024, 7, 3))
    >>> catalog = Catalog((entry,), paths=("catalog.csv",))
    >>> s = Statement(id="a", text="Text.", path="corpus/a.txt")
    >>> catalog.apply(s).date
    datetime.date(2024, 7, 3)
    """

    entries: tuple[CatalogEntry, ...]
    paths: tuple[str, ...] = ()

    def entry_for(self, statement: Statement) -> CatalogEntry | None:
        """The entry for a statement: by file name, then file stem, then id (last entry wins)."""
        by_key = {e.key: e for e in self.entries}
        names = []
        if statement.path:
            names += [Path(statement.path).name, Path(statement.path).stem]
        names.append(statement.id)
        return next((by_key[n] for n in names if n in by_key), None)

    def apply(self, statement: Statement) -> Statement:
        """Return the statement with the catalog's metadata laid over its own.

        Applying the same catalog twice gives the same statement as applying it once.
        """
        entry = self.entry_for(statement)
        if entry is None:
            return statement
        meta = dict(statement.meta) | dict(entry.fields)
        notes = list(statement.notes)
        date = entry.date or statement.date
        if entry.date is None and statement.date is None and statement.get("dateline"):
            date = _dateline_date(statement, entry)
            if date is not None:
                notes.append(f"date {date.isoformat()} from the dateline, its year from the catalog")
        if (date is not None and date != statement.date) or entry.date is not None:
            notes = [n for n in notes if not n.startswith("date unknown")]
        if entry.date is not None and statement.date is not None and statement.date != entry.date:
            notes.append(f"date {entry.date.isoformat()} from the catalog "
                         f"(the file says {statement.date.isoformat()})")
        changes: dict[str, Any] = {
            "date": date, "title": entry.title or statement.title,
            "source": entry.source or statement.source, "meta": meta, "notes": tuple(notes),
        }
        return attrs.evolve(statement, **changes)

    def unmatched(self, statements: Iterable[Statement]) -> tuple[CatalogEntry, ...]:
        """Entries that name no statement in ``statements`` (in catalog order)."""
        keys: set[str] = set()
        for s in statements:
            keys.add(s.id)
            if s.path:
                keys.update((Path(s.path).name, Path(s.path).stem))
        return tuple(e for e in self.entries if e.key not in keys)

    def merged(self, other: Catalog) -> Catalog:
        """This catalog with ``other``'s entries after (and so winning over) its own."""
        return Catalog(self.entries + other.entries, self.paths + other.paths)


def _dateline_date(statement: Statement, entry: CatalogEntry) -> dt.date | None:
    """A yearless dateline's date, its year from the entry's ``published`` date or ``year``."""
    fields = dict(entry.fields)
    try:
        if fields.get("published"):
            reference = parse_date(fields["published"]).date
        elif fields.get("year", "").isdigit():
            reference = dt.date(int(fields["year"]), 12, 31)
        else:
            return None
        return parse_date(statement.get("dateline"), reference=reference).date if reference else None
    except (DateError, ValueError):
        return None


def _date(value: str, path: str, line: int) -> dt.date | None:
    try:
        reading = parse_date(value)
    except DateError as exc:
        raise CatalogError(path, f"line {line}: date {exc}") from None
    if reading.warning:
        warnings.warn(f"{path}:{line}: {reading.warning}", DiplodiffWarning, stacklevel=4)
    return reading.date


def _entry(row: Mapping[str, object], path: str, line: int) -> CatalogEntry:
    values = {str(k).strip().lower(): ("" if v is None else str(v).strip()) for k, v in row.items()}
    key = values.get("file") or values.get("id")
    if not key:
        raise CatalogError(path, f"line {line}: no 'file' or 'id'; name the statement each row describes")
    extra = {k: v for k, v in values.items() if k not in KNOWN_COLUMNS and v}
    extra |= {k: values[k] for k in _META_COLUMNS if values.get(k)}
    return CatalogEntry(key, date=_date(values.get("date", ""), path, line),
                        title=values.get("title") or None, source=values.get("source") or None,
                        fields=extra, line=line)


def parse_catalog_csv(text: str, *, path: str = "<catalog>") -> Catalog:
    """Read a CSV catalog: a header row with ``file`` or ``id``, then one row per statement.

    >>> c = parse_catalog_csv("file,date,date_note\\na.txt,2024-07-03,dateline\\n")
    >>> c.entries[0].date, dict(c.entries[0].fields)
    (datetime.date(2024, 7, 3), {'date_note': 'dateline'})
    """
    # strict: an unterminated quote is an error, not a cell running to the end of the file
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise CatalogError(path, f"line {reader.line_num}: is not valid CSV ({exc}); "
                                 "check its quoting") from None
    rows = [r for r in rows if any(cell.strip() for cell in r)]
    if not rows:
        raise CatalogError(path, "is empty; give a header row (file,date,...) and one row per statement")
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header and "id" not in header:
        raise CatalogError(path, "has no 'file' or 'id' column in its header row; add one")
    if len(set(header)) != len(header):
        raise CatalogError(path, "repeats a column name in its header row")
    entries = []
    for number, row in enumerate(rows[1:], start=2):
        if len(row) > len(header):
            raise CatalogError(path, f"line {number}: {len(row)} cells for {len(header)} columns; "
                                     "quote cells that contain commas")
        entries.append(_entry(dict(zip(header, row, strict=False)), path, number))
    return Catalog(tuple(entries), paths=(path,))


def parse_catalog_toml(text: str, *, path: str = "<catalog>") -> Catalog:
    """Read a TOML catalog: ``[[statement]]`` tables with the CSV's columns as keys.

    >>> c = parse_catalog_toml('[[statement]]\\nfile = "a.txt"\\ndate = 2024-07-03\\n')
    >>> c.entries[0].key, c.entries[0].date
    ('a.txt', datetime.date(2024, 7, 3))
    """
    data = parse_toml(text, name=path, error=CatalogError, hint="see docs/catalog.md")
    tables = data.get("statement")
    unknown = set(data) - {"statement", "schema_version"}
    if unknown or not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise CatalogError(path, "needs [[statement]] tables (one per statement) and nothing else")
    entries = []
    for number, table in enumerate(tables, start=1):
        for key, value in table.items():
            if not isinstance(value, str | dt.date | int | float) or isinstance(value, dt.datetime):
                raise CatalogError(path, f"statement {number}: {key!r} must be a string or a date")
        row = {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in table.items()}
        entries.append(_entry(row, path, number))
    return Catalog(tuple(entries), paths=(path,))


def load_catalog(path: str | Path) -> Catalog:
    """Read a catalog file (``.csv`` or ``.toml``).

    Raises:
        CatalogError: The file is missing, unreadable, of another kind, or malformed.
    """
    path = Path(path)
    name = str(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".toml"):
        raise CatalogError(name, "is not a .csv or .toml catalog; see docs/catalog.md")
    data = read_input(path, limit=MAX_TABLE_BYTES, error=CatalogError, what="catalog file")
    text = decode(data, name, CatalogError)
    if suffix == ".csv":
        return parse_catalog_csv(text, path=name)
    return parse_catalog_toml(text, path=name)


def find_catalogs(paths: Sequence[str | Path]) -> tuple[Path, ...]:
    """The ``catalog.csv``/``catalog.toml`` files for these inputs.

    For a directory, those at its top; for a file, those beside it. Each is listed once.
    """
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if str(raw) == "-":
            continue
        directory = path if path.is_dir() else path.parent if path.is_file() else None
        if directory is None:
            continue
        found += [directory / n for n in CATALOG_NAMES
                  if (directory / n).is_file() and directory / n not in found]
    return tuple(found)


def read_catalogs(paths: Sequence[str | Path]) -> Catalog:
    """Load and merge catalog files; later files win where two name the same statement."""
    catalog = Catalog(())
    for path in paths:
        catalog = catalog.merged(load_catalog(path))
    return catalog
