"""Every exception diplodiff raises on purpose derives from DiplodiffError.

* DiplodiffError
  - LoadError                  a statement source cannot be read              (.path)
    · StatementFormatError     readable but malformed; also ValueError        (.path, .line)
  - LexiconError               a lexicon file cannot be read or is malformed  (.path); also ValueError
  - CatalogError               a catalog file cannot be read or is malformed  (.path); also ValueError
  - OutputError                an output file cannot be written               (.path)
  - SpeakerTableError          a speaker table cannot be read or is malformed (.path); also ValueError
  - StoreError                 a timeline store cannot be opened or is damaged (.path)

* DiplodiffWarning (a UserWarning)  the input was read, but something in it needs a look
                                   (an ambiguous date, a catalog entry that names nothing)

Messages name the file and say what to do; the CLI prints them as one line
(warnings as ``diplodiff: warning: ...`` on stderr).
"""

from __future__ import annotations


class DiplodiffError(Exception):
    """Base class of every error diplodiff raises on purpose."""


class LoadError(DiplodiffError):
    """A statement source cannot be read (missing, a directory, binary, too large...)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class StatementFormatError(LoadError, ValueError):
    """A statement source is readable but malformed (bad header, bad JSON line...)."""

    def __init__(self, path: str, message: str, *, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        DiplodiffError.__init__(self, f"{where}: {message}")
        self.path = path
        self.line = line


class LexiconError(DiplodiffError, ValueError):
    """A lexicon file cannot be read or does not follow the documented format."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class CatalogError(DiplodiffError, ValueError):
    """A catalog file cannot be read or does not follow the documented format."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class OutputError(DiplodiffError):
    """An output file cannot be written (an input file, a directory, a missing folder, a full disk)."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class SpeakerTableError(DiplodiffError, ValueError):
    """A speaker table file cannot be read or does not follow the documented format."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class StoreError(DiplodiffError):
    """A timeline store (``--store``) cannot be opened, or is damaged or not a store."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class DiplodiffWarning(UserWarning):
    """Input was read, but a person should look at something (an ambiguous date, say)."""


# Tracebacks name an error as users catch it ("diplodiff.LoadError"), not by its private home.
for _error in (DiplodiffError, LoadError, StatementFormatError, LexiconError, CatalogError, OutputError,
               SpeakerTableError, StoreError, DiplodiffWarning):
    _error.__module__ = "diplodiff"
del _error
