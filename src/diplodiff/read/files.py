"""Reading statements from files; the only module that reads statement files.

Accepted forms (see docs/input-formats.md):

* a first line `` date YYYY-MM-DD title`` (the seeds' form);
* a ``key: value`` header (``date:``, ``title:``, ``source:`` ...) ended by a
  blank line or by the first line that is not a known key;
* no header, optionally a title line (short, no final punctuation);
* ``.jsonl``: one JSON object per line with ``text`` and optional ``id``,
  ``date``, ``title``, ``source`` and any other metadata.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._errors import LoadError, StatementFormatError
from .._models import Statement
from .._options import DEFAULT_OPTIONS, Options
from .guard import parse_json, read_input

STATEMENT_SUFFIXES = (".txt", ".md", ".jsonl")
HEADER_KEYS = frozenset({
    "id", "date", "title", "source", "outlet", "url", "speakers", "level", "countries",
    "country pair", "country_pair", "article number", "author", "published", "location",
    "language", "genre", "type",
})
#: Matched against one line at a time (see ``_split_header``).
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?", re.I)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:(.*)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_TITLE_END = tuple('.!?:;"\u201d')


def parse_date(value: str, *, path: str, line: int | None = None) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date, naming the file on failure."""
    try:
        if not _ISO_DATE.fullmatch(value.strip()):
            raise ValueError(value)  # fromisoformat also takes 20240703 and 2024-W27-3
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        msg = f"date {value.strip()!r} is not a YYYY-MM-DD date; write it as e.g. 2024-07-03"
        raise StatementFormatError(path, msg, line=line) from None


def read_text(path: Path, *, options: Options = DEFAULT_OPTIONS) -> str:
    """Read a UTF-8 text file, refusing what is not a statement with a clear error."""
    name = str(path)
    if path.is_dir():
        raise LoadError(name, "is a directory; give a statement file (or use 'diplodiff timeline')")
    try:
        data = read_input(path, limit=options.max_bytes, error=LoadError, what="file")
    except LoadError as exc:
        if "over the" not in str(exc):
            raise
        msg = (f"is over the {options.max_bytes / 1e6:.1f} MB limit for one statement; "
               "split it into statements")
        raise LoadError(name, msg) from None
    if b"\x00" in data[:65536]:
        raise LoadError(name, "looks binary (it has NUL bytes); give a UTF-8 text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        msg = (f"is not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
               "re-save it as UTF-8")
        raise LoadError(name, msg) from None
    if not text.strip():
        raise LoadError(name, "is empty; give a file with the statement's text")
    return text


def _line_at(text: str, pos: int) -> tuple[str, int]:
    """The line starting at ``pos`` (without its end) and where the next one starts;
    ``\r\n``, ``\n`` and a lone ``\r`` all end a line."""
    match = _LINE_END.search(text, pos)
    return (text[pos : match.start()], match.end()) if match else (text[pos:], len(text))


def _split_header(text: str, path: str) -> tuple[dict[str, str], int]:
    """Return the header fields and the offset where the body starts.

    Lines are cut first and matched one by one with patterns that cannot
    backtrack across a line, so a header costs linear time whatever its spacing.
    """
    fields: dict[str, str] = {}
    first, after = _line_at(text, 0)
    match = _DATE_LINE.match(first)
    if match:
        fields["date"] = match.group(1)
        title = (match.group(2) or "").strip(" \t")
        if title:
            fields["title"] = title
        return fields, after
    pos = 0
    number = 0
    while pos < len(text):
        line, after = _line_at(text, pos)
        number += 1
        found = _HEADER_LINE.match(line)
        key = found.group(1).strip().lower().replace(" ", "_") if found else ""
        if not found or key.replace("_", " ") not in HEADER_KEYS:
            break
        if key in fields:
            raise StatementFormatError(path, f"gives {key!r} twice in its header; keep one", line=number)
        fields[key] = found.group(2).strip(" \t")
        pos = after
    if not fields:
        return fields, 0
    line, after = _line_at(text, pos)
    return fields, after if pos < len(text) and not line.strip(" \t") else pos


#: Words a line does not end on unless the sentence goes on in the next line.
_RUNS_ON = frozenset({"a", "an", "the", "and", "or", "of", "to", "in", "on", "for", "with", "by",
                      "at", "as", "from", "that", "its", "their", "his", "her", "our", "is", "are"})


def _wrapped(first: str, rest: str) -> bool:
    """Whether ``first`` is a hard-wrapped line of a paragraph, not a headline: the
    next line follows with no blank line and goes on in lower case, or ``first``
    ends on a comma, a hyphen or a word no headline ends on."""
    next_line = rest.lstrip(" \t").partition("\n")[0].strip()
    if not next_line:
        return False
    last = first.rsplit(None, 1)[-1].lower()
    return next_line[0].islower() or first.endswith((",", "-")) or last in _RUNS_ON


def _title_line(text: str, start: int) -> tuple[str | None, int]:
    """Read a leading headline (short, no final punctuation, more text after it)."""
    body = text[start:]
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    first = first.strip()
    if (first and len(first) <= 200 and len(first.split()) >= 2 and rest.strip()
            and not first.endswith(_TITLE_END) and not _wrapped(first, rest)):
        return first, start + (len(body) - len(stripped)) + len(stripped.partition("\n")[0]) + 1
    return None, start


