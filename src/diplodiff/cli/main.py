"""The command line: parse, call the public API, render, map errors to exit status 2."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import signal
import stat
import sys
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import diplodiff
from diplodiff.read.catalog import CATALOG_NAMES
from diplodiff.read.files import STATEMENT_SUFFIXES
from diplodiff.render.escape import VALID_TEXT, one_line, valid_text

if TYPE_CHECKING:
    from diplodiff.timeline.store import Store
    from diplodiff.timeline.track import Early

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see 'diplodiff {self.prog.split()[-1]} --help')"
                          if " " in self.prog else f"{message} (see 'diplodiff --help')")


def _use_color(stream: object, mode: str = "auto") -> bool:
    """``--color``: always, never, or (auto) on a terminal unless NO_COLOR is set or TERM=dumb."""
    if mode != "auto":
        return mode == "always"
    return bool(getattr(stream, "isatty", lambda: False)()) and "NO_COLOR" not in os.environ \
        and os.environ.get("TERM") != "dumb"


def _render(result: diplodiff.Result, args: argparse.Namespace) -> str:
    """The result in the chosen ``--format``, through the one ``to_*`` scheme."""
    show_kept = bool(getattr(args, "all", False))
    if args.excel and args.format != "csv":
        raise _UsageError("--excel applies to --format csv only")
    if args.format == "json":
        return diplodiff.to_json(result)
    if args.format == "csv":
        return diplodiff.to_csv(result, excel=args.excel)
    if args.format == "html":
        return diplodiff.to_html(result, show_kept=show_kept)
    if args.format == "markdown":
        return diplodiff.to_markdown(result, show_kept=show_kept)
    mode = getattr(args, "color", "never")
    color = mode == "always" or (args.output in (None, "-") and _use_color(sys.stdout, mode))
    return diplodiff.to_text(result, color=color, show_kept=show_kept)


def _is_input(target: Path, inputs: Sequence[str | Path]) -> bool:
    """Whether ``target`` is an input file, or a file diplodiff reads from an input
    directory (a statement or catalog there, existing or not: it would be read next time)."""
    readable = target.suffix.lower() in STATEMENT_SUFFIXES or target.name in CATALOG_NAMES
    for raw in inputs:
        path = Path(raw).resolve()
        if target == path or (readable and path.is_dir() and path in target.parents):
            return True
    return False


def _new_file_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _refuse_input(output: str, inputs: Sequence[str | Path]) -> Path:
    """The file ``output`` writes to (through a symlink, never replacing it), unless it is an input.

    Raises:
        OutputError: It is an input (see ``_is_input``).
    """
    target = Path(os.path.realpath(output))
    if _is_input(target, inputs):
        raise diplodiff.OutputError(output, "is one of the inputs, or a file diplodiff reads from an "
                                          "input directory; choose another --output file")
    return target


class _ValidText:
    """A text stream that writes only valid UTF-8 (a non-UTF-8 file name must not stop the writing)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(valid_text(text))


