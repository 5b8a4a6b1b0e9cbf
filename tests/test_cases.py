"""The generic case harness: every registered outlet's declared cases, one test each."""

from __future__ import annotations

import pytest

import presskit
from presskit.cases import check_case, check_expected, iter_cases

REGISTRY = presskit.load_registry(disabled=())
CASES = list(iter_cases(REGISTRY))


@pytest.mark.parametrize(("outlet", "case"), CASES, ids=[f"{o.name}:{c.file}" for o, c in CASES])
def test_outlet_case(outlet: presskit.Outlet, case: presskit.Case) -> None:
    assert outlet.case_path(case).exists(), f"missing case file {case.file}"
    assert check_case(outlet, case, REGISTRY) == []


def test_every_outlet_declares_cases_and_a_rejection() -> None:
    for outlet in REGISTRY.outlets:
        assert outlet.cases, f"{outlet.name} declares no cases"
        assert any(c.reject for c in outlet.cases), f"{outlet.name} declares no non-article case"


def test_check_expected_reports_each_problem() -> None:
    got = {"title": "A", "lead": None, "paragraphs": ["Un.", "Deux."], "related": []}
    assert check_expected(got, {"title": "A", "paragraph_count": 2, "body_contains": ["Deux"]}) == []
    problems = check_expected(
        got, {"title": "B", "paragraph_count": 3, "body_excludes": ["Un."], "nope": 1, "body_first": "Z"}
    )
    assert len(problems) == 5
