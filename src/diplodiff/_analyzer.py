"""``Analyzer``: one object that carries a run's configuration (lexicon, speaker table,
options) to every entry point, so ``compare``, ``extract_phrases``, ``track`` and the CLI
read statements the same way. The module-level functions stay as conveniences."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from ._models import Analysis, Comparison, Phrase, Statement
from ._options import DEFAULT_OPTIONS, Options
from .diff.pipeline import analyse, compare
from .find.lexicon import Lexicon, default_lexicon
from .read.catalog import Catalog
from .text.speakers import SpeakerTable, default_speakers

if TYPE_CHECKING:  # the timeline is imported when one is built: a diff does not pay for it
    from .timeline.track import Progress, Timeline


@frozen
class Analyzer:
    """How statements are read: the lexicon, the speaker table and the options.

    Build one and use it for every statement of a study; the builtin lexicon and
    speaker table are loaded once, when it is made.

    >>> import diplodiff
    >>> analyzer = diplodiff.Analyzer(options=diplodiff.Options(discover=False))
    >>> a = diplodiff.Statement(id="a", text="We deepen the strategic partnership.")
    >>> b = diplodiff.Statement(id="b", text="We deepen the comprehensive strategic partnership.")
    >>> [c.kind.value for c in analyzer.compare(a, b).changes]
    ['shifted']
    """

    lexicon: Lexicon = field(factory=default_lexicon)
    speakers: SpeakerTable = field(factory=default_speakers)
    options: Options = DEFAULT_OPTIONS

    def analyse(self, statement: Statement) -> Analysis:
        """Tokenize a statement, attribute its sentences and find its phrases."""
        return analyse(statement, lexicon=self.lexicon, options=self.options, speakers=self.speakers)

    def extract_phrases(self, statement: Statement) -> tuple[Phrase, ...]:
        """The lexicon formulas and discovered phrases of one statement."""
        return self.analyse(statement).phrases

    def compare(self, earlier: Statement | str | os.PathLike[str], later: Statement | str | os.PathLike[str],
                *, recurring: Collection[str] = ()) -> Comparison:
        """Compare two statements (see ``diplodiff.compare``)."""
        return compare(earlier, later, lexicon=self.lexicon, options=self.options, speakers=self.speakers,
                       recurring=recurring)

    def track(self, statements: Iterable[Statement], *, catalog: Catalog | None = None,
              progress: Progress | None = None, workers: int | None = None,
              store: str | os.PathLike[str] | None = None, client: Any = None) -> Timeline:
        """Build the history of every formula across dated statements (see ``diplodiff.track``)."""
        from .timeline.track import track

        return track(statements, lexicon=self.lexicon, options=self.options, speakers=self.speakers,
                     catalog=catalog, progress=progress, workers=workers, store=store, client=client)
