"""Plugin discovery: entry points, blocked and broken plugins, conflicts, third-party packages."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

import presskit
from presskit import Outlet, PluginError, PluginWarning, hookimpl
from presskit.registry import DISABLE_ENV

from dummy_outlet import DummyOutlet, DummyPlugin

BUILT_INS = {"bladi", "ccme", "le360", "lopinion"}


def test_built_ins_come_from_the_entry_points() -> None:
    registry = presskit.load_registry(disabled=())
    assert set(registry.infos) >= BUILT_INS
    bladi = registry.infos["bladi"]
    assert bladi.plugin == "bladi" and bladi.distribution == "presskit"
    assert bladi.version == presskit.__version__


def test_no_entry_points_no_outlets() -> None:
    assert presskit.load_registry(entry_points=False).outlets == ()


def test_disabled_by_argument_and_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "bladi" not in presskit.load_registry(disabled=["bladi"]).infos
    monkeypatch.setenv(DISABLE_ENV, "le360, bladi")
    names = set(presskit.load_registry().infos)
    assert "bladi" not in names and "le360" not in names and "ccme" in names


def test_registry_lookups(dummy_registry: presskit.Registry) -> None:
    assert dummy_registry.get("dummy").name == "dummy"
    assert dummy_registry.for_host("news.dummy.example") is dummy_registry.get("dummy")
    assert dummy_registry.for_host("dummy.example.org") is None
    with pytest.raises(presskit.UnknownOutlet, match="no outlet named 'nope'.*dummy"):
        dummy_registry.get("nope")


def test_duplicate_name_names_both_plugins() -> None:
    with pytest.raises(PluginError, match="'dummy' is claimed by plugin 'first' and by plugin 'second'"):
        presskit.load_registry(
            entry_points=False, plugins=[("first", DummyPlugin()), ("second", DummyPlugin())]
        )


def test_duplicate_domain_names_both_plugins() -> None:
    class Copycat(DummyOutlet):
        name = "copycat"

    class CopycatPlugin:
        @hookimpl
        def presskit_register_outlets(self, register: Callable[[Outlet], None]) -> None:
            register(Copycat())

    with pytest.raises(PluginError, match="domain 'dummy.example' is claimed by outlet 'dummy'.*'copycat'"):
        presskit.load_registry(entry_points=False, plugins=[("a", DummyPlugin()), ("b", CopycatPlugin())])


def test_registering_something_else_is_an_error() -> None:
    class Wrong:
        @hookimpl
        def presskit_register_outlets(self, register: Callable[[object], None]) -> None:
            register("bladi")

    with pytest.raises(PluginError, match="not an Outlet"):
        presskit.load_registry(entry_points=False, plugins=[("wrong", Wrong())])


def _install_fake_distribution(site: Path, name: str, module: str, code: str) -> None:
    """Lay out an installed distribution (module + dist-info with its entry point)."""
    (site / f"{module}.py").write_text(textwrap.dedent(code), encoding="utf-8")
    info = site / f"{name.replace('-', '_')}-1.2.3.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.2.3\n", encoding="utf-8")
    (info / "entry_points.txt").write_text(f"[presskit]\n{name} = {module}\n", encoding="utf-8")


THIRD_PARTY = """
    from presskit import Article, Outlet, hookimpl

    class Gazette(Outlet):
        name = "gazette"
        title = "La Gazette de test"
        domains = ("gazette.example",)

        def detect(self, document):
            return 0.8 if document.text.startswith("GAZETTE") else 0.0

        def extract(self, document):
            lines = [l for l in document.text.splitlines() if l.strip()]
            return Article(outlet=self.name, url=document.url, title=lines[1], paragraphs=lines[2:])

    @hookimpl
    def presskit_register_outlets(register):
        register(Gazette())
"""


def _run(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "presskit", *args], capture_output=True, text=True, env=env, timeout=60
    )


def test_third_party_package_is_listed_and_used_beside_built_ins(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site, "presskit-gazette", "presskit_gazette", THIRD_PARTY)
    listing = _run(site, "outlets")
    assert listing.returncode == 0, listing.stderr
    names = [line.split("\t")[0] for line in listing.stdout.splitlines()]
    assert "gazette" in names and set(names) >= BUILT_INS
    assert "presskit-gazette 1.2.3" in listing.stdout
    page = tmp_path / "page.txt"
    page.write_text("GAZETTE\nUn titre\nUn paragraphe.\n", encoding="utf-8")
    extracted = _run(site, "extract", str(page))
    assert extracted.returncode == 0, extracted.stderr
    record = json.loads(extracted.stdout)
    assert (record["outlet"], record["title"]) == ("gazette", "Un titre")


def test_broken_plugin_warns_and_the_others_keep_working(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    _install_fake_distribution(site, "presskit-broken", "presskit_broken", "raise ImportError('boom')\n")
    listing = _run(site, "outlets")
    assert listing.returncode == 0
    assert "plugin 'presskit-broken' (presskit_broken) failed to load" in listing.stderr
    assert "boom" in listing.stderr
    assert "bladi" in listing.stdout


def test_broken_plugin_warning_in_python(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    _install_fake_distribution(tmp_path, "presskit-broken", "presskit_broken", "1/0\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    with pytest.warns(PluginWarning, match="presskit-broken.*ZeroDivisionError"):
        registry = presskit.load_registry(disabled=())
    assert "bladi" in registry.infos
    # blocking it by name silences it
    assert "bladi" in presskit.load_registry(disabled=["presskit-broken"]).infos