@contextmanager
def open_output(output: str | None, *, inputs: Sequence[str | Path] = ()) -> Iterator[TextIO]:
    """A text stream to stdout, or to a temporary file that replaces ``output`` atomically.

    Never an input: not a file named as an input (statement, catalog, lexicon,
    speaker table, history), nor anything inside a directory given as input.
    A symlink is written through to its target; an existing file keeps its mode,
    a new one gets the umask's; the temporary file goes on any exit Python sees,
    and the old file stays as it was.
    """
    if output is None or output == "-":
        yield cast(TextIO, _ValidText(sys.stdout))
        return
    target = _refuse_input(output, inputs)
    if target.is_dir():
        raise diplodiff.OutputError(output, "is a directory; give a file name for --output")
    directory = target.parent
    if not directory.is_dir():
        raise diplodiff.OutputError(output, "its directory does not exist; create it first")
    try:
        mode = stat.S_IMODE(target.stat().st_mode) if target.exists() else _new_file_mode()
        import tempfile  # lazy, like every import only some commands need: start-up counts

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    except OSError as exc:
        raise diplodiff.OutputError(output, f"cannot be written ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors=VALID_TEXT) as handle:
            yield handle
        os.chmod(tmp, mode)  # noqa: PTH101 (mkstemp makes 0600 whatever the umask)
        os.replace(tmp, target)  # noqa: PTH105 (tests patch os.replace to simulate a full disk)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise diplodiff.OutputError(output, f"cannot be written ({exc.strerror or exc})") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an --output that is an input before any work is done (write_output checks again)."""
    output = getattr(args, "output", None)
    if output in (None, "-"):
        return
    named = [getattr(args, "earlier", None), getattr(args, "later", None),
             *(getattr(args, "paths", None) or ()), *(getattr(args, "history", None) or ())]
    _refuse_input(output, _inputs(args, *(p for p in named if p)))


def write_output(text: str, output: str | None, *, inputs: Sequence[str | Path] = ()) -> None:
    """Write to stdout, or replace ``output`` atomically (see ``open_output``)."""
    with open_output(output, inputs=inputs) as stream:
        stream.write(text)


def _inputs(args: argparse.Namespace, *paths: str) -> list[str]:
    """Every input of a command: what -o must never overwrite."""
    extra = [*(getattr(args, "catalog", None) or ()), *(args.lexicon or ()),
             *(getattr(args, "speakers", None) or ())]
    if getattr(args, "store", None):
        extra.append(args.store)
    return [*paths, *extra]


def _load(paths: Sequence[str], args: argparse.Namespace, options: diplodiff.Options, *,
          auto_catalog: bool = True, early: Early | None = None,
          store: Store | None = None) -> tuple[diplodiff.Statement, ...]:
    """Load statements; unreadable entries in a directory are warnings (errors with --strict).

    With ``--store``, files unchanged since a run read them are not read again (``store``:
    the store, when open already). ``early`` takes the statements as they are read.
    """
    skipped: list[str] | None = None if getattr(args, "strict", False) else []
    opened = None
    if store is None and getattr(args, "store", None):
        from diplodiff.timeline.store import Store  # sqlite3: only with a store

        store = opened = Store(args.store)
    try:
        statements = diplodiff.load_statements(paths, options=options, columns=_columns(args),
                                               auto_catalog=auto_catalog, warnings=skipped, cache=store,
                                               each=early)
    finally:
        if opened is not None:
            opened.close()
    if early is not None:
        early.flush()
    _warn(skipped or ())
    return statements


def _workers(value: str) -> int:
    """--workers: a whole number >= 1, at most the number of CPUs (more only adds processes)."""
    try:
        workers = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if workers < 1:
        raise argparse.ArgumentTypeError(f"{value} is below 1; give 1 or more")
    return min(workers, os.cpu_count() or 1)


def _analyzer(args: argparse.Namespace) -> diplodiff.Analyzer:
    """The one configuration of this run: --lexicon/--no-lexicon, --speakers, --no-discover."""
    use_lexicon = not args.no_lexicon or bool(args.lexicon)
    lexicon = diplodiff.build_lexicon(builtin=not args.no_lexicon, extra=args.lexicon or ())
    return diplodiff.Analyzer(lexicon=lexicon, speakers=diplodiff.build_speakers(extra=args.speakers or ()),
                              options=diplodiff.Options(lexicon=use_lexicon, discover=not args.no_discover))


def _columns(args: argparse.Namespace) -> diplodiff.Columns | None:
    if (args.text_column, args.date_column, args.id_column, args.title_column) == (None,) * 4:
        return None  # the usual names; and a text-only diff never loads the table readers
    return diplodiff.Columns(text=args.text_column, date=args.date_column, id=args.id_column,
                             title=args.title_column)


def _diff(args: argparse.Namespace) -> int:
    analyzer = _analyzer(args)
    options = analyzer.options
    if args.earlier == args.later == "-":
        raise _UsageError("standard input can be read only once; give '-' for EARLIER or LATER, not both")
    catalog_files = [*diplodiff.find_catalogs(args.history or ()), *(args.catalog or ())]
    catalog = diplodiff.read_catalogs(catalog_files) if catalog_files else None
    earlier, later = (diplodiff.load_statement(p, options=options, columns=_columns(args), catalog=catalog)
                      for p in (args.earlier, args.later))
    if earlier.date and later.date and earlier.date > later.date:
        message = (f"EARLIER ({earlier.id}, {earlier.date}) is dated after LATER ({later.id}, {later.date}); "
                   "swap them to read what changed going forward")
        print(f"diplodiff: warning: {valid_text(one_line(message))}", file=sys.stderr)
    record = _track(args.history, args, analyzer) if args.history else None
    # A phrase the record uses in two statements or more is a formula of this relationship.
    recurring = {h.formula for h in record.formulas if len(h.occurrences) >= 2} if record else set()
    result = analyzer.compare(earlier, later, recurring=recurring)
    if record is not None:
        result = diplodiff.weigh(result, record)
    beside = [str(c) for c in diplodiff.find_catalogs([args.earlier, args.later])]
    write_output(_render(result, args), args.output,
                 inputs=_inputs(args, args.earlier, args.later, *(args.history or ()), *beside))
    return EXIT_CHANGES if args.exit_code and result.has_changes else EXIT_OK


def _phrases(args: argparse.Namespace) -> int:
    analyzer = _analyzer(args)
    statements = _load(args.paths, args, analyzer.options)
    analyses = [analyzer.analyse(s) for s in statements]
    beside = [str(c) for c in diplodiff.find_catalogs(args.paths)]
    write_output(_render(analyses, args), args.output, inputs=_inputs(args, *args.paths, *beside))
    return EXIT_OK


class _ProgressBar:
    """A tqdm bar on stderr, shown only on a terminal and only after the first second."""

    def __init__(self, label: str, *, quiet: bool) -> None:
        self.label = label
        self.enabled = not quiet and bool(getattr(sys.stderr, "isatty", lambda: False)())
        self.bar: Any = None

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        if self.bar is None:
            # imported only when a bar is drawn: a pipe or --quiet never pays for it
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=self.label, unit=" statements", delay=1.0,
                            file=sys.stderr, dynamic_ncols=True)
        self.bar.update(done - self.bar.n)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


