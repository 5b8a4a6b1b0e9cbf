"""presskit.testing: conformance of every installed outlet, and the kit's own behaviour."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import presskit
from presskit import Article, Document
from presskit.testing import (
    DAMAGING,
    PRESERVING,
    articles,
    blocked_network,
    check_conformance,
    conformance_checks,
    moroccan_dates,
    renderer_for,
)
from presskit.testing.conformance import NetworkAccess
from presskit.testing.strategies import clock_change_days

from dummy_outlet import DummyOutlet, DummyPlugin

REGISTRY = presskit.load_registry(disabled=())
# Property checks inside conformance follow the profile, capped: the property tests proper
# (test_properties*.py) carry the thorough runs.
EXAMPLES = min(settings().max_examples, 300)
CHECKS = [(o, c) for o in REGISTRY.outlets for c in conformance_checks(o, REGISTRY, max_examples=EXAMPLES)]


@pytest.mark.parametrize(("outlet", "check"), CHECKS, ids=[f"{o.name}-{c.name}" for o, c in CHECKS])
def test_installed_outlets_conform(outlet: presskit.Outlet, check: object) -> None:
    assert check.run() == []  # type: ignore[attr-defined]


def test_every_outlet_gets_every_check() -> None:
    names = {c.name for c in conformance_checks(REGISTRY.get("bladi"), REGISTRY)}
    assert names == {
        "metadata", "unique-domains", "no-network", "cases", "json-round-trip", "deterministic",
        "robust-to-mutations", "rendered-round-trip",
    }  # fmt: skip


class NetworkOutlet(DummyOutlet):
    """Looks its pages up online: what the no-network check exists to catch."""

    name = "networky"
    domains = ("networky.example",)

    def detect(self, document: Document) -> float:
        socket.create_connection(("networky.example", 80), timeout=1)
        return 0.0


class SameDomainOutlet(DummyOutlet):
    name = "copycat"
    domains = ("news.bladi.net",)


def test_conformance_reports_a_broken_outlet(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("DUMMY-NEWS\n\nTitle\n\nBody.\n", encoding="utf-8")
    monkeypatch.setattr(NetworkOutlet, "cases", (presskit.Case(file=str(page)),))
    outlet = NetworkOutlet()
    problems = check_conformance(outlet, REGISTRY, max_examples=5)
    assert any("network access attempted" in p for p in problems["no-network"])
    assert problems["metadata"] == []
    copycat = check_conformance(SameDomainOutlet(), REGISTRY, max_examples=5)
    assert copycat["unique-domains"] == ["domain 'news.bladi.net' is covered by outlet 'bladi' too"]
    assert "no example cases declared" in copycat["metadata"]


def test_blocked_network_refuses_and_restores() -> None:
    connect = socket.socket.connect
    with blocked_network(), pytest.raises(NetworkAccess):
        socket.create_connection(("example.org", 80), timeout=1)
    assert socket.socket.connect is connect


def test_renderers_are_found_by_convention() -> None:
    assert renderer_for(REGISTRY.get("le360")) is not None
    assert renderer_for(DummyOutlet()) is None  # tests/dummy_outlet has no testing module


@given(moment=moroccan_dates())
def test_drawn_moments_exist_in_morocco(moment: object) -> None:
    from datetime import datetime, timezone

    assert isinstance(moment, datetime) and moment.utcoffset() is not None
    back = moment.astimezone(timezone.utc).astimezone(moment.tzinfo)
    assert (back.hour, back.minute) == (moment.hour, moment.minute)


def test_clock_changes_include_ramadan_and_summer_time() -> None:
    days = clock_change_days()
    assert len(days) > 20 and {d.year for d in days} >= {2008, 2012, 2019, 2024}


@given(article=articles())
def test_drawn_articles_are_valid_and_french(article: Article) -> None:
    assert article.title and article.paragraphs
    assert not article.paragraphs[0][-1:].isalpha() and not article.paragraphs[-1][-1:].isalpha()
    assert len(set(article.paragraphs)) == len(article.paragraphs)


@given(kind=st.sampled_from(["text", "html"]), data=st.data())
def test_mutations_keep_pages_strings(kind: str, data: st.DataObject) -> None:
    import random

    page = "<html><body><p class='a'>Un «\u00a0test\u00a0» d’été</p>\n  • Menu\n</body></html>"
    for mutation in (*PRESERVING, *DAMAGING):
        if kind in mutation.kinds:
            assert isinstance(mutation(page, random.Random(data.draw(st.integers()))), str)


def test_importing_without_the_test_extra_names_it() -> None:
    code = "import sys; sys.modules['hypothesis'] = None; import presskit.testing"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert "presskit[test]" in result.stderr and "hypothesis" in result.stderr


def test_pytest_plugin_adds_an_item_per_case_field_and_check(tmp_path: Path) -> None:
    args = [sys.executable, "-m", "pytest", "-p", "presskit.testing.pytest_plugin", "-p", "no:cacheprovider"]
    args += ["--presskit-outlet", "bladi", "--presskit-examples", "5", "-q", "-rN", str(tmp_path)]
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    listed = subprocess.run(
        [*args, "--co"], capture_output=True, text=True, check=False, cwd=tmp_path, env=env
    )
    names = listed.stdout.splitlines()
    assert any(n.endswith("::bladi::cases::cases/article-full.txt[0]::title") for n in names), listed.stdout
    assert any(n.endswith("::bladi::cases::cases/listing.txt[7]::reject") for n in names)
    assert any(n.endswith("::bladi::conformance::robust-to-mutations") for n in names)
    assert not any("::le360::" in n for n in names)
    ran = subprocess.run(
        [*args, "-k", "title or reject"], capture_output=True, text=True, cwd=tmp_path, env=env
    )
    assert ran.returncode == 0, ran.stdout[-2000:]


def test_dummy_plugin_is_still_a_valid_outlet(tmp_path: Path) -> None:
    registry = presskit.load_registry(entry_points=False, plugins=[("dummy", DummyPlugin())])
    assert check_conformance(registry.get("dummy"), registry, max_examples=5)["unique-domains"] == []
