"""The embedded store: each statement's analysis kept in a SQLite file between runs.

A row is keyed by the hash of a statement's text and metadata (``statement_key``) and
by the *fingerprint* of everything else its analysis depends on: the lexicon, the
speaker table, the options, and the diplodiff version with a digest of its installed
code and data (``fingerprint``). A run reads the rows of its own fingerprint and
analyses only the statements it does not find; rows of any other fingerprint are
never read. A file written by another store format is rebuilt.

The store also keeps a *snapshot* of the last timeline written with it (``snapshot``,
``phrase_states``, ``save_snapshot``; written and read by ``render.incremental``), so that
a record that grew at its end is written by extending the previous file.

The store also remembers what each statement file held (``recall``, ``remember``: a
``read.files.FileCache``), so that a run reads again only the files whose size, times or
inode changed, and parses again only those whose bytes changed.

SQLite in WAL mode: runs read while another writes, and writers wait for each other
(``TIMEOUT``). Each part of the work is saved in one transaction, so a run killed at
any point (even by ``kill -9``) leaves every committed part usable and nothing else.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import marshal
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import attrs

from .._errors import StoreError
from .._models import Statement
from .._options import Options
from ..find.lexicon import Lexicon
from ..read.files import CachedFile
from ..text.speakers import SpeakerTable, default_speakers
from .digest import MARSHAL_VERSION as MARSHAL_VERSION  # its other blobs are in it too
from .digest import Digest, decode

#: The store's own format; a file with another one is rebuilt, never read.
FORMAT = "diplodiff-store/7"
#: Seconds a run waits for another run's write to finish.
TIMEOUT = 120.0
#: Keys per ``IN (...)`` query (SQLite allows 999 parameters in old builds).
_BATCH = 500
_T = TypeVar("_T")
#: What a damaged store's message says to do.
REBUILD = "delete it and run again to rebuild it"


def statement_key(statement: Statement) -> str:
    """Hash of a statement's text and metadata: equal keys, equal analyses.

    The metadata as JSON, a NUL (never in JSON text), then the text's bytes: the text
    is hashed as it stands rather than escaped into JSON first, which took twice as long.
    """
    fields = [statement.id, statement.date.isoformat() if statement.date else None,
              statement.title, statement.source, [list(pair) for pair in statement.meta]]
    blob = json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    h = hashlib.blake2b(blob.encode("utf-8", "surrogatepass"), digest_size=20)
    h.update(b"\0")
    h.update(statement.text.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@functools.cache
def _code_digest() -> str:
    """Digest of the installed package's code and data: a changed checkout is another version."""
    package = Path(__file__).resolve().parent.parent
    h = hashlib.blake2b(digest_size=20)
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".toml", ".txt") and "__pycache__" not in path.parts:
            h.update(path.relative_to(package).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


@functools.cache
def _version() -> str:
    # importlib.metadata costs ~40 ms: only a store asks for the version.
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("diplodiff")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "unknown"


def fingerprint(lexicon: Lexicon, options: Options, speakers: SpeakerTable | None = None) -> str:
    """Hash of everything but the statement that an analysis depends on."""
    table = default_speakers() if speakers is None else speakers
    parts = {
        "format": FORMAT, "version": _version(), "code": _code_digest(),
        "python": list(sys.version_info[:2]), "marshal": MARSHAL_VERSION,
        "lexicon": [attrs.asdict(f) for f in lexicon.formulas],
        "speakers": attrs.asdict(table), "options": options.to_dict(),
    }
    blob = json.dumps(parts, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(blob.encode("utf-8"), digest_size=20).hexdigest()


def _statements_blob(statements: tuple[Statement, ...]) -> bytes:
    return marshal.dumps([(s.id, s.text, s.date.toordinal() if s.date else None, s.title, s.source, s.path,
                           s.meta, s.notes) for s in statements], MARSHAL_VERSION)


def _statements_of(blob: bytes) -> tuple[Statement, ...]:
    return tuple(Statement(id=i, text=text, date=dt.date.fromordinal(day) if day is not None else None,
                           title=title, source=source, path=path, meta=meta, notes=notes)
                 for i, text, day, title, source, path, meta, notes in marshal.loads(blob))


def _problem(exc: sqlite3.DatabaseError, what: str) -> str:
    """What went wrong and what to do: a read-only or full disk is not a damaged store."""
    message = str(exc)
    if "readonly" in message or "read-only" in message:
        return f"cannot be written ({message}); check the file's and its directory's permissions"
    if "full" in message:
        return f"cannot be written ({message}); free some disk space"
    return f"{what} ({message}); {REBUILD}"


class Store:
    """A SQLite file of statement analyses, shared by runs that may overlap.

    Args:
        path: The file; created when missing.

    Raises:
        StoreError: The file cannot be opened, is damaged, or is not a diplodiff store.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = os.fspath(path)
        if Path(self.path).is_dir():
            raise StoreError(self.path, "is a directory; give a file name for --store")
        if not Path(self.path).parent.is_dir():
            raise StoreError(self.path, "its directory does not exist; create it first")
        self._conn: sqlite3.Connection | None = None
        try:
            self._conn = sqlite3.connect(self.path, timeout=TIMEOUT, isolation_level=None)
            self._retry(lambda: self.conn.execute("PRAGMA journal_mode=WAL").fetchone())
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self._prepare()
        except sqlite3.DatabaseError as exc:
            self.close()
            raise StoreError(self.path, _problem(exc, "is damaged or not a store")) from None
        except StoreError:
            self.close()
            raise

    @property
    def conn(self) -> sqlite3.Connection:
        """The open connection."""
        if self._conn is None:
            raise StoreError(self.path, "is closed")
        return self._conn

    def _retry(self, action: Callable[[], _T]) -> _T:
        """Run ``action``, retrying while another run holds a lock it needs."""
        deadline = time.monotonic() + TIMEOUT
        while True:
            try:
                return action()
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _format(self) -> str | None:
        """The file's store format; ``None`` when it has no tables yet."""
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables:
            return None
        if "meta" not in tables:
            raise StoreError(self.path, "is an SQLite file but not a diplodiff store; "
                                        "choose another --store file")
        row = self.conn.execute("SELECT value FROM meta WHERE name='format'").fetchone()
        return str(row[0]) if row else ""

    def _prepare(self) -> None:
        """Create the tables, or rebuild them when the file holds another store format."""
        if self._format() == FORMAT:
            return
        with self._write():
            found = self._format()  # again, under the lock: another run may have done it
            if found == FORMAT:
                return
            for table in ("analysis", "files", "snapshot", "snapshot_phrase", "meta"):
                self.conn.execute(f"DROP TABLE IF EXISTS {table}")
            self.conn.execute("CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)")
            self.conn.execute("CREATE TABLE analysis (fingerprint TEXT NOT NULL, key TEXT NOT NULL, "
                              "digest BLOB NOT NULL, PRIMARY KEY (fingerprint, key)) WITHOUT ROWID")
            # The keys apart from the digests they sit with: asking which statements are stored
            # (``known``) reads this small index, not a leaf page per 12 KB digest.
            self.conn.execute("CREATE INDEX analysis_keys ON analysis (fingerprint, key)")
            self.conn.execute("CREATE TABLE files (loader TEXT NOT NULL, key TEXT NOT NULL, "
                              "state TEXT NOT NULL, hash BLOB NOT NULL, statements BLOB NOT NULL, "
                              "PRIMARY KEY (loader, key))")
            self.conn.execute("CREATE TABLE snapshot (fingerprint TEXT NOT NULL, kind TEXT NOT NULL, "
                              "generation TEXT NOT NULL, data BLOB NOT NULL, "
                              "PRIMARY KEY (fingerprint, kind))")
            self.conn.execute("CREATE TABLE snapshot_phrase (fingerprint TEXT NOT NULL, kind TEXT NOT NULL, "
                              "formula TEXT NOT NULL, state BLOB NOT NULL, "
                              "PRIMARY KEY (fingerprint, kind, formula)) WITHOUT ROWID")
            self.conn.executemany("INSERT INTO meta VALUES (?, ?)",
                                  [("format", FORMAT), ("written_by", f"diplodiff {_version()}")])

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction, taken at once (so two writers queue instead of deadlocking)."""
        self._retry(lambda: self.conn.execute("BEGIN IMMEDIATE"))
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._retry(lambda: self.conn.execute("COMMIT"))

    def _select(self, columns: str, table: str, where: str, value: str,
                keys: Iterable[str]) -> Iterator[tuple[Any, ...]]:
        """The ``columns`` of the rows of ``table`` whose ``where`` is ``value`` and whose key is
        among ``keys``, asked ``_BATCH`` keys at a time."""
        wanted = list(dict.fromkeys(keys))
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            query = f"SELECT {columns} FROM {table} WHERE {where} = ? AND key IN ({marks})"
            yield from self.conn.execute(query, [value, *batch])

    def fetch(self, fingerprint: str, keys: Collection[str]) -> dict[str, Digest]:
        """The stored digests of ``keys`` under ``fingerprint`` (missing keys are absent).

        Raises:
            StoreError: The file is damaged.
        """
        out: dict[str, Digest] = {}
        try:
            for key, blob in self._select("key, digest", "analysis", "fingerprint", fingerprint, keys):
                out[key] = decode(blob)
        except (sqlite3.DatabaseError, ValueError, IndexError, TypeError) as exc:
            raise StoreError(self.path, f"is damaged ({exc}); {REBUILD}") from None
        return out

    def known(self, fingerprint: str, keys: Collection[str]) -> set[str]:
        """Which of ``keys`` have a digest under ``fingerprint`` (none is read).

        Raises:
            StoreError: The file is damaged.
        """
        try:
            return {key for (key,) in self._select("key", "analysis", "fingerprint", fingerprint, keys)}
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"is damaged ({exc}); {REBUILD}") from None

    def put_encoded(self, fingerprint: str, blobs: Iterable[tuple[str, bytes]]) -> None:
        """Save digests encoded by ``digest.encode`` (as worker processes send them) under
        ``fingerprint``, all or none (one transaction).

        Raises:
            StoreError: The file is damaged or cannot be written.
        """
        try:
            with self._write():
                self.conn.executemany("INSERT OR REPLACE INTO analysis VALUES (?, ?, ?)",
                                      ((fingerprint, key, blob) for key, blob in blobs))
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, _problem(exc, "cannot be written")) from None

    def _loader(self, loader: str) -> str:
        # the reading code is part of what a file's statements depend on
        return f"{_version()}:{_code_digest()}:{loader}"

    def recall(self, loader: str, keys: Sequence[str]) -> dict[str, CachedFile]:
        """What the files among ``keys`` held when a run with these settings last read them.

        Raises:
            StoreError: The file is damaged.
        """
        out: dict[str, CachedFile] = {}
        try:
            rows = self._select("key, state, hash, statements", "files", "loader", self._loader(loader), keys)
            for key, state, digest, blob in rows:
                size, mtime, ctime, inode, device = map(int, state.split())
                out[key] = CachedFile(key, (size, mtime, ctime, inode, device), bytes(digest),
                                      _statements_of(blob))
        except (sqlite3.DatabaseError, ValueError, IndexError, TypeError, EOFError) as exc:
            raise StoreError(self.path, f"is damaged ({exc}); {REBUILD}") from None
        return out

    def remember(self, loader: str, files: Sequence[CachedFile]) -> None:
        """Keep what these files held, all or none (one transaction).

        Raises:
            StoreError: The file is damaged or cannot be written.
        """
        mark = self._loader(loader)
        rows = ((mark, f.key, " ".join(map(str, f.state)), f.digest, _statements_blob(f.statements))
                for f in files)
        try:
            with self._write():
                self.conn.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?)", rows)
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, _problem(exc, "cannot be written")) from None

    def snapshot(self, fingerprint: str, kind: str) -> tuple[str, bytes] | None:
        """The generation and data of the snapshot of ``kind`` under ``fingerprint``, if any.

        Raises:
            StoreError: The file is damaged.
        """
        row = self._snapshot_row("generation, data", fingerprint, kind)
        return None if row is None else (str(row[0]), bytes(row[1]))

    def generation(self, fingerprint: str, kind: str) -> str | None:
        """The generation of the snapshot of ``kind`` under ``fingerprint`` (new at every save), if any.

        Raises:
            StoreError: The file is damaged.
        """
        row = self._snapshot_row("generation", fingerprint, kind)
        return None if row is None else str(row[0])

    def _snapshot_row(self, columns: str, fingerprint: str, kind: str) -> tuple[Any, ...] | None:
        # ``generation`` reads the one column it needs, not the snapshot's data
        try:
            query = f"SELECT {columns} FROM snapshot WHERE fingerprint = ? AND kind = ?"
            row: tuple[Any, ...] | None = self.conn.execute(query, (fingerprint, kind)).fetchone()
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"is damaged ({exc}); {REBUILD}") from None
        return row

    def phrase_states(self, fingerprint: str, kind: str, formulas: Iterable[str]) -> dict[str, bytes]:
        """The stored states of these formulas in the snapshot of ``kind`` (missing ones are absent).

        Raises:
            StoreError: The file is damaged.
        """
        out: dict[str, bytes] = {}
        wanted = list(dict.fromkeys(formulas))
        try:
            for start in range(0, len(wanted), _BATCH):
                batch = wanted[start : start + _BATCH]
                query = ("SELECT formula, state FROM snapshot_phrase WHERE fingerprint = ? AND kind = ? "
                         f"AND formula IN ({','.join('?' * len(batch))})")
                for formula, state in self.conn.execute(query, [fingerprint, kind, *batch]):
                    out[formula] = bytes(state)
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, f"is damaged ({exc}); {REBUILD}") from None
        return out

    def save_snapshot(self, fingerprint: str, kind: str, data: bytes, states: Iterable[tuple[str, bytes]], *,
                      after: str | None) -> bool:
        """Keep a new snapshot of ``kind``, all or none (one transaction).

        ``after`` is the generation the snapshot was built on: its phrase states are kept and
        ``states`` replace some of them; if another run saved a snapshot since, nothing is saved
        (theirs stays) and the answer is ``False``. With ``after=None`` the snapshot is new:
        ``states`` replace all the phrase states.

        Raises:
            StoreError: The file is damaged or cannot be written.
        """
        key = (fingerprint, kind)
        try:
            with self._write():
                row = self.conn.execute("SELECT generation FROM snapshot WHERE fingerprint = ? AND kind = ?",
                                        key).fetchone()
                if after is not None and (row is None or row[0] != after):
                    return False
                if after is None:
                    self.conn.execute("DELETE FROM snapshot_phrase WHERE fingerprint = ? AND kind = ?", key)
                self.conn.executemany("INSERT OR REPLACE INTO snapshot_phrase VALUES (?, ?, ?, ?)",
                                      ((fingerprint, kind, formula, state) for formula, state in states))
                self.conn.execute("INSERT OR REPLACE INTO snapshot VALUES (?, ?, ?, ?)",
                                  (fingerprint, kind, os.urandom(8).hex(), data))
        except sqlite3.DatabaseError as exc:
            raise StoreError(self.path, _problem(exc, "cannot be written")) from None
        return True

    def __len__(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM analysis").fetchone()[0])

    def close(self) -> None:
        """Close the file (idempotent)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
