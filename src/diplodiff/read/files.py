"""Reading statements from files and standard input; the only module that opens them.

Accepted forms (see docs/input-formats.md), chosen by extension and by content:

* text (``.txt``, ``.md``): a first line `` date YYYY-MM-DD title`` (the seeds'
  form), or a ``key: value`` header (``date:``, ``title:``, ``source:`` ...) ended
  by a blank line or by the first line that is not a known key, or no header,
  optionally a title line (short, no final punctuation); a dateline
  (``ALMATY, April 25 (Xinhua) --``) at the top of the body gives the date;
* saved web pages (``.html``, ``.htm``, or text that starts as HTML): ``read.html``;
* PDF (``.pdf``, or bytes that start ``%PDF-``): ``read.pdf``;
* records (``.jsonl``, ``.json``, ``.csv``, ``.tsv``, ``.xlsx``): one statement per
  record with a text column: ``read.records``;
* ``-``: standard input, in any of these forms.

Catalogs (``catalog.csv``/``catalog.toml``) beside the inputs are laid over what
the files say (``read.catalog``).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sys
import time
import warnings as warnings_module
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol
from warnings import warn

import attrs

from .._errors import DiplodiffWarning, LoadError, StatementFormatError
from .._models import Statement
from .._options import DEFAULT_OPTIONS, Options
from .catalog import CATALOG_NAMES, Catalog, find_catalogs, read_catalogs
from .dates import DateError, date_from_dateline, parse_date
from .guard import parse_json, read_input

if TYPE_CHECKING:
    from .records import Columns

#: Files read from a directory (recursively); catalogs and dot-files are skipped.
STATEMENT_SUFFIXES = (".txt", ".md", ".jsonl", ".ndjson", ".html", ".htm", ".pdf", ".csv", ".tsv", ".xlsx")
#: Forms that hold many statements, or much more than their text (markup, PDF objects):
#: such files may be ``MANY_FACTOR`` times ``Options.max_bytes``; each text is still held to it.
MANY_FACTOR = 50
_KINDS = {".txt": "text", ".md": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl",
          ".json": "json", ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".xlsx": "xlsx", ".xlsm": "xlsx",
          ".html": "html", ".htm": "html", ".xhtml": "html", ".pdf": "pdf"}
STDIN = "-"
HEADER_KEYS = frozenset({
    "id", "date", "title", "source", "outlet", "url", "speakers", "level", "countries",
    "country pair", "country_pair", "article number", "author", "published", "location",
    "language", "genre", "type",
})
#: Matched against one line at a time (see ``_split_header``).
_DATE_LINE = re.compile(r"[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+(.*))?", re.I)
_HEADER_LINE = re.compile(r"([A-Za-z][A-Za-z _-]{0,30}?)[ \t]*:(.*)")
_LINE_END = re.compile(r"\r\n|\r|\n")
_TITLE_END = tuple('.!?:;"\u201d')


def _read_bytes(path: Path, limit: int, *, single: bool = True) -> bytes:
    """The bytes of a statement file (through the guard), refusing what cannot be one."""
    name = str(path)
    if path.is_dir():
        raise LoadError(name, "is a directory; give a statement file (or use 'diplodiff timeline')")
    try:
        return read_input(path, limit=limit, error=LoadError, what="file")
    except LoadError as exc:
        if "over the" not in str(exc):
            raise
        raise LoadError(name, _too_big(limit, single=single)) from None


def _too_big(limit: int, *, single: bool = True) -> str:
    if single:
        return f"is over the {limit / 1e6:.1f} MB limit for one statement; split it into statements"
    return f"is over the {limit / 1e6:.1f} MB limit for one file; split it into files"


def _read_stdin(limit: int) -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise LoadError(STDIN, "there is no standard input to read; name a file instead of '-'")
    data: bytes = stream.read(limit + 1)
    if len(data) > limit:
        raise LoadError("<stdin>", _too_big(limit, single=False))
    return data


def _decode(data: bytes, name: str) -> str:
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


def read_text(path: Path, *, options: Options = DEFAULT_OPTIONS) -> str:
    """Read a UTF-8 text file, refusing what is not a statement with a clear error."""
    return _decode(_read_bytes(path, options.max_bytes), str(path))


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


def _date_of(raw: str, body: str, name: str) -> tuple[dt.date | None, list[str], dict[str, str]]:
    """The date from a header value and a dateline; notes and metadata to keep."""
    header: dt.date | None = None
    notes: list[str] = []
    if raw:
        try:
            reading = parse_date(raw)
        except DateError as exc:
            raise StatementFormatError(name, f"date {exc}") from None
        header = reading.date
        if reading.warning:
            warn(f"{name}: {reading.warning}", DiplodiffWarning, stacklevel=3)
            notes.append(f"date unknown: {reading.warning}")
    found, more, meta = date_from_dateline(header, body, given_as="the header's")
    if found is None and notes:  # (never when the header gave a date)
        more = ()  # the header's own problem is already said
    return found, notes + list(more), dict(meta)


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
    date, notes, meta = _date_of(fields.pop("date", "").strip(), body, name)
    if date is None and not notes:
        notes.append("date unknown: the file gives none")
    return Statement(
        id=fields.pop("id", "").strip() or id, text=body, date=date, title=title,
        source=fields.pop("source", None) or None, path=path, meta=fields | meta, notes=tuple(notes),
    )


#: JSON fields with a meaning of their own, and the types they take (a date may be epoch ms).
_JSON_TYPES = {"text": (str,), "id": (str, int), "title": (str,), "source": (str,), "date": (str, int, float)}


def _jsonl_records(text: str, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line, object)`` per non-blank line, split at ``\n`` only (U+2028, U+0085 and lone CRs
    are text inside a JSON line), each parsed through the guard."""
    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.removesuffix("\r")
        if not line.strip():
            continue
        record = parse_json(line, name=name, number=number, error=_format_error)
        if not isinstance(record, dict):
            raise StatementFormatError(name, 'needs an object with a "text" string', line=number)
        yield number, record


