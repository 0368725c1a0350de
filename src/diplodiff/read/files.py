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
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .._errors import LoadError, StatementFormatError
from .._models import Statement
from .._options import DEFAULT_OPTIONS, Options

STATEMENT_SUFFIXES = (".txt", ".md", ".jsonl")
HEADER_KEYS = frozenset({
    "id", "date", "title", "source", "outlet", "url", "speakers", "level", "countries",
    "country pair", "country_pair", "article number", "author", "published", "location",
    "language", "genre", "type",
})
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*?))?[ \t]*\r?\n", re.I)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:[ \t]*(.*?)[ \t]*\r?(?:\n|$)")
_TITLE_END = tuple('.!?:;"\u201d')


def parse_date(value: str, *, path: str, line: int | None = None) -> dt.date:
    """Parse an ISO ``YYYY-MM-DD`` date, naming the file on failure."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        msg = f"date {value.strip()!r} is not a YYYY-MM-DD date; write it as e.g. 2024-07-03"
        raise StatementFormatError(path, msg, line=line) from None


def read_text(path: Path, *, options: Options = DEFAULT_OPTIONS) -> str:
    """Read a UTF-8 text file, refusing what is not a statement with a clear error."""
    name = str(path)
    if not path.exists():
        raise LoadError(name, "no such file; check the path")
    if path.is_dir():
        raise LoadError(name, "is a directory; give a statement file (or use 'diplodiff timeline')")
    try:
        size = path.stat().st_size
        if size > options.max_bytes:
            msg = (f"is {size / 1e6:.1f} MB, over the {options.max_bytes / 1e6:.1f} MB limit "
                   "for one statement; split it into statements")
            raise LoadError(name, msg)
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(name, f"cannot be read ({exc.strerror or exc}); check its permissions") from exc
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


def _split_header(text: str, path: str) -> tuple[dict[str, str], int]:
    """Return the header fields and the offset where the body starts."""
    fields: dict[str, str] = {}
    match = _DATE_LINE.match(text)
    if match:
        fields["date"] = match.group(1)
        if match.group(2):
            fields["title"] = match.group(2)
        return fields, match.end()
    pos = 0
    while pos < len(text):
        line = _HEADER_LINE.match(text, pos)
        if not line or line.group(1).strip().lower() not in HEADER_KEYS:
            break
        fields[line.group(1).strip().lower().replace(" ", "_")] = line.group(2)
        pos = line.end()
    if not fields:
        return fields, 0
    blank = re.match(r"[ \t]*\r?\n", text[pos:])
    return fields, pos + (blank.end() if blank else 0)


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


def _jsonl(path: Path, text: str) -> Iterator[Statement]:
    name = str(path)
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise StatementFormatError(name, f"is not valid JSON ({exc.msg}); one object per line",
                                       line=number) from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise StatementFormatError(name, 'needs an object with a "text" string', line=number)
        if not record["text"].strip():
            raise StatementFormatError(name, 'has an empty "text"', line=number)
        raw_date = record.get("date")
        date = parse_date(str(raw_date), path=name, line=number) if raw_date else None
        known = {"id", "text", "date", "title", "source"}
        meta = {k: str(v) for k, v in record.items() if k not in known and v is not None}
        yield Statement(
            id=str(record.get("id") or f"{path.stem}:{number}"), text=record["text"], date=date,
            title=record.get("title") or None, source=record.get("source") or None, path=name,
            meta=meta, notes=() if date else ("date unknown: the record gives none",),
        )


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


def statement_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into statement files, sorted."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*")
                                if p.is_file() and p.suffix.lower() in STATEMENT_SUFFIXES
                                and not p.name.startswith(".")))
        else:
            found.append(path)
    return found


def load_statements(paths: Iterable[str | Path], *, options: Options = DEFAULT_OPTIONS,
                    ) -> tuple[Statement, ...]:
    """Load statements from files and directories, in the order found.

    Raises:
        LoadError: Any file cannot be read, or the paths hold no statement.
    """
    files = statement_files(paths)
    statements = tuple(s for f in files for s in load_file(f, options=options))
    if not statements:
        raise LoadError(", ".join(str(p) for p in paths), "holds no .txt, .md or .jsonl statement")
    return statements
