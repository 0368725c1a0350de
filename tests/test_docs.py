"""The documentation says what the code does: its examples run, its quoted reports are real.

* every ``>>>`` example in README.md and docs/*.md (those listed below) runs as shown;
* every ```` ```text ```` block that starts with ``$ diplodiff ...`` quotes lines that the
  command really prints, in that order (``...`` stands for lines left out, and a line
  ending in `` ...`` for the start of a longer line);
* the JSON example in docs/json.md is a trimmed copy of the real output;
* the example lexicon shown in docs/lexicon.md is the file docs/examples/lexicon.toml.
"""

from __future__ import annotations

import contextlib
import doctest
import io
import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from diplodiff.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["README.md", "docs/index.md", "docs/cli.md", "docs/python-api.md", "docs/input-formats.md",
         "docs/lexicon.md", "docs/json.md", "docs/shift-types.md", "docs/speakers.md",
         "docs/bad-input.md"]
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
_RUN_BLOCK = re.compile(r"^```text\n\$ (?:\.venv/bin/)?(diplodiff [^\n]*)\n(.*?)^```", re.M | re.S)
_JSON_BLOCK = re.compile(r"^```sh\n(diplodiff diff [^\n]*--format json)\n```\n+```json\n(.*?)^```",
                         re.M | re.S)


def _run(command: str) -> tuple[int, str]:
    argv = shlex.split(command)
    assert argv[0] == "diplodiff", command
    assert not set("|;&<>") & set(command), f"not a plain command: {command}"
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(argv[1:])
    return status, out.getvalue()


def _quoted_runs() -> list[Any]:
    found = []
    for page in PAGES:
        text = (ROOT / page).read_text(encoding="utf-8")
        for match in _RUN_BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            found.append(pytest.param(match.group(1), match.group(2), id=f"{page}:{line}"))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_examples_run(page: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = doctest.testfile(str(ROOT / page), module_relative=False, optionflags=FLAGS)
    report = capsys.readouterr().out
    assert result.attempted > 0, f"{page} has no >>> example"
    assert result.failed == 0, report


@pytest.mark.parametrize(("command", "quoted"), _quoted_runs())
def test_quoted_output_is_real(command: str, quoted: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    status, output = _run(command)
    assert status == 0, command
    lines = [line.rstrip() for line in output.splitlines()]
    position = 0
    for want in quoted.rstrip("\n").splitlines():
        if want.strip() == "...":
            continue
        prefix = want.endswith(" ...")
        want = want[: -len(" ...")] if prefix else want.rstrip()
        for i in range(position, len(lines)):
            if lines[i] == want or (prefix and lines[i].startswith(want)):
                position = i + 1
                break
        else:
            pytest.fail(f"`{command}` no longer prints (in this order):\n{want}")


def test_json_example_is_real(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = (ROOT / "docs" / "json.md").read_text(encoding="utf-8")
    match = _JSON_BLOCK.search(text)
    assert match, "docs/json.md has no `diplodiff diff ... --format json` example"
    status, output = _run(match.group(1))
    assert status == 0
    real, shown = json.loads(output), json.loads(match.group(2))
    assert list(shown) == list(real)
    for key in real:
        if key != "changes":
            assert shown[key] == real[key], key
    assert shown["changes"], "the example shows no change"
    for change in shown["changes"]:
        assert change in real["changes"], change


def test_example_lexicon_is_shown_whole() -> None:
    page = (ROOT / "docs" / "lexicon.md").read_text(encoding="utf-8")
    example = (ROOT / "docs" / "examples" / "lexicon.toml").read_text(encoding="utf-8")
    assert f"```toml\n{example}```" in page
