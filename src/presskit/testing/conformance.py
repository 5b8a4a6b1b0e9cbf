"""Conformance checks every outlet must pass, built-in or third-party.

:func:`conformance_checks` lists them for one outlet; each :class:`Check` runs on its own
and returns what went wrong (an empty list when the outlet conforms), so that a test
runner can report them one by one (see :mod:`presskit.testing.pytest_plugin`).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from presskit.api import extract_document, make_document, read_file
from presskit.article import Article
from presskit.cases import check_case
from presskit.document import Document
from presskit.errors import PresskitError
from presskit.outlet import Case, Outlet
from presskit.registry import Registry, default_registry
from presskit.testing.mutations import encoded, mutated
from presskit.testing.render import KINDS, differences, render, renderer_for, round_trip
from presskit.testing.strategies import articles

__all__ = ["Check", "NetworkAccess", "blocked_network", "check_conformance", "conformance_checks"]

_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_DOMAIN = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$")
_LANGUAGE = re.compile(r"^[a-z]{2}$")


class NetworkAccess(AssertionError):
    """An outlet tried to open a network connection."""


@attrs.frozen
class Check:
    """One conformance check of one outlet."""

    name: str
    """Short identifier (``"metadata"``, ``"json-round-trip"``)."""

    description: str
    """What the check proves, in one sentence."""

    run: Callable[[], list[str]] = attrs.field(repr=False)
    """Runs the check; returns the problems found (empty: the outlet conforms)."""


@contextmanager
def blocked_network() -> Iterator[None]:
    """Make every socket connection attempt raise :class:`NetworkAccess` inside the block."""

    def refuse(_sock: socket.socket, address: Any, *_args: Any) -> None:
        raise NetworkAccess(f"network access attempted: connect to {address!r}")

    saved = {name: getattr(socket.socket, name) for name in ("connect", "connect_ex", "sendto")}
    saved_lookup = socket.getaddrinfo

    def refuse_lookup(host: Any, *_args: Any, **_kwargs: Any) -> Any:
        raise NetworkAccess(f"network access attempted: name lookup of {host!r}")

    for name in saved:
        setattr(socket.socket, name, refuse)
    socket.getaddrinfo = refuse_lookup
    try:
        yield
    finally:
        for name, method in saved.items():
            setattr(socket.socket, name, method)
        socket.getaddrinfo = saved_lookup


def _documents(outlet: Outlet) -> list[tuple[Case, Document]]:
    documents = []
    for case in outlet.cases:
        path = outlet.case_path(case)
        if path.exists():
            documents.append((case, make_document(read_file(path), url=case.url, path=str(path))))
    return documents


def _articles(outlet: Outlet, registry: Registry) -> list[tuple[str, Article]]:
    found = []
    for case, document in _documents(outlet):
        if case.reject is None:
            try:
                found.append((case.file, extract_document(document, outlet=outlet.name, registry=registry)))
            except PresskitError:
                continue  # reported by the cases check
    return found


def _metadata(outlet: Outlet) -> list[str]:
    problems = []
    name = getattr(outlet, "name", None)
    if not isinstance(name, str) or not _NAME.match(name):
        problems.append(f"name {name!r} is not a lower-case identifier")
    if not isinstance(getattr(outlet, "title", None), str) or not outlet.title.strip():
        problems.append("title is missing or empty")
    domains = getattr(outlet, "domains", None)
    if not isinstance(domains, tuple) or not domains:
        problems.append("domains must be a non-empty tuple")
    else:
        problems += [
            f"domain {d!r} is not a lower-case host name (no scheme, no www., no path)"
            for d in domains
            if not isinstance(d, str) or not _DOMAIN.match(d) or d.startswith("www.")
        ]
    for entry in outlet.non_article_urls:
        if not (isinstance(entry, tuple) and len(entry) == 2 and all(isinstance(x, str) for x in entry)):
            problems.append(f"non_article_urls entry {entry!r} is not a (pattern, reason) pair")
            continue
        try:
            re.compile(entry[0])
        except re.error as exc:
            problems.append(f"non_article_urls pattern {entry[0]!r} does not compile: {exc}")
    if not _LANGUAGE.match(str(outlet.language)):
        problems.append(f"language {outlet.language!r} is not an ISO 639-1 code")
    if not outlet.cases:
        problems.append("no example cases declared")
    problems += [
        f"case file {c.file!r} does not exist" for c in outlet.cases if not outlet.case_path(c).exists()
    ]
    if not any(c.reject is None for c in outlet.cases):
        problems.append("no case extracts an article")
    return problems


def _unique_domains(outlet: Outlet, registry: Registry) -> list[str]:
    problems = []
    for other in registry.outlets:
        if other is outlet or other.name == outlet.name:
            continue
        # A subdomain of another outlet's domain is a clash too: one host, two outlets.
        clashes = {d for d in outlet.domains if other.claims_host(d)}
        clashes |= {o for o in other.domains if outlet.claims_host(o)}
        problems += [f"domain {d!r} is covered by outlet {other.name!r} too" for d in sorted(clashes)]
    return problems


def _no_network(outlet: Outlet, registry: Registry) -> list[str]:
    problems = []
    with blocked_network():
        for case, document in _documents(outlet):
            try:
                outlet.detect(document)
                extract_document(document, outlet=outlet.name, registry=registry)
            except NetworkAccess as exc:
                problems.append(f"{case.file}: {exc}")
            except PresskitError as exc:
                if isinstance(exc.__cause__, NetworkAccess):
                    problems.append(f"{case.file}: {exc.__cause__}")
    return problems


def _cases(outlet: Outlet, registry: Registry) -> list[str]:
    return [
        f"{case.file}: {problem}" for case in outlet.cases for problem in check_case(outlet, case, registry)
    ]


def _json_round_trip(outlet: Outlet, registry: Registry) -> list[str]:
    problems = []
    for file, article in _articles(outlet, registry):
        again = Article.from_json(article.to_json())
        if again != article or again.to_dict() != article.to_dict():
            problems.append(f"{file}: Article.from_json(to_json()) differs from the Article")
    return problems


def _deterministic(outlet: Outlet, registry: Registry) -> list[str]:
    problems = []
    for case, document in _documents(outlet):
        fresh = make_document(document.text, url=case.url, path=document.path)
        results = []
        for doc in (document, fresh, document):
            try:
                results.append(extract_document(doc, outlet=outlet.name, registry=registry).to_dict())
            except PresskitError as exc:
                results.append({"error": type(exc).__name__, "reason": exc.reason})
        if any(result != results[0] for result in results[1:]):
            problems.append(f"{case.file}: two extractions of the same input differ")
        scores = {outlet.detect(make_document(document.text, path=document.path)) for _ in range(2)}
        if len(scores) > 1:
            problems.append(f"{case.file}: detect() gives different scores for the same input")
    return problems


def _answer(outlet: Outlet, document: Document) -> Article | PresskitError:
    """An outlet's Article or PresskitError for a document; anything else propagates."""
    score = outlet.detect(document)
    if not 0.0 <= score <= 1.0:
        raise AssertionError(f"detect() returned {score!r}, outside 0..1")
    try:
        article = outlet.extract(document)
    except PresskitError as exc:
        return exc
    if not isinstance(article, Article):
        raise AssertionError(f"extract() returned {type(article).__name__}, not an Article")
    return article