@contextmanager
def _dask_client(address: str | None, workers: int | None) -> Iterator[Any]:
    """A Dask client for ``--dask``: a LocalCluster on this machine, or a scheduler's address."""
    if address is None:
        yield None
        return
    try:
        # dask is an optional extra and takes a second to import: only for --dask.
        distributed: Any = importlib.import_module("distributed")
    except ImportError:
        raise _UsageError("--dask needs dask and distributed: pip install 'diplodiff[dask]'") from None
    if address == "local":
        import logging

        cluster = distributed.LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1,
                                           dashboard_address=":0", silence_logs=logging.ERROR)
        with cluster, distributed.Client(cluster) as client:
            yield client
        return
    try:
        client = distributed.Client(address, timeout=10)
    except (OSError, TimeoutError, ValueError) as exc:
        raise _UsageError(f"--dask {address}: cannot reach a Dask scheduler there ({one_line(str(exc))}); "
                          "give its address as tcp://HOST:PORT, or 'local'") from None
    with client:
        yield client


@contextmanager
def _analysing(args: argparse.Namespace) -> Iterator[tuple[_ProgressBar, Any]]:
    """The progress bar (closed on the way out) and the ``--dask`` client (or None) of an analysis."""
    bar = _ProgressBar("reading statements", quiet=args.quiet)
    try:
        with _dask_client(getattr(args, "dask", None), args.workers) as client:
            yield bar, client
    finally:
        bar.close()