def _typed(record: dict[str, Any], name: str, number: int, columns: Columns) -> dict[str, Any]:
    """Refuse JSON values of the wrong type in the fields that have a meaning."""
    for role, key in columns.resolve(record).items():
        value = record.get(key) if key is not None else None
        types = _JSON_TYPES.get(role, (str,))
        if value is not None and (not isinstance(value, types) or isinstance(value, bool)):
            kinds = " or ".join({str: "a string", int: "a whole number", float: "a number"}[t] for t in types)
            raise StatementFormatError(name, f'"{key}" must be {kinds}, not {type(value).__name__}; '
                                             "fix that field", line=number)
    return record


def _format_error(name: str, message: str) -> StatementFormatError:
    """A guard error on a JSONL line, as ``path:line: message``."""
    line, _, rest = message.partition(": ")
    if line.startswith("line ") and line[5:].isdigit():
        return StatementFormatError(name, rest, line=int(line[5:]))
    return StatementFormatError(name, message)


class _NotStatements(LoadError):
    """A table without a text column or rows: an error when named, skipped with a warning in a directory."""


def _records(kind: str, data: bytes, name: str, stem: str, columns: Columns | None, limit: int,
             ) -> tuple[Statement, ...]:
    # records (and attrs' Columns) load only when a table or JSON file is read: text diffs skip them
    from .records import DEFAULT_COLUMNS, csv_records, json_records, record_statement, xlsx_records

    columns = columns or DEFAULT_COLUMNS
    if kind == "xlsx":
        header, rows = xlsx_records(data, name, unpacked_limit=limit * 5)
    elif kind in ("csv", "tsv"):
        header, rows = csv_records(_decode(data, name), name, delimiter="\t" if kind == "tsv" else None)
    else:
        text = _decode(data, name)
        rows = list(_jsonl_records(text, name) if kind == "jsonl" else json_records(text, name))
        if not rows:
            raise LoadError(name, "has no JSON lines; give one object per line")
        return tuple(record_statement(_typed(r, name, n, columns), name=name, number=n, columns=columns,
                                      path=name, id_prefix=stem) for n, r in rows)
    problem = columns.missing(header)
    if problem:
        lowered = {h.lower() for h in header}
        if columns.text is None and lowered & {"file", "id"} and lowered & {"date", "title"}:
            problem = ("looks like a catalog or lexicon, not statements (it has no text column); pass it "
                       "with --catalog or --lexicon, or name its text column with --text-column")
        raise _NotStatements(name, problem)
    if not rows:
        raise _NotStatements(name, "has a header but no rows; give one row per statement")
    keys = columns.resolve(header)
    return tuple(record_statement(r, name=name, number=n, columns=columns, path=name, id_prefix=stem,
                                  keys=keys) for n, r in rows)