def _falsified(exc: BaseException) -> list[str]:
    notes = [str(n) for n in getattr(exc, "__notes__", ())]
    return [f"{type(exc).__name__}: {exc}", *notes]


def _robust(outlet: Outlet, max_examples: int) -> list[str]:
    pages = [(document.text, document.kind, case.url) for case, document in _documents(outlet)]
    if not pages:
        return ["no case input to mutate"]

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def mutated_cases_give_an_answer(data: st.DataObject) -> None:
        text, kind, url = data.draw(st.sampled_from(pages), label="case")
        page = data.draw(mutated(text, kind, damaging=True), label="page")
        content = data.draw(encoded(page, kind), label="bytes")
        _answer(outlet, make_document(content, url=url))

    try:
        mutated_cases_give_an_answer()
    except Exception as exc:  # noqa: BLE001 - the falsifying example is the report
        return _falsified(exc)
    return []


def _rendered_round_trip(outlet: Outlet, registry: Registry, max_examples: int) -> list[str]:
    renderer = renderer_for(outlet)
    if renderer is None:
        return []

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(article=articles(outlet=outlet.name), kind=st.sampled_from(KINDS), data=st.data())
    def rendered_articles_come_back(article: Article, kind: Any, data: st.DataObject) -> None:
        problems = round_trip(renderer, article, kind, registry=registry)
        assert not problems, problems
        fitted = renderer.fit(article)
        page = data.draw(mutated(render(renderer, fitted, kind), kind), label="mutated page")
        got = extract_document(make_document(page, url=fitted.url), registry=registry)
        problems = differences(fitted, got, sorted(renderer.fields[kind]), loosely=True)
        assert not problems, problems

    try:
        rendered_articles_come_back()
    except Exception as exc:  # noqa: BLE001 - the falsifying example is the report
        return _falsified(exc)
    return []


def conformance_checks(
    outlet: Outlet, registry: Registry | None = None, *, max_examples: int = 100
) -> tuple[Check, ...]:
    """The conformance checks of ``outlet`` within ``registry`` (the installed outlets by
    default). ``max_examples`` bounds the generated inputs of the property checks."""
    reg = registry or default_registry()
    checks = [
        Check("metadata", "name, title, domains, URL patterns, language and cases are well-formed",
              lambda: _metadata(outlet)),
        Check("unique-domains", "no other installed outlet covers one of its domains",
              lambda: _unique_domains(outlet, reg)),
        Check("no-network", "detection and extraction never open a network connection",
              lambda: _no_network(outlet, reg)),
        Check("cases", "every declared case gives its expected fields or rejection",
              lambda: _cases(outlet, reg)),
        Check("json-round-trip", "every extracted Article survives to_json/from_json unchanged",
              lambda: _json_round_trip(outlet, reg)),
        Check("deterministic", "the same input always gives the same record and score",
              lambda: _deterministic(outlet, reg)),
        Check("robust-to-mutations", "mangled case inputs give an Article or a PresskitError, nothing else",
              lambda: _robust(outlet, max_examples)),
    ]  # fmt: skip
    if renderer_for(outlet) is not None:
        checks.append(
            Check("rendered-round-trip", "rendered articles, plain and disguised, are extracted back",
                  lambda: _rendered_round_trip(outlet, reg, max_examples))
        )  # fmt: skip
    return tuple(attrs.evolve(check, run=_guarded(check.run)) for check in checks)


def _guarded(run: Callable[[], list[str]]) -> Callable[[], list[str]]:
    """The check with the network blocked throughout, and a crash reported as a problem."""

    def guarded() -> list[str]:
        with blocked_network():
            try:
                return run()
            except Exception as exc:  # noqa: BLE001 - an outlet that raises is the finding
                return [f"the check crashed: {type(exc).__name__}: {exc}"]

    return guarded


def check_conformance(
    outlet: Outlet, registry: Registry | None = None, *, max_examples: int = 100
) -> dict[str, list[str]]:
    """Run every conformance check of ``outlet``; map each check's name to its problems."""
    return {
        check.name: check.run() for check in conformance_checks(outlet, registry, max_examples=max_examples)
    }
