"""A per-user cache of what diplodiff computes from its own shipped data.

Parsing the builtin lexicons and speaker tables (TOML, read by a pure-Python parser)
and folding their ~6,000 wordings costs a cold run about 0.1 s, every run, for the
same result. ``cached`` keeps such a result as one ``marshal`` file (plain data only:
no code runs on loading it, unlike a pickle) in the user's cache directory, under a
fingerprint of every source and data file of the installed package and of the
Python version: a changed lexicon, a changed folding rule or an upgrade gives a
new key, never a stale answer.

A file that cannot be read, is truncated or fails its checksum is ignored and
rebuilt; a directory that cannot be written to leaves diplodiff as fast as without
the cache, never broken. Files are written whole (a temporary file renamed into
place), so two runs at once each read a complete file or none.

``DIPLODIFF_CACHE_DIR`` names the directory (default: ``$XDG_CACHE_HOME/diplodiff``,
else ``~/.cache/diplodiff``; ``%LOCALAPPDATA%\\diplodiff`` on Windows); set it to an
empty string to turn the cache off.
"""

from __future__ import annotations

import functools
import io
import marshal
import os
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: Another version's file for the same entry is removed once this old (seconds): a
#: developer's edits leave no pile of stale files, two installs in use side by side
#: do not keep deleting each other's.
_STALE = 86_400
#: Bumped when the layout of cache files changes.
_FORMAT = b"diplodiff-cache-2\n"
_DIGEST = 8
_PACKAGE = Path(__file__).resolve().parent.parent
_SOURCES = (".py", ".toml", ".txt", ".json", ".csv")


def shipped(name: str) -> str:
    """The text of the shipped data file ``_data/NAME``, read from the package's own
    folder (``importlib.resources`` would cost a cold run ~10 ms to import)."""
    return (_PACKAGE / "_data" / name).read_text(encoding="utf-8")


def cache_dir() -> Path | None:
    """The cache directory, or ``None`` when ``DIPLODIFF_CACHE_DIR`` is set empty."""
    chosen = os.environ.get("DIPLODIFF_CACHE_DIR")
    if chosen is not None:
        return Path(chosen) if chosen else None
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "diplodiff"
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path("~/.cache").expanduser()) / "diplodiff"


@functools.cache
def fingerprint() -> str | None:
    """A key for every source and data file of this diplodiff (name, size and two
    checksums of the contents), the Python version and the cache format; ``None``
    when the files cannot be read. Checksums, not a cryptographic hash: they catch
    any edit (what a key is for) at ~1 GB/s, where Python's own blake2b reads the
    ~0.8 MB at ~60 MB/s, a cost every run would pay."""
    parts = [_FORMAT, sys.version.encode(), bytes([marshal.version])]
    root = str(_PACKAGE)
    try:
        for folder, subfolders, names in os.walk(root):
            subfolders[:] = sorted(s for s in subfolders if s != "__pycache__")
            for name in sorted(names):
                if name.endswith(_SOURCES):
                    # plain strings and FileIO: pathlib objects cost more than reading the files
                    path = f"{folder}{os.sep}{name}"
                    parts.append(path[len(root):].replace(os.sep, "/").encode())
                    with io.FileIO(path) as handle:
                        parts.append(_checksum(handle.readall()))
    except OSError:
        return None
    summary = b"\0".join(parts)
    return f"{zlib.crc32(summary):08x}{zlib.adler32(summary):08x}{len(summary):x}"


def _checksum(data: bytes) -> bytes:
    """Length, CRC-32 and Adler-32 of ``data``: a changed file changes all three but by chance."""
    return b"%x:%08x:%08x" % (len(data), zlib.crc32(data), zlib.adler32(data))


def cached(name: str, build: Callable[[], Any]) -> Any:
    """Return ``build()``, read from the cache when this diplodiff computed it before.

    ``build`` must return plain data that ``marshal`` keeps exactly (tuples, lists,
    dicts, sets, strings, numbers, ``None``); it is called when the cache has no
    valid entry, and its result is stored for the next run.
    """
    folder, key = cache_dir(), fingerprint()
    if folder is None or key is None:
        return build()
    path = folder / f"{name}-{key}.marshal"
    found = _read(path)
    if found is not None:
        return found[0]
    value = build()
    _write(path, value)
    return value


def _read(path: Path) -> tuple[Any] | None:
    """``(value,)`` from a complete, intact cache file; ``None`` otherwise."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    head = len(_FORMAT)
    body = data[head + _DIGEST:]
    if data[:head] != _FORMAT or data[head:head + _DIGEST] != _sealed(body):
        return None
    try:
        return (marshal.loads(body),)
    except (EOFError, ValueError, TypeError):
        return None


def _sealed(body: bytes) -> bytes:
    """The 8-byte check of a cache file's body: a truncated or damaged file fails it."""
    return zlib.crc32(body).to_bytes(4, "big") + zlib.adler32(body).to_bytes(4, "big")


def _write(path: Path, value: Any) -> None:
    """Store ``value`` whole (written aside, then renamed), and drop this entry's stale
    files from other versions; any failure leaves the cache as it was."""
    import tempfile  # lazy: only a run that fills the cache writes a file

    try:
        body = marshal.dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(_FORMAT + _sealed(body) + body)
            temporary.replace(path)
        except BaseException:
            temporary.unlink()
            raise
        now = time.time()
        for old in path.parent.glob(f"{path.name.rsplit('-', 1)[0]}-*.marshal"):
            if old != path and now - old.stat().st_mtime > _STALE:
                old.unlink(missing_ok=True)
    except (OSError, ValueError):
        return