def _kind(suffix: str, data: bytes, name: str) -> str:
    """The form of a file, from its content where that is plain, else from its extension."""
    # The page and PDF readers pull in trafilatura and pypdf: a text diff never loads them.
    from .html import looks_like_html
    from .pdf import looks_like_pdf

    kind = _KINDS.get(suffix)
    if looks_like_pdf(data):
        return "pdf"
    if kind == "pdf":
        raise LoadError(name, "is not a PDF (it does not start with %PDF-); check the file")
    if data[:4] == b"PK\x03\x04" and kind in (None, "text", "xlsx"):
        return "xlsx"
    if kind in (None, "text") and looks_like_html(data):
        return "html"
    if kind is None:
        head = data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1]
        return {b"{": "jsonl", b"[": "json"}.get(head, "text")
    return kind


def _limit(suffix: str, options: Options) -> int:
    return options.max_bytes if _KINDS.get(suffix, "text") == "text" else options.max_bytes * MANY_FACTOR


def load_file(path: str | Path, *, options: Options = DEFAULT_OPTIONS,
              columns: Columns | None = None) -> tuple[Statement, ...]:
    """Load every statement in one file (one, or one per record of a table), or ``-`` (stdin)."""
    return _load_file(path, options=options, columns=columns)


def _load_file(path: str | Path, *, options: Options = DEFAULT_OPTIONS, columns: Columns | None = None,
               read: Callable[[bytes], tuple[Statement, ...] | None] | None = None,
               ) -> tuple[Statement, ...]:
    """``load_file``; ``read(data)``, when given, sees the file's bytes first and may answer
    with the statements they are known to hold (``None``: parse them)."""
    stdin = str(path) == STDIN
    path = Path(path)
    suffix = "" if stdin else path.suffix.lower()
    name = "<stdin>" if stdin else str(path)
    stem = "stdin" if stdin else path.stem
    if suffix == ".toml" and path.is_file():
        msg = "looks like a catalog or lexicon, not a statement; pass it with --catalog or --lexicon"
        raise LoadError(name, msg)
    if suffix == ".xls":
        raise LoadError(name, "is an old .xls workbook; save it as .xlsx or .csv")
    limit = options.max_bytes * MANY_FACTOR if stdin else _limit(suffix, options)
    data = _read_bytes(path, limit, single=limit == options.max_bytes) if not stdin else _read_stdin(limit)
    if read is not None:
        known = read(data)
        if known is not None:
            return known
    if not data.strip():
        raise LoadError(name, "is empty; give a file with the statement's text")
    kind = _kind(suffix, data, name)
    source_path = None if stdin else name
    if kind == "text":
        if len(data) > options.max_bytes:
            raise LoadError(name, _too_big(options.max_bytes))
        statements: tuple[Statement, ...] = (parse_statement(_decode(data, name), id=stem,
                                                             path=source_path),)
    elif kind == "pdf":
        from .pdf import pdf_text  # lazy, as in _kind

        text, title = pdf_text(data, name)
        statement = parse_statement(text, id=stem, path=source_path)
        statements = (attrs.evolve(statement, title=statement.title or title),)
    elif kind == "html":
        statements = (_page(data, name, stem, source_path),)
    else:
        statements = _records(kind, data, name, stem, columns, limit)
    for statement in statements:
        size = len(statement.text.encode("utf-8", "surrogatepass"))
        if size > options.max_bytes:
            which = f"statement {statement.id!r} " if len(statements) > 1 else ""
            raise LoadError(name, which + _too_big(options.max_bytes))
    return statements


def _page(data: bytes, name: str, stem: str, path: str | None) -> Statement:
    from .html import read_page  # lazy, as in _kind

    page = read_page(data, name)
    statement = parse_statement(page.text, id=stem, path=path)
    changes: dict[str, Any] = {"meta": dict(statement.meta) | dict(page.meta)}
    if page.title:
        changes["title"] = page.title
        if statement.title:  # the first paragraph was read as a title line: it is text
            changes["text"] = page.text
    if statement.date is None and page.date:
        # the page's date is the publication date: it dates the page, or gives a dateline its year
        date, notes, meta = _date_of(page.date, page.text, name)
        kept = tuple(n for n in statement.notes if not n.startswith("date unknown"))
        changes |= {"date": date, "notes": (kept + tuple(notes)) if date else statement.notes}
        if date is not None:
            changes["meta"] = {k: v for k, v in changes["meta"].items() if k != "dateline"} | meta
    return attrs.evolve(statement, **changes)