def parse_statement(text: str, *, id: str, path: str | None = None) -> Statement:
    """Build a statement from the full text of a ``.txt``/``.md`` file.

    >>> s = parse_statement(" date 2024-07-03 Xi meets Tokayev\\n\\nText.", id="x")
    >>> (s.date.isoformat(), s.title, s.text.strip())
    ('2024-07-03', 'Xi meets Tokayev', 'Text.')
    """
    name = path or id
    fields, start = _split_header(text, name)
    title = fields.pop("title", None) or None
    if title is None:
        title, start = _title_line(text, start)
    body = text[start:]
    if not body.strip():
        raise StatementFormatError(name, "has a header but no statement text after it")
    raw_date = fields.pop("date", "").strip()
    date = parse_date(raw_date, path=name) if raw_date else None
    notes = () if date else ("date unknown: the file gives none",)
    return Statement(
        id=fields.pop("id", "").strip() or id, text=body, date=date, title=title,
        source=fields.pop("source", None) or None, path=path, meta=fields, notes=notes,
    )


#: JSONL fields with a meaning of their own, and the types they take.
_JSONL_FIELDS = {"id": (str, int), "text": (str,), "date": (str,), "title": (str,), "source": (str,)}


def _jsonl_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines split at ``\n`` only: U+2028, U+0085 and lone CRs are text inside a JSON line."""
    for number, line in enumerate(text.split("\n"), start=1):
        yield number, line.removesuffix("\r")


def _jsonl(path: Path, text: str) -> Iterator[Statement]:
    name = str(path)
    for number, line in _jsonl_lines(text):
        if not line.strip():
            continue
        record = parse_json(line, name=name, number=number, error=_format_error)
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise StatementFormatError(name, 'needs an object with a "text" string', line=number)
        if not record["text"].strip():
            raise StatementFormatError(name, 'has an empty "text"', line=number)
        for key, types in _JSONL_FIELDS.items():
            value = record.get(key)
            if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
                kinds = " or ".join("a string" if t is str else "a whole number" for t in types)
                raise StatementFormatError(name, f'"{key}" must be {kinds}, not {type(value).__name__}; '
                                                 "fix that field", line=number)
        raw_date = record.get("date")
        date = parse_date(raw_date, path=name, line=number) if raw_date else None
        meta = {k: str(v)
                for k, v in record.items() if k not in _JSONL_FIELDS and v is not None}
        yield Statement(
            id=str(record.get("id") or f"{path.stem}:{number}"), text=record["text"], date=date,
            title=record.get("title") or None, source=record.get("source") or None, path=name,
            meta=meta, notes=() if date else ("date unknown: the record gives none",),
        )


def _format_error(name: str, message: str) -> StatementFormatError:
    """A guard error on a JSONL line, as ``path:line: message``."""
    line, _, rest = message.partition(": ")
    if line.startswith("line ") and line[5:].isdigit():
        return StatementFormatError(name, rest, line=int(line[5:]))
    return StatementFormatError(name, message)


def load_file(path: str | Path, *, options: Options = DEFAULT_OPTIONS) -> tuple[Statement, ...]:
    """Load every statement in one file (one, or one per line of a ``.jsonl``)."""
    path = Path(path)
    if path.suffix.lower() in (".csv", ".toml") and path.is_file():
        msg = "looks like a catalog or lexicon, not a statement; pass it with --catalog or --lexicon"
        raise LoadError(str(path), msg)
    text = read_text(path, options=options)
    if path.suffix.lower() == ".jsonl":
        statements = tuple(_jsonl(path, text))
        if not statements:
            raise LoadError(str(path), "has no JSON lines; give one object per line")
        return statements
    return (parse_statement(text, id=path.stem, path=str(path)),)


def load_statement(path: str | Path, *, options: Options = DEFAULT_OPTIONS) -> Statement:
    """Load one statement from a ``.txt``, ``.md`` or one-line ``.jsonl`` file.

    Raises:
        LoadError: The file is missing, a directory, binary, not UTF-8, empty,
            too large, or a ``.jsonl`` with more than one statement.
    """
    statements = load_file(path, options=options)
    if len(statements) > 1:
        msg = f"holds {len(statements)} statements; name one file per statement or use 'timeline'"
        raise LoadError(str(path), msg)
    return statements[0]


def statement_files(paths: Iterable[str | Path], *, warnings: list[str] | None = None) -> list[Path]:
    """Expand files and directories (recursively) into statement files, sorted.

    An unreadable file or subdirectory inside a directory is named in ``warnings``
    and skipped; with ``warnings=None`` it raises ``LoadError`` instead.
    """
    found: list[Path] = []

    def unreadable(path: str) -> None:
        message = f"{path}: cannot be read (permission denied); skipped"
        if warnings is None:
            raise LoadError(path, "cannot be read (permission denied); check its permissions "
                                  "or leave it out")
        warnings.append(message)

    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            found.append(path)
            continue
        inside: list[Path] = []
        for root, dirs, names in os.walk(path, onerror=lambda exc: unreadable(str(exc.filename))):
            dirs.sort()
            for name in names:
                file = Path(root) / name
                if file.suffix.lower() not in STATEMENT_SUFFIXES or name.startswith("."):
                    continue
                if not file.is_file():
                    continue
                if not os.access(file, os.R_OK):
                    unreadable(str(file))
                    continue
                inside.append(file)
        found.extend(sorted(inside))
    return found


def load_statements(paths: Iterable[str | Path], *, options: Options = DEFAULT_OPTIONS,
                    warnings: list[str] | None = None) -> tuple[Statement, ...]:
    """Load statements from files and directories, in the order found.

    Args:
        paths: Statement files and directories (read recursively).
        options: Settings (the size limit).
        warnings: When a list, unreadable files and subdirectories inside a
            directory are named in it and skipped; when ``None``, they raise.

    Raises:
        LoadError: Any file cannot be read, or the paths hold no statement.
    """
    paths = list(paths)
    files = statement_files(paths, warnings=warnings)
    statements = tuple(s for f in files for s in load_file(f, options=options))
    if not statements:
        raise LoadError(", ".join(str(p) for p in paths), "holds no .txt, .md or .jsonl statement")
    return statements
