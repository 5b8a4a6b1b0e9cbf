"""MkDocs build hooks: pages generated from the code at build time.

``docs/cli.md`` holds the marker ``<!-- presskit:cli-reference -->``; at build time
it is replaced by a reference of every command, argument and option, generated from
:func:`presskit.cli.build_parser`. The reference can therefore never drift from the
command line, and there is no generated file to keep in step.
"""

from __future__ import annotations

import argparse
import re
from typing import Any

CLI_MARKER = "<!-- presskit:cli-reference -->"
USAGE_WIDTH = 88
# Docstrings use Sphinx roles (:class:`~presskit.Outlet`), which mkdocstrings shows as
# text: they become code, linked when the object has a page of its own.
ROLE = re.compile(r":(?:func|class|meth|data|attr|mod|exc|obj):<code>(~?)([\w.]+)</code>")


def _escape(text: str) -> str:
    """Text fit for a Markdown paragraph or table cell (no raw HTML, no cell breaks)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def _usage(parser: argparse.ArgumentParser) -> str:
    formatter = argparse.HelpFormatter(prog=parser.prog, width=USAGE_WIDTH)
    formatter.add_usage(parser.usage, parser._actions, parser._mutually_exclusive_groups, prefix="")
    return formatter.format_help().strip()


def _invocation(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    return parser._get_formatter()._format_action_invocation(action)


def _help(parser: argparse.ArgumentParser, action: argparse.Action) -> str:
    if not action.help or action.help == argparse.SUPPRESS:
        return ""
    text = parser._get_formatter()._expand_help(action)
    shown = action.default not in (None, False, argparse.SUPPRESS) and not isinstance(
        action, (argparse._HelpAction, argparse._VersionAction)
    )
    suffix = f" (default: `{action.default}`)" if shown and "default" not in text else ""
    return _escape(text) + suffix


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser, str]]:
    found: list[tuple[str, argparse.ArgumentParser, str]] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            found.extend((name, sub, helps.get(name, "")) for name, sub in action.choices.items())
    return found


def _command(parser: argparse.ArgumentParser, summary: str = "") -> list[str]:
    lines = [f"## `{parser.prog}`", ""]
    if parser.description or summary:
        lines += [_escape(parser.description or summary[:1].upper() + summary[1:] + "."), ""]
    lines += ["```text", _usage(parser), "```", ""]
    for group in parser._action_groups:
        actions = [
            action
            for action in group._group_actions
            if action.help != argparse.SUPPRESS and not isinstance(action, argparse._SubParsersAction)
        ]
        if not actions:
            continue
        title = (group.title or "arguments").capitalize()
        lines += [f"**{_escape(title)}**", "", "| argument | description |", "|---|---|"]
        lines += [f"| `{_invocation(parser, action)}` | {_help(parser, action)} |" for action in actions]
        lines.append("")
    subcommands = _subcommands(parser)
    if subcommands:
        lines += ["**Commands**", "", "| command | description |", "|---|---|"]
        lines += [
            f"| [`{sub.prog}`](#{_anchor(sub.prog)}) | {_escape(text)} |" for _, sub, text in subcommands
        ]
        lines.append("")
    for _, sub, text in subcommands:
        lines += _command(sub, text)
    return lines


def _anchor(prog: str) -> str:
    """The heading id that the ``toc`` extension gives ``## `prog` ``."""
    return prog.replace(" ", "-")


def cli_reference(parser: argparse.ArgumentParser | None = None) -> str:
    """Markdown reference of the ``presskit`` command, from its argument parser."""
    if parser is None:
        from presskit.cli import build_parser

        parser = build_parser()
    return "\n".join(_command(parser)).rstrip() + "\n"


def _role(match: re.Match[str]) -> str:
    short, name = match[1], match[2]
    shown = name.rsplit(".", 1)[-1] if short else name
    identifier = name if name.startswith("presskit") else f"presskit.{name}"
    return f'<autoref identifier="{identifier}" optional><code>{shown}</code></autoref>'


def on_page_content(html: str, page: Any, **_kwargs: Any) -> str:
    """Turn the Sphinx roles of rendered docstrings into code, linked where possible."""
    return ROLE.sub(_role, html)


def on_page_markdown(markdown: str, page: Any, **_kwargs: Any) -> str:
    """Replace the CLI reference marker with the reference generated from the parser."""
    if CLI_MARKER in markdown:
        markdown = markdown.replace(CLI_MARKER, cli_reference())
    return markdown