class CachedFile(NamedTuple):
    """What a statement file held when it was last read: kept by a ``FileCache``.

    Attributes:
        key: The file's absolute path and the path as given (``file_key``).
        state: ``(size, mtime_ns, ctime_ns, inode, device)`` when it was read; an
            ``mtime_ns`` of -1 when it had just been written (not to be trusted).
        digest: Hash of the file's bytes.
        statements: The statements it held, before any catalog.
    """

    key: str
    state: tuple[int, int, int, int, int]
    digest: bytes
    statements: tuple[Statement, ...]


class FileCache(Protocol):
    """Statements read from files by earlier runs (a store's, see ``timeline.store``)."""

    def recall(self, loader: str, keys: Sequence[str]) -> dict[str, CachedFile]:
        """The cached files among ``keys``, read by a loader with these settings."""
        ...

    def remember(self, loader: str, files: Sequence[CachedFile]) -> None:
        """Keep what these files held, for runs with the same loader settings."""
        ...


#: A file changed less than this long before it was read may change again within the
#: same timestamp: its state is not trusted, its bytes are hashed next time.
_RACY_NS = 2_000_000_000


def file_key(path: Path, cwd: str | None = None) -> str:
    """The cache key of a file: the working directory when the path is relative, and the
    path as given (statements keep it)."""
    name = str(path)
    if os.path.isabs(name):  # noqa: PTH117 (a str at hand: no Path made)
        return f"\0{name}"
    return f"{os.getcwd() if cwd is None else cwd}\0{name}"  # noqa: PTH109 (one call per run, given)


def _loader(options: Options, columns: Columns | None) -> str:
    """What, besides the code, decides the statements read from a file."""
    return f"max_bytes={options.max_bytes};columns={columns!r}"


def _load_cached(file: Path, key: str, options: Options, columns: Columns | None,
                 cached: dict[str, CachedFile], fresh: list[CachedFile]) -> tuple[Statement, ...]:
    """A file's statements: from the cache when its state (or else its bytes) is unchanged."""
    entry = cached.get(key)
    try:
        found = os.stat(file)  # noqa: PTH116 (one call for every field of the state)
    except OSError:
        return load_file(file, options=options, columns=columns)  # says what is wrong
    state = (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino, found.st_dev)
    if entry is not None and entry.state == state:
        return entry.statements
    digests: list[bytes] = []

    def known(data: bytes) -> tuple[Statement, ...] | None:
        import hashlib  # lazy: only a run with a store reads digests (start-up time counts)

        digests.append(hashlib.blake2b(data, digest_size=20).digest())
        return entry.statements if entry is not None and entry.digest == digests[0] else None

    with warnings_module.catch_warnings(record=True) as caught:
        warnings_module.simplefilter("always")
        statements = _load_file(file, options=options, columns=columns, read=known)
    for w in caught:  # said again as they were said; a file that warns is read again each time
        warnings_module.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
    if not caught and digests:
        trusted = time.time_ns() - found.st_mtime_ns >= _RACY_NS
        fresh.append(CachedFile(key, state if trusted else (*state[:1], -1, *state[2:]), digests[0],
                                statements))
    return statements


def _catalog(paths: Sequence[str | Path], catalog: Catalog | None, auto: bool) -> Catalog | None:
    found = read_catalogs(find_catalogs([p for p in paths if str(p) != STDIN])) if auto else None
    if found is not None and catalog is not None:
        return found.merged(catalog)
    return catalog if found is None or not found.entries else found


def load_statement(path: str | Path, *, options: Options = DEFAULT_OPTIONS,
                   columns: Columns | None = None, catalog: Catalog | None = None,
                   auto_catalog: bool = True) -> Statement:
    """Load one statement from a file (any form ``load_file`` reads) or ``-`` (stdin).

    A ``catalog.csv``/``catalog.toml`` beside the file is laid over it (unless
    ``auto_catalog=False``), then ``catalog`` if given.

    Raises:
        LoadError: The file is missing, a directory, binary, not UTF-8, empty,
            too large, or holds more than one statement.
    """
    statements = load_file(path, options=options, columns=columns)
    if len(statements) > 1:
        msg = f"holds {len(statements)} statements; name one file per statement or use 'timeline'"
        raise LoadError(statements[0].path or str(path), msg)
    found = _catalog([path], catalog, auto_catalog)
    return found.apply(statements[0]) if found is not None else statements[0]


