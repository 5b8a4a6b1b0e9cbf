"""The documentation stays true: generated pages are current, every hook and field is documented,
every page is in the site, and the site builds strictly (when MkDocs is installed)."""

from __future__ import annotations

import argparse
import ast
import importlib.util
import inspect
import itertools
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest

import presskit
from presskit import hookspecs
from presskit.article import Article
from presskit.cli import _outlets_markdown, build_parser

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
HOOK_PAGE = DOCS / "reference" / "hooks.md"


def hooks() -> list[str]:
    return [name for name in dir(hookspecs) if name.startswith("presskit_")]


def _annotation(value: Any) -> str:
    return value if isinstance(value, str) else inspect.formatannotation(value)


def signature(func: Callable[..., Any]) -> str:
    """``name(param: type, ...) -> return`` as written in the source."""
    sig = inspect.signature(func)
    params = ", ".join(f"{p.name}: {_annotation(p.annotation)}" for p in sig.parameters.values())
    return f"{func.__name__}({params}) -> {_annotation(sig.return_annotation)}"


def sections(page: str) -> dict[str, str]:
    """Text of each ``## `name` `` section of a page, by name."""
    found = re.split(r"^## `([\w.]+)`\s*$", page, flags=re.M)
    return dict(zip(found[1::2], found[2::2], strict=True))


def docs_hooks() -> ModuleType:
    """The MkDocs build hooks module, docs/hooks.py."""
    spec = importlib.util.spec_from_file_location("presskit_docs_hooks", DOCS / "hooks.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


def test_every_hook_has_a_reference_section_with_its_exact_signature() -> None:
    found = sections(HOOK_PAGE.read_text(encoding="utf-8"))
    for name in hooks():
        spec = getattr(hookspecs, name)
        assert name in found, f"docs/reference/hooks.md has no '## `{name}`' section"
        text = found[name]
        assert signature(spec) in text, f"docs/reference/hooks.md: {signature(spec)} missing"
        assert f"::: presskit.hookspecs.{name}" in text, f"{name}: its docstring is not rendered"
        firstresult = spec.presskit_spec["firstresult"]
        assert ("`firstresult`" in text) == firstresult, f"{name}: say whether it is firstresult"


def test_the_hook_reference_names_only_real_hooks() -> None:
    page = HOOK_PAGE.read_text(encoding="utf-8")
    assert set(sections(page)) == set(hooks())
    for name in re.findall(r"^::: presskit\.hookspecs\.(\w+)", page, flags=re.M):
        assert name in hooks(), f"docs/reference/hooks.md renders {name}, which is no hook"


def test_outlets_page_is_generated_from_the_registry() -> None:
    page = (DOCS / "outlets.md").read_text(encoding="utf-8")
    assert page == _outlets_markdown(presskit.load_registry(disabled=())), (
        "docs/outlets.md is stale: run `presskit outlets --markdown > docs/outlets.md`"
    )


def test_every_article_field_has_an_attribute_docstring() -> None:
    """The schema reference is rendered from these docstrings."""
    source = (ROOT / "src" / "presskit" / "article.py").read_text(encoding="utf-8")
    classes = {node.name: node for node in ast.parse(source).body if isinstance(node, ast.ClassDef)}
    for cls in (presskit.Article, presskit.Image, presskit.Link):
        body = classes[cls.__name__].body
        documented = {
            statement.target.id
            for statement, following in itertools.pairwise(body)
            if isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        }
        missing = {field.name for field in attrs.fields(cls)} - documented
        assert not missing, f"{cls.__name__} fields without a docstring: {sorted(missing)}"


def test_schema_page_lists_every_article_field() -> None:
    page = (DOCS / "schema.md").read_text(encoding="utf-8")
    listed = {
        name
        for cell in re.findall(r"^\| (`[^|]+`) \|", page, flags=re.M)
        for name in re.findall(r"`(\w+)`", cell)
    }
    assert listed == {field.name for field in attrs.fields(Article)}
    for cls in ("Article", "Image", "Link"):
        assert f"::: presskit.article.{cls}" in page


def test_cli_reference_is_generated_from_the_parser() -> None:
    assert docs_hooks().CLI_MARKER in (DOCS / "cli.md").read_text(encoding="utf-8")
    reference = docs_hooks().cli_reference()
    parsers = [build_parser()]
    while parsers:
        parser = parsers.pop()
        assert f"## `{parser.prog}`" in reference
        for action in parser._actions:
            for option in action.option_strings:
                assert f"{option}" in reference, f"{parser.prog} {option} missing from the CLI reference"
            if isinstance(action, argparse._SubParsersAction):
                parsers.extend(action.choices.values())


def test_every_public_name_is_in_the_api_reference() -> None:
    pages = (DOCS / "reference" / "api.md").read_text(encoding="utf-8")
    pages += (DOCS / "schema.md").read_text(encoding="utf-8")
    rendered = set(re.findall(r"^::: presskit\.(?:article\.)?(\w+)\s*$", pages, flags=re.M))
    missing = set(presskit.__all__) - {"__version__"} - rendered
    assert not missing, f"add to docs/reference/api.md: {sorted(missing)}"


def test_every_page_is_in_the_navigation() -> None:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = config[config.index("\nnav:") :]
    for page in DOCS.rglob("*.md"):
        name = page.relative_to(DOCS).as_posix()
        assert re.search(rf":\s+{re.escape(name)}\s*$", nav, flags=re.M), f"{name} is not in mkdocs.yml nav"


def test_site_builds_strictly_with_the_generated_references(tmp_path: Path) -> None:
    pytest.importorskip("mkdocs")
    pytest.importorskip("mkdocstrings_handlers.python")
    pytest.importorskip("material")
    site = tmp_path / "site"
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    hooks_html = (site / "reference" / "hooks" / "index.html").read_text(encoding="utf-8")
    for name in hooks():
        first_line = (inspect.getdoc(getattr(hookspecs, name)) or "").splitlines()[0]
        assert first_line in hooks_html, f"{name}'s docstring is not on the hook page"
    schema_html = (site / "schema" / "index.html").read_text(encoding="utf-8")
    for cls in (presskit.Article, presskit.Image, presskit.Link):
        source = inspect.getsource(cls)
        for field in attrs.fields(cls):
            doc = re.search(rf"^    {field.name}: .*\n    \"\"\"(.+?)(\"\"\"|$)", source, flags=re.M)
            assert doc is not None
            words = doc[1].split("``")[0].strip()[:30]
            assert words in schema_html.replace("&quot;", '"'), f"{cls.__name__}.{field.name} not rendered"
    cli_html = (site / "cli" / "index.html").read_text(encoding="utf-8")
    assert "presskit:cli-reference" not in cli_html
    assert "presskit extract" in cli_html and "--format" in cli_html
    for page in site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert ":class:" not in text, f"{page}: a Sphinx role was left as text"
        assert not re.search(r"<p>```", text), f"{page}: a fence was rendered as text"
