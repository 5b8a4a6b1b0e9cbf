"""The documentation stays true: generated pages are current, every hook is documented."""

from __future__ import annotations

import inspect
from pathlib import Path

import presskit
from presskit import hookspecs
from presskit.cli import _outlets_markdown

DOCS = Path(__file__).resolve().parents[1] / "docs"


def hooks() -> list[str]:
    return [name for name in dir(hookspecs) if name.startswith("presskit_")]


def test_every_hook_has_a_reference_docstring() -> None:
    for name in hooks():
        doc = inspect.getdoc(getattr(hookspecs, name)) or ""
        assert len(doc) > 80, f"{name} lacks its reference docstring"
        for param in inspect.signature(getattr(hookspecs, name)).parameters:
            assert param in doc, f"{name} does not document {param}"


def test_every_hook_is_in_the_plugin_guide_with_its_signature() -> None:
    guide = (DOCS / "plugins.md").read_text(encoding="utf-8")
    for name in hooks():
        params = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
        assert f"{name}({params})" in guide, f"{name}({params}) missing from docs/plugins.md"


def test_outlets_page_is_generated_from_the_registry() -> None:
    page = (DOCS / "outlets.md").read_text(encoding="utf-8")
    assert page == _outlets_markdown(presskit.load_registry(disabled=())), (
        "docs/outlets.md is stale: run `presskit outlets --markdown > docs/outlets.md`"
    )
