"""docs/tutorial.ipynb runs top to bottom in a real Jupyter kernel, from the docs folder."""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_tutorial_notebook_runs() -> None:
    """Every cell of the tutorial runs without an error, and the last one prints the CSV row count."""
    notebook = nbformat.read(DOCS / "tutorial.ipynb", as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(notebook, timeout=120, kernel_name="python3",
                   resources={"metadata": {"path": str(DOCS)}}).execute()
    last = notebook.cells[-1]
    text = "".join(o.get("text", "") for o in last.outputs if o.output_type == "stream")
    assert text.strip().endswith("CSV rows")
    rows = int(text.split()[-3])
    assert rows > 0
