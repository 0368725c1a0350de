"""The one error path for input files: reading bytes and parsing JSON and TOML safely.

Every loader (statements, catalogs, lexicons, speaker tables) reads through
``read_input`` and parses through ``parse_json``/``parse_toml``, so that any
malformed input becomes the loader's own error (``LoadError``, ``CatalogError``,
``LexiconError``: exit 2 and one line at the command line) naming the file, the
line and what to do, never a traceback:

* FIFOs, devices and sockets are refused before they are opened (a FIFO would
  block, ``/dev/zero`` would fill memory); a pipe named as ``/dev/stdin`` or
  ``<(...)`` is read, but only up to the size limit, counting bytes actually read.
* Unreadable files and directories say so.
* Integers too long to convert, nesting too deep to parse, and lone surrogates
  are malformed values like any other.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .._errors import DiplodiffError

#: Builds the loader's own error from a file name and a message.
ErrorFactory = Callable[[str, str], DiplodiffError]
#: Largest catalog, lexicon or speaker table read, in bytes.
MAX_TABLE_BYTES = 20_000_000
#: JSON and TOML nested deeper than this are refused before parsing.
MAX_DEPTH = 100
_SURROGATE = re.compile("[\ud800-\udfff]")
_SPECIAL = re.compile(r'\\.|["\[\]{}]', re.DOTALL)


def read_input(path: str | Path, *, limit: int, error: ErrorFactory, what: str = "file") -> bytes:
    """Read at most ``limit`` bytes of a regular file or a pipe, refusing anything else.

    Raises:
        DiplodiffError: Built by ``error``: missing, a directory, a FIFO or
            device named directly, unreadable, or over ``limit`` bytes.
    """
    name = str(path)
    try:
        mode = Path(path).stat().st_mode
    except FileNotFoundError:
        raise error(name, f"no such {what}; check the path") from None
    except OSError as exc:
        raise error(name, f"cannot be read ({exc.strerror or exc}); check its permissions") from None
    if stat.S_ISDIR(mode):
        raise error(name, f"is a directory; give a {what}")
    piped = stat.S_ISFIFO(mode) and str(path).startswith(("/dev/fd/", "/proc/self/fd/", "/dev/stdin"))
    if not stat.S_ISREG(mode) and not piped:
        raise error(name, f"is not a regular file (a FIFO, device or socket); give a {what}")
    if not os.access(path, os.R_OK):
        raise error(name, "cannot be read (permission denied); check its permissions")
    try:
        with open(path, "rb") as handle:  # noqa: PTH123 (tests patch builtins.open)
            # As much as the file holds and one byte more (to see it grow), not ``limit``:
            # a buffer of ``limit`` bytes made and freed per file was two thirds of the time
            # reading a 5 KB statement took.
            size = min(os.fstat(handle.fileno()).st_size, limit) if not piped else limit
            data = handle.read(size + 1)
            if size < len(data) <= limit:
                data += handle.read(limit + 1 - len(data))
    except MemoryError:
        raise error(name, "is too large to read; split it into smaller files") from None
    except OSError as exc:
        raise error(name, f"cannot be read ({exc.strerror or exc}); check its permissions") from None
    if len(data) > limit:
        raise error(name, f"is over the {limit / 1e6:.1f} MB limit; split it into smaller files")
    return data


def decode(data: bytes, name: str, error: ErrorFactory) -> str:
    """Decode UTF-8 (a byte-order mark is allowed), naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise error(name, f"line {line}: is not valid UTF-8 (byte 0x{data[exc.start]:02x}); "
                          "re-save it as UTF-8") from None


def _depth(text: str) -> int:
    """The deepest bracket nesting of ``text``, ignoring double-quoted strings.

    Linear, and looks only at brackets, quotes and escapes, so that the parsers'
    recursion is never reached by nesting (JSON and TOML parse nesting recursively).
    """
    depth = deepest = 0
    in_string = False
    for match in _SPECIAL.finditer(text):
        char = match.group()
        if char[0] == "\\":
            continue
        if char == '"':
            in_string = not in_string
        elif in_string:
            continue
        elif char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def _lone_surrogate(value: object) -> str | None:
    """The first lone surrogate in a parsed value's strings, as ``\\udXXX``, else None."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found = _SURROGATE.search(item)
            if found:
                return f"\\u{ord(found.group()):04x}"
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def parse_json(line: str, *, name: str, number: int, error: ErrorFactory) -> Any:
    """Parse one JSON value, turning every failure into ``error`` naming ``name:number``."""
    where = f"line {number}"
    if ("[" in line or "{" in line) and _depth(line) > MAX_DEPTH:
        raise error(name, f"{where}: JSON nested more than {MAX_DEPTH} deep; flatten it")
    import json  # lazy: most runs read no JSON (start-up time counts)

    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise error(name, f"{where}: is not valid JSON ({exc.msg}, column {exc.colno}); "
                          "write one object per line") from None
    except (ValueError, RecursionError) as exc:
        raise error(name, f"{where}: has a value JSON cannot hold ({_short(exc)}); fix that value") from None
    surrogate = _lone_surrogate(value)
    if surrogate:
        raise error(name, f"{where}: has a lone surrogate {surrogate} in a string; "
                          "escape the whole character (a surrogate pair) or remove it")
    return value


def parse_toml(text: str, *, name: str, error: ErrorFactory, hint: str) -> dict[str, Any]:
    """Parse TOML, turning every failure into ``error`` naming the line and ``hint``."""
    if _depth(text) > MAX_DEPTH:
        raise error(name, f"nests arrays or tables more than {MAX_DEPTH} deep; {hint}")
    import tomllib  # lazy: the builtin tables come parsed from read/cache.py

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error(name, f"is not valid TOML ({exc}); {hint}") from None
    except (ValueError, RecursionError) as exc:
        line = _line_of_long_number(text)
        where = f"line {line}: " if line else ""
        raise error(name, f"{where}has a value TOML cannot hold ({_short(exc)}); {hint}") from None


def _line_of_long_number(text: str) -> int | None:
    match = re.search(r"\d{4000,}", text)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _short(exc: BaseException) -> str:
    text = str(exc).split(";")[0].strip()
    return text[:120] or type(exc).__name__
