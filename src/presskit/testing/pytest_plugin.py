"""An opt-in pytest plugin: every installed outlet's cases and conformance checks as test items.

Enable it with ``pytest -p presskit.testing.pytest_plugin``, or with
``pytest_plugins = ["presskit.testing.pytest_plugin"]`` in a root ``conftest.py``. It adds
one item per (outlet, case, expected field) and one per (outlet, conformance check)::

    presskit::gazette::cases::cases/article.txt::title
    presskit::gazette::conformance::robust-to-mutations

Options: ``--presskit-outlet NAME`` (repeatable; ini ``presskit_outlets``) limits the
outlets; ``--presskit-examples N`` sets the generated inputs per property check (default:
the loaded Hypothesis profile's ``max_examples``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import settings

from presskit.api import extract_file
from presskit.cases import check_expected
from presskit.errors import NotAnArticle, PresskitError
from presskit.outlet import Case, Outlet
from presskit.registry import Registry, default_registry
from presskit.testing.conformance import Check, conformance_checks

__all__ = ["CaseFieldItem", "CheckFailed", "ConformanceItem"]


class CheckFailed(Exception):
    """A case field or conformance check found problems (reported without a traceback)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class _PresskitItem(pytest.Item):
    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CheckFailed):
            return f"{self.name}:\n" + "\n".join(f"  - {p}" for p in excinfo.value.problems)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[str, int | None, str]:
        return str(self.path), None, self.name


_RESULTS: dict[tuple[str, int], dict[str, Any] | NotAnArticle | PresskitError] = {}


def _result(outlet: Outlet, index: int, registry: Registry) -> dict[str, Any] | NotAnArticle | PresskitError:
    """A case's extraction, done once for all of its field items."""
    key = (outlet.name, index)
    if key not in _RESULTS:
        case = outlet.cases[index]
        try:
            _RESULTS[key] = extract_file(outlet.case_path(case), url=case.url, registry=registry).to_dict()
        except PresskitError as exc:
            _RESULTS[key] = exc
    return _RESULTS[key]


class CaseFieldItem(_PresskitItem):
    """One expected field of one declared case (``"reject"`` for a rejection case)."""

    def __init__(self, *, outlet: Outlet, index: int, field: str, registry: Registry, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outlet, self.index, self.field, self.registry = outlet, index, field, registry

    def runtest(self) -> None:
        case: Case = self.outlet.cases[self.index]
        got = _result(self.outlet, self.index, self.registry)
        if self.field == "reject":
            assert case.reject is not None
            if not isinstance(got, NotAnArticle):
                raise CheckFailed([f"expected a rejection ({case.reject}), got {_describe(got)}"])
            if case.reject.lower() not in got.reason.lower():
                raise CheckFailed([f"rejected for {got.reason!r}, expected a reason with {case.reject!r}"])
            return
        if isinstance(got, PresskitError):
            raise CheckFailed([f"{type(got).__name__}: {got.reason}"])
        if self.field == "outlet":
            problems = [] if got["outlet"] == self.outlet.name else [f"detected as {got['outlet']!r}"]
        else:
            problems = check_expected(got, {self.field: case.expected[self.field]})
        if problems:
            raise CheckFailed(problems + ([f"case note: {case.note}"] if case.note else []))


class ConformanceItem(_PresskitItem):
    """One conformance check of one outlet."""

    def __init__(self, *, check: Check, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.check = check

    def runtest(self) -> None:
        problems = self.check.run()
        if problems:
            raise CheckFailed(problems)


def _describe(got: dict[str, Any] | PresskitError) -> str:
    return f"{type(got).__name__}: {got.reason}" if isinstance(got, PresskitError) else "an Article"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("presskit", "presskit outlet cases and conformance")
    group.addoption(
        "--presskit-outlet",
        action="append",
        default=[],
        metavar="NAME",
        help="only this installed outlet (repeatable; default: every installed outlet)",
    )
    group.addoption(
        "--presskit-examples",
        type=int,
        default=None,
        metavar="N",
        help="generated inputs per property check (default: the Hypothesis profile's max_examples)",
    )
    parser.addini("presskit_outlets", "outlets whose cases and conformance checks to run", type="args")


def _items(session: pytest.Session) -> list[pytest.Item]:
    config = session.config
    registry = default_registry()
    wanted = set(config.getoption("presskit_outlet") or config.getini("presskit_outlets") or ())
    examples = config.getoption("presskit_examples") or settings().max_examples
    items: list[pytest.Item] = []
    for outlet in registry.outlets:
        if wanted and outlet.name not in wanted:
            continue
        for index, case in enumerate(outlet.cases):
            fields = ["reject"] if case.reject is not None else ["outlet", *case.expected]
            for field in fields:
                name = f"presskit::{outlet.name}::cases::{case.file}[{index}]::{field}"
                items.append(
                    CaseFieldItem.from_parent(
                        session, name=name, outlet=outlet, index=index, field=field, registry=registry
                    )
                )
        for check in conformance_checks(outlet, registry, max_examples=examples):
            name = f"presskit::{outlet.name}::conformance::{check.name}"
            items.append(ConformanceItem.from_parent(session, name=name, check=check))
    return items


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(
    session: pytest.Session, config: pytest.Config, items: list[pytest.Item]
) -> None:
    """Add the presskit items before selection (``-k``, ``-m``) and deselection run."""
    items.extend(_items(session))