def statement_files(paths: Iterable[str | Path], *, warnings: list[str] | None = None) -> list[Path]:
    """Expand files and directories (recursively) into statement files, sorted within a directory.

    In a directory, catalogs, dot-files and Office lock files (``~$...``) are skipped.
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
        if str(raw) == STDIN or not path.is_dir():
            found.append(path)
            continue
        inside: list[Path] = []
        for root, dirs, names in os.walk(path, onerror=lambda exc: unreadable(str(exc.filename))):
            dirs.sort()
            for name in names:
                file = Path(root) / name
                if file.suffix.lower() not in STATEMENT_SUFFIXES or name.startswith((".", "~$")) \
                        or name in CATALOG_NAMES:
                    continue
                if not file.is_file():
                    continue
                if not os.access(file, os.R_OK):
                    unreadable(str(file))
                    continue
                inside.append(file)
        found.extend(sorted(inside, key=lambda p: p.parts))  # Path order, without Path.__lt__ calls
    return found


def load_statements(paths: Iterable[str | Path] | str | os.PathLike[str], *,
                    options: Options = DEFAULT_OPTIONS, columns: Columns | None = None,
                    catalog: Catalog | None = None, auto_catalog: bool = True,
                    warnings: list[str] | None = None, cache: FileCache | None = None,
                    each: Callable[[tuple[Statement, ...]], object] | None = None) -> tuple[Statement, ...]:
    """Load statements from files, directories and ``-`` (stdin), in the order found.

    Args:
        paths: Statement files and directories (read recursively), or ``-``; one
            path alone (``"seeds"``) is read as that one file or directory.
        options: Settings (the size limit).
        columns: Which columns of tables and JSON records hold what (``None``: the usual names).
        catalog: A catalog laid over the statements after those found beside them.
        auto_catalog: Lay the catalogs at the top of each directory and beside
            each file over the statements.
        warnings: When a list, unreadable files and subdirectories inside a
            directory are named in it and skipped; when ``None``, they raise.
            A table in a directory with no text column or no rows is skipped
            with a ``DiplodiffWarning`` either way.
        cache: Where the statements of files read before are kept (a
            ``diplodiff.timeline.store.Store``): a file whose size, times and inode
            are unchanged is not read again, one whose bytes are unchanged is not
            parsed again. Files that give warnings are always read.
        each: Called with each file's statements (catalogs laid over) as soon as they
            are read, before the next file is read: a caller can start working on them.
            The catalogs are then read before the statements.

    Raises:
        LoadError: Any file cannot be read, or the paths hold no statement.
    """
    # One path given alone is that path: a str is no list of one-letter paths.
    paths = [os.fspath(paths)] if isinstance(paths, (str, os.PathLike)) else list(paths)
    if sum(str(p) == STDIN for p in paths) > 1:
        raise LoadError(STDIN, "standard input can be read only once; name '-' once")
    named = {str(p) for p in paths}
    statements: list[Statement] = []
    files = statement_files(paths, warnings=warnings)
    loader = _loader(options, columns)
    cached: dict[str, CachedFile] = {}
    fresh: list[CachedFile] = []
    cwd = os.getcwd()  # noqa: PTH109 (a str, once)
    keys = [file_key(f, cwd) for f in files] if cache is not None else []
    if cache is not None:
        cached = cache.recall(loader, [k for k, f in zip(keys, files, strict=True) if str(f) != STDIN])
    found = _catalog(paths, catalog, auto_catalog) if each is not None else None
    for n, file in enumerate(files):
        try:
            if cache is None or str(file) == STDIN:
                read = load_file(file, options=options, columns=columns)
            else:
                read = _load_cached(file, keys[n], options, columns, cached, fresh)
        except _NotStatements as exc:
            if str(file) in named:
                raise
            warn(f"{exc}; skipped", DiplodiffWarning, stacklevel=2)
            continue
        if each is None:
            statements.extend(read)
            continue
        read = tuple(found.apply(s) for s in read) if found is not None else read
        statements.extend(read)
        each(read)
    if cache is not None and fresh:
        cache.remember(loader, fresh)
    if not statements:
        raise LoadError(", ".join(str(p) for p in paths) or "(no paths)",
                        "holds no statement file (.txt, .md, .html, .pdf, .jsonl, .csv, .tsv, .xlsx)")
    if each is not None:
        return tuple(statements)  # the catalogs laid over as they were read
    found = _catalog(paths, catalog, auto_catalog)
    return tuple(found.apply(s) for s in statements) if found is not None else tuple(statements)