def _warn(warnings: Iterable[str]) -> None:
    """Each warning as one line on stderr."""
    for warning in warnings:
        print(f"diplodiff: warning: {one_line(warning)}", file=sys.stderr)


def _corpus_catalog(paths: Sequence[str], args: argparse.Namespace) -> diplodiff.Catalog | None:
    """The catalogs of a corpus: in its directories, then --catalog (which wins)."""
    directories = [p for p in paths if p != "-" and Path(p).is_dir()]
    catalog_files = [*diplodiff.find_catalogs(directories), *(args.catalog or ())]
    return diplodiff.read_catalogs(catalog_files) if catalog_files else None


def _track(paths: Sequence[str], args: argparse.Namespace,
           analyzer: diplodiff.Analyzer) -> diplodiff.Timeline:
    """Load a corpus with its catalogs (beside files, in directories, then --catalog) and track it."""
    catalog = _corpus_catalog(paths, args)
    # _load lays every catalog found on; track() lays the directories' and --catalog's on again
    # (applying a catalog twice is applying it once), so --catalog still wins and only those
    # catalogs, which describe a corpus, are warned about for entries that name no statement.
    if args.store or getattr(args, "dask", None):
        statements = _load(paths, args, analyzer.options)
        with _analysing(args) as (bar, client):
            timeline = analyzer.track(statements, catalog=catalog, progress=bar, workers=args.workers,
                                      store=args.store, client=client)
    else:
        from diplodiff.timeline.track import Early, track_on

        # the workers analyse the first statements while the rest are read
        with Early(args.workers, analyzer.lexicon, analyzer.options, analyzer.speakers) as early:
            statements = _load(paths, args, analyzer.options, early=early)
            with _analysing(args) as (bar, _):
                timeline = track_on(early.engine, statements, lexicon=analyzer.lexicon,
                                    options=analyzer.options, catalog=catalog, progress=bar,
                                    speakers=analyzer.speakers)
    _warn(timeline.warnings)
    return timeline


def _timeline(args: argparse.Namespace) -> int:
    if args.indent is not None and (args.format != "json" or args.latest):
        raise _UsageError("--indent applies to the timeline's --format json only")
    if args.store and args.output not in (None, "-") and not args.latest and (
            (args.format == "json" and args.indent is None and not args.excel) or args.format == "csv"):
        return _timeline_stored(args)
    timeline = _track(args.paths, args, _analyzer(args))
    # The record's million small objects live until the report is written: keep the
    # collector from rescanning them while it is rendered (a second at 10,000 statements).
    gc.freeze()
    try:
        _write_timeline(timeline, args)
    finally:
        gc.unfreeze()
    if _EXIT_AFTER:
        _LEFT.append(timeline)  # the program ends next: the system frees it at once (see run())
    return EXIT_OK


def _timeline_stored(args: argparse.Namespace) -> int:
    """The timeline JSON or CSV to a file with a store: the last file extended when the record only grew."""
    from diplodiff.render.incremental import StoredTimeline  # sqlite3: only with a store
    from diplodiff.timeline.store import Store
    from diplodiff.timeline.track import Early

    analyzer = _analyzer(args)
    catalog = _corpus_catalog(args.paths, args)
    with Store(args.store) as store, Early(args.workers, analyzer.lexicon, analyzer.options,
                                           analyzer.speakers, store) as early:
        # the workers analyse the first statements the store lacks while the rest are read
        # (not for a Dask cluster); see _track: catalogs laid on twice
        statements = _load(args.paths, args, analyzer.options, store=store,
                           early=None if args.dask else early)
        with _analysing(args) as (bar, client):
            run = StoredTimeline(statements, store=store, lexicon=analyzer.lexicon,
                                 options=analyzer.options, speakers=analyzer.speakers, catalog=catalog,
                                 progress=bar, workers=args.workers, client=client,
                                 csv=args.format == "csv", excel=args.excel,
                                 engine=None if client is not None else early.engine, keys=early.keys)
        _warn(run.warnings)
        gc.freeze()  # as in _timeline: the record's objects live until the file is written
        try:
            with open_output(args.output, inputs=_inputs(args, *args.paths)) as stream:
                run.write(stream)
            run.save(args.output)
        finally:
            run.close()
            gc.unfreeze()
    if _EXIT_AFTER:
        _LEFT.append(run)  # the program ends next: the system frees it at once (see run())
    return EXIT_OK


