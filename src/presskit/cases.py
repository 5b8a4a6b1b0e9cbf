"""The generic case harness: runs an outlet's declared :class:`~presskit.Case` examples.

One function checks one case, for the test suite of presskit and of any plugin.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from presskit.api import extract_file
from presskit.errors import NotAnArticle, PresskitError
from presskit.outlet import Case, Outlet
from presskit.registry import Registry
from presskit.text import clean

__all__ = ["check_case", "check_expected", "iter_cases"]

_SPECIAL = ("body_contains", "body_excludes", "body_first", "paragraph_count", "related_titles")


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, (list, tuple)):
        return [_norm(v) for v in value]
    return value


def check_expected(got: Mapping[str, Any], expected: Mapping[str, Any]) -> list[str]:
    """Compare an ``Article.to_dict()`` with a case's expectations; return the failures."""
    problems: list[str] = []
    body = "\n\n".join(clean(p) for p in ([got["lead"]] if got.get("lead") else []) + got["paragraphs"])
    for key, want in expected.items():
        if key == "body_contains":
            problems += [f"body lacks {s!r}" for s in want if clean(s) not in body]
        elif key == "body_excludes":
            problems += [f"body holds {s!r}" for s in want if clean(s) in body]
        elif key == "body_first":
            if not body.startswith(clean(want)):
                problems.append(f"body starts {body[:60]!r}, not {want!r}")
        elif key == "paragraph_count":
            if len(got["paragraphs"]) != want:
                problems.append(f"{len(got['paragraphs'])} paragraphs, not {want}")
        elif key == "related_titles":
            titles = [link["title"] for link in got.get("related", [])]
            if _norm(titles) != _norm(want):
                problems.append(f"related titles {titles!r} != {want!r}")
        elif key not in got:
            problems.append(f"unknown field {key!r} in the case")
        elif _norm(got[key]) != _norm(want):
            problems.append(f"{key}: got {got[key]!r}, want {want!r}")
    return problems


def check_case(outlet: Outlet, case: Case, registry: Registry) -> list[str]:
    """Run one case through detection and extraction; return what went wrong (empty: ok)."""
    path = outlet.case_path(case)
    try:
        article = extract_file(path, url=case.url, registry=registry)
    except NotAnArticle as exc:
        if case.reject is None:
            return [f"rejected: {exc.reason}"]
        if case.reject.lower() not in exc.reason.lower():
            return [f"rejected for {exc.reason!r}, expected a reason with {case.reject!r}"]
        return []
    except PresskitError as exc:
        return [f"{type(exc).__name__}: {exc}"]
    if case.reject is not None:
        return [f"extracted an Article, expected a rejection ({case.reject})"]
    got = article.to_dict()
    problems = [] if got["outlet"] == outlet.name else [f"detected as {got['outlet']!r}"]
    return problems + check_expected(got, case.expected)


def iter_cases(registry: Registry) -> Iterator[tuple[Outlet, Case]]:
    """Every (outlet, case) pair of the registered outlets."""
    for outlet in registry.outlets:
        for case in outlet.cases:
            yield outlet, case
