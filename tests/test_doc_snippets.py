"""Every code snippet of the documentation runs (the convention is in docs/contributing-docs.md).

- ```` ```python ```` blocks are executed, in page order, in one namespace per page;
- ```` ```pycon ```` blocks are doctests (``>>>`` and ``...`` lines, then the expected output)
  run in that same namespace;
- ```` ```console ```` blocks are shell sessions: each ``$ `` line is run with bash, and
  the lines under it, when there are any, are its expected standard output (``...``
  matches anything; add ``2>&1`` to the command to show standard error too). A command
  must exit with 0; show a failure with ``|| echo "exit $?"``.
- An HTML comment ``<!-- snippet: skip -->`` on the line before a block exempts it;
  blocks in any other language (``sh``, ``toml``, ``text``…) are shown, never run.

Snippets run in a scratch directory that mirrors the repository's top level (one symlink
per entry), so paths such as ``examples/dumps/…`` work as from the repository root while
files the snippets write stay out of the checkout. The installed ``presskit`` and
``python`` come first on ``PATH``.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
RUNNABLE = ("python", "pycon", "console")
SKIP_MARKER = "<!-- snippet: skip -->"
FENCE = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
# What pymdownx.superfences accepts after the fence: a language, then key="value" options
# (or an attribute list in braces). Anything else is silently rendered as a paragraph.
INFO = re.compile(r'^(?:[\w#.+-]*(?:\s+[\w-]+="[^"]*")*|\{[^}]*\})\s*$')
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE
COMMAND_TIMEOUT = 600


@dataclass(frozen=True)
class Block:
    """A fenced code block of a documentation page."""

    page: str
    line: int
    language: str
    code: str
    skipped: bool

    @property
    def where(self) -> str:
        """``page:line`` of the opening fence."""
        return f"{self.page}:{self.line}"


def pages() -> list[Path]:
    """Every Markdown page of the documentation."""
    return sorted(DOCS.rglob("*.md"))


def blocks(path: Path) -> Iterator[Block]:
    """The fenced code blocks of a page, with their language and skip marker."""
    lines = path.read_text(encoding="utf-8").splitlines()
    page = path.relative_to(DOCS).as_posix()
    index = 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        fence, indent, info = opening["fence"], len(opening["indent"]), opening["info"].strip()
        start = index
        body: list[str] = []
        index += 1
        while index < len(lines) and not re.match(rf"^ *{re.escape(fence)}{fence[0]}*\s*$", lines[index]):
            line = lines[index]
            body.append(line[indent:] if line[:indent].strip() == "" else line)
            index += 1
        index += 1
        language = info.split()[0] if info else ""
        if not INFO.match(info):
            raise AssertionError(f"{page}:{start + 1}: fence info {info!r} would not render as code")
        previous = next((line.strip() for line in reversed(lines[:start]) if line.strip()), "")
        yield Block(
            page=page,
            line=start + 1,
            language=language.lstrip("{.").rstrip("}"),
            code="\n".join(body) + "\n",
            skipped=previous == SKIP_MARKER,
        )


@pytest.fixture
def scratch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory that looks like the repository root, and PATH with the venv first."""
    for entry in ROOT.iterdir():
        if entry.name not in {".git", "site"}:
            (tmp_path / entry.name).symlink_to(entry, target_is_directory=entry.is_dir())
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PATH", f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    monkeypatch.setenv("COLUMNS", "100")
    return tmp_path


def run_python(block: Block, namespace: dict[str, Any]) -> None:
    """Execute a ```python block in the page's namespace (tracebacks give the page's line numbers)."""
    code = compile("\n" * block.line + block.code, f"docs/{block.page}", "exec")
    exec(code, namespace)


def run_pycon(block: Block, namespace: dict[str, Any]) -> None:
    """Run a ```pycon block as a doctest in the page's namespace."""
    test = doctest.DocTestParser().get_doctest(block.code, namespace, block.where, block.page, block.line)
    test.globs = namespace  # DocTest copies its globals; the page's blocks share one namespace
    runner = doctest.DocTestRunner(optionflags=FLAGS)
    report: list[str] = []
    runner.run(test, out=report.append, clear_globs=False)
    if runner.failures:
        pytest.fail(f"{block.where}: pycon block failed\n{''.join(report)}", pytrace=False)


def console_commands(block: Block) -> Iterator[tuple[str, str]]:
    """``(command, expected output)`` pairs of a ```console block."""
    command: list[str] | None = None
    expected: list[str] = []
    continued = False
    for line in block.code.splitlines():
        if continued and command is not None:
            command.append(line)
            continued = line.endswith("\\")
        elif line.startswith("$ "):
            if command is not None:
                yield "\n".join(command), "\n".join(expected)
            command, expected = [line[2:]], []
            continued = line.endswith("\\")
        elif command is None:
            raise AssertionError(f"{block.where}: a console block starts with a '$ ' command")
        else:
            expected.append(line)
    if command is not None:
        yield "\n".join(command), "\n".join(expected)


def run_console(block: Block, cwd: Path) -> None:
    """Run every command of a ```console block and compare its output when one is shown."""
    checker = doctest.OutputChecker()
    for command, expected in console_commands(block):
        done = subprocess.run(
            ["bash", "-o", "pipefail", "-c", command],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=COMMAND_TIMEOUT,
            check=False,
        )
        if done.returncode != 0:
            pytest.fail(
                f"{block.where}: `{command}` exited with {done.returncode}:\n{done.stdout}{done.stderr}",
                pytrace=False,
            )
        if expected.strip() and not checker.check_output(expected + "\n", done.stdout, FLAGS):
            pytest.fail(
                f"{block.where}: `{command}` printed\n{done.stdout}\ninstead of\n{expected}\n"
                f"(standard error:\n{done.stderr})",
                pytrace=False,
            )


def test_fences_are_well_formed() -> None:
    """Every fence is closed and its info string renders; runnable blocks are not empty."""
    for path in pages():
        for block in blocks(path):
            if block.language in RUNNABLE:
                assert block.code.strip(), f"{block.where}: empty {block.language} block"


@pytest.mark.parametrize("page", [path.relative_to(DOCS).as_posix() for path in pages()])
def test_snippets_run(page: str, scratch: Path) -> None:
    """The page's python, pycon and console blocks run, in order, from the scratch directory."""
    namespace: dict[str, Any] = {"__name__": f"docs.{Path(page).stem}"}
    for block in blocks(DOCS / page):
        if block.skipped or block.language not in RUNNABLE:
            continue
        if block.language == "python":
            run_python(block, namespace)
        elif block.language == "pycon":
            run_pycon(block, namespace)
        else:
            run_console(block, scratch)