def _write_timeline(timeline: diplodiff.Timeline, args: argparse.Namespace) -> None:
    inputs = _inputs(args, *args.paths)
    if args.latest:
        if len(timeline.statements) < 2:
            raise _UsageError("--latest needs at least two dated statements")
        if args.format == "html":
            raise _UsageError("--latest writes text, markdown, json or csv; choose one with --format")
        text = _render(diplodiff.check_latest(timeline), args)
    elif args.format in ("json", "csv"):
        if args.excel and args.format != "csv":
            raise _UsageError("--excel applies to --format csv only")
        # written as rendered: a record of 10,000 statements is never held whole as text
        from diplodiff.render.timeline import write_timeline_csv, write_timeline_json

        with open_output(args.output, inputs=inputs) as stream:
            if args.format == "json":
                write_timeline_json(timeline, stream, indent=args.indent)
            else:
                write_timeline_csv(timeline, stream, excel=args.excel)
        return
    else:
        text = _render(timeline, args)
    write_output(text, args.output, inputs=inputs)


def _corpus_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--catalog", action="append", metavar="FILE",
                        help="CSV or TOML catalog giving or overriding dates, titles, sources "
                             "(repeatable; see docs/catalog.md)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")
    parser.add_argument("--workers", type=_workers, default=None, metavar="N",
                        help="processes for reading statements, 1 to the number of CPUs "
                             "(default: all cores)")
    parser.add_argument("--store", metavar="FILE",
                        help="SQLite file keeping each statement's analysis between runs: only new or "
                             "changed statements are analysed (created when missing)")


def _table_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--excel", action="store_true",
                        help="CSV for Excel: start with a UTF-8 byte order mark")


def _reader_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("tables and JSON lines (.csv, .tsv, .xlsx, .jsonl)")
    group.add_argument("--text-column", metavar="NAME",
                       help="column holding the statement text (default: text, body, content, ...)")
    group.add_argument("--date-column", metavar="NAME",
                       help="column holding the date (default: date, published, published_at, ...)")
    group.add_argument("--id-column", metavar="NAME",
                       help="column holding the statement id (default: id; else FILE:ROW)")
    group.add_argument("--title-column", metavar="NAME",
                       help="column holding the title (default: title, headline, ...)")


def _common(parser: argparse.ArgumentParser) -> None:
    _reader_options(parser)
    parser.add_argument("--output", "-o", metavar="FILE",
                        help="write here instead of stdout (replaced atomically)")
    parser.add_argument("--lexicon", action="append", metavar="FILE",
                        help="add the formulas of this TOML lexicon file (repeatable)")
    parser.add_argument("--no-lexicon", action="store_true", help="do not use the builtin lexicon")
    parser.add_argument("--speakers", action="append", metavar="FILE",
                        help="add the people and sides of this TOML speaker table (repeatable; "
                             "see docs/speakers.md)")
    parser.add_argument("--no-discover", action="store_true",
                        help="report lexicon formulas only, no discovered phrases")
    parser.add_argument("--strict", action="store_true",
                        help="an unreadable file or subdirectory inside a directory is an error, "
                             "not a warning")


_EXIT_CODES = """exit status:
  0  success (also --help, --version, a closed pipe)
  1  only with diff --exit-code: something was added, dropped or shifted
  2  bad usage or bad input: one line on stderr, never a traceback
  130  interrupted (Ctrl-C); 143, 129: ended by SIGTERM, SIGHUP"""

_EXAMPLES = {
    "diff": """examples:
  diplodiff diff seeds/004_55e9fcd968524c2c.txt seeds/000_ae7edd6c8a22359c.txt
  diplodiff diff old.txt new.txt --format html -o diff.html     side by side, to share
  diplodiff diff old.txt new.txt --format csv --excel -o diff.csv
  diplodiff diff old.txt new.txt --format json | jq '.changes[].kind'
  diplodiff diff old.txt new.txt --exit-code --color never --history archive/""",
    "phrases": """examples:
  diplodiff phrases seeds/001_769a15a261320f7b.txt
  diplodiff phrases seeds --format csv --excel -o phrases.csv
  diplodiff phrases statement.txt --format json --no-discover""",
    "timeline": """examples:
  diplodiff timeline seeds                              every formula's history, as text
  diplodiff timeline seeds --format html -o timeline.html
  diplodiff timeline seeds --latest                     what the newest statement leaves out
  diplodiff timeline seeds --latest --format csv --excel -o latest.csv
  diplodiff timeline corpus --format json -o t.json --store corpus.db   only new statements analysed
  diplodiff timeline corpus --format json -o t.json --dask local        on a Dask LocalCluster""",
}

_COMMANDS: dict[str, tuple[Callable[[argparse.Namespace], int], str]] = {
    "diff": (_diff, "Report formulas added, dropped, shifted or kept between two statements."),
    "phrases": (_phrases, "List the formulas and recurring phrases found, with counts."),
    "timeline": (_timeline, "Show the history of every formula across many dated statements."),
}


class _Version(argparse.Action):
    """``--version``, reading the version only when asked (importlib.metadata costs ~15 ms)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        parser.exit(message=f"diplodiff {diplodiff.__version__}\n")


def _command(sub: Any, name: str) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=_COMMANDS[name][1], description=_COMMANDS[name][1],
        epilog=f"{_EXAMPLES[name]}\n\n{_EXIT_CODES}", formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="diplodiff", description="Formula-level diffs of dated diplomatic statements.",
                     epilog="examples:\n  diplodiff diff old.txt new.txt\n"
                            "  diplodiff diff old.txt new.txt --format html -o diff.html\n"
                            "  diplodiff timeline statements/ --latest\n\n"
                            "Run 'diplodiff COMMAND --help' for a command's options and examples.\n\n"
                            + _EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)
    diff = _command(sub, "diff")
    diff.add_argument("earlier", metavar="EARLIER",
                      help="the earlier statement (.txt, .md, .html, .pdf, a one-row table, or - for stdin)")
    diff.add_argument("later", metavar="LATER", help="the later statement (the same forms)")
    diff.add_argument("--format", "-f", choices=("text", "markdown", "json", "csv", "html"), default="text",
                      help="text report, Markdown, the JSON contract, CSV (one row per change), or a "
                           "side-by-side HTML page (default: text)")
    diff.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour the text report: auto (on a terminal, unless NO_COLOR is set), "
                           "always, never")
    _table_options(diff)
    diff.add_argument("--all", action="store_true", help="also list kept formulas")
    diff.add_argument("--exit-code", action="store_true", help="exit 1 when changes were found")
    diff.add_argument("--history", action="extend", nargs="+", metavar="PATH",
                      help="weigh each change against the record of these statements "
                           "(files or directories; put this option last)")
    _corpus_options(diff)
    _common(diff)
    diff.set_defaults(handler=_diff)
    phrases = _command(sub, "phrases")
    phrases.add_argument("paths", nargs="+", metavar="PATH",
                         help="statement files, directories, or - for standard input")
    phrases.add_argument("--format", "-f", choices=("text", "markdown", "json", "csv"), default="text",
                         help="text list, Markdown, JSON, or CSV (one row per formula per statement)")
    _table_options(phrases)
    _common(phrases)
    phrases.set_defaults(handler=_phrases)
    timeline = _command(sub, "timeline")
    timeline.add_argument("paths", nargs="+", metavar="PATH",
                          help="statement files or directories (a catalog.csv/.toml inside is used)")
    timeline.add_argument("--format", "-f", choices=("text", "markdown", "json", "csv", "html"),
                          default="text", help="with --latest: text, markdown, json or csv (default: text)")
    _table_options(timeline)
    timeline.add_argument("--latest", action="store_true",
                          help="read the newest statement against the record: expected but absent formulas")
    timeline.add_argument("--indent", type=int, default=None, metavar="N",
                          help="indent the JSON by N spaces (default: compact, one line)")
    timeline.add_argument("--dask", metavar="ADDRESS",
                          help="analyse on a Dask cluster: a scheduler address (tcp://HOST:PORT) or "
                               "'local' for a LocalCluster on this machine (needs diplodiff[dask])")
    _corpus_options(timeline)
    _common(timeline)
    timeline.set_defaults(handler=_timeline)
    return parser


def _show_warning(message: Warning | str, category: type[Warning], *_: object, **__: object) -> None:
    if issubclass(category, diplodiff.DiplodiffWarning):
        print(f"diplodiff: warning: {valid_text(one_line(str(message)))}", file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status (0 ok, 1 changes with --exit-code, 2 error)."""
    previous = _catch_signals()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("always", diplodiff.DiplodiffWarning)
            warnings.showwarning = _show_warning
            parser = _parser()
            args, extra = parser.parse_known_args(argv)
            if extra:
                # argparse blames the top-level parser; point to the help that lists the options.
                raise _UsageError(f"unrecognized arguments: {' '.join(extra)} "
                                  f"(see 'diplodiff {args.command} --help')")
            _check_output(args)
            handler: Callable[[argparse.Namespace], int] = args.handler
            return handler(args)
    except (_UsageError, diplodiff.DiplodiffError) as exc:
        return _error(str(exc))
    except BrokenPipeError:
        return EXIT_OK
    except MemoryError:
        return _error("out of memory; give smaller inputs")
    except RecursionError:
        return _error("input nested too deeply to read; flatten it")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _error(f"{where}{exc.strerror or exc}; check the path and its permissions")
    except _Terminated as exc:
        print("diplodiff: terminated", file=sys.stderr)
        return 128 + exc.signum
    except KeyboardInterrupt:
        print("diplodiff: interrupted", file=sys.stderr)
        return 130
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


#: Set by ``run()``: the process ends when ``main()`` returns.
_EXIT_AFTER = False
#: What is left for the operating system to free when the process ends.
_LEFT: list[object] = []


def run() -> NoReturn:
    """The ``diplodiff`` program: ``main()``, then exit at once, streams flushed.

    A timeline of 10,000 statements is millions of small objects; freeing them one by
    one when the command returns took about two seconds, and the operating system takes
    them back at once. So the command leaves its record alive, and the process ends
    without the interpreter's shutdown. By then every output file is written and
    closed, the store closed and the worker processes gone.
    """
    global _EXIT_AFTER
    _EXIT_AFTER = True
    status = main()
    for stream in (sys.stdout, sys.stderr):
        with suppress(OSError, ValueError):  # a reader that went away, a stream already closed
            stream.flush()
    os._exit(status)


class _Terminated(BaseException):
    """SIGTERM or SIGHUP as an exception, so that temporary files are removed on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_terminated(signum: int, frame: object) -> None:
    raise _Terminated(signum)


#: Signals that end a run as an exception (SIGHUP: the terminal closed); SIGINT is KeyboardInterrupt.
_ENDING = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def _catch_signals() -> dict[int, Any]:
    """Install the handlers; return the previous ones to restore (none off the main thread)."""
    previous: dict[int, Any] = {}
    try:
        for signum in _ENDING:
            previous[signum] = signal.signal(signum, _raise_terminated)
    except ValueError:  # not the main thread (an embedding program): leave signals alone
        pass
    return previous


def _error(message: str) -> int:
    print(f"diplodiff: error: {valid_text(one_line(message))}", file=sys.stderr)
    return EXIT_ERROR
