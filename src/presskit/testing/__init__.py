"""Tools for outlet plugin authors: article strategies, renderers, mutations, conformance.

Everything here needs the ``test`` extra (Hypothesis and pytest)::

    pip install 'presskit[test]'

- :func:`articles` draws realistic French articles (Hypothesis strategy);
- a :class:`Renderer` writes an Article as one outlet's text dump and HTML page, and
  :func:`renderer_for` finds an outlet's renderer by convention (``<package>.testing.RENDERER``);
- :func:`mutated` damages or disguises a page the way real inputs are (boilerplate,
  whitespace, punctuation, truncation, encodings, markup changes);
- :func:`conformance_checks` lists the checks every outlet must pass, and
  :func:`check_conformance` runs them;
- ``pytest -p presskit.testing.pytest_plugin`` turns every installed outlet's cases and
  conformance checks into test items.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401 - imported to fail early with a clear message
    import pytest  # noqa: F401
except ImportError as exc:
    raise ImportError(
        f"presskit.testing needs {exc.name}, which presskit does not install by default: "
        "install the test extra with  pip install 'presskit[test]'"
    ) from exc

from presskit.testing.conformance import (
    Check,
    blocked_network,
    check_conformance,
    conformance_checks,
)
from presskit.testing.mutations import (
    DAMAGING,
    LINE_DAMAGE,
    PRESERVING,
    Mutation,
    encoded,
    mutated,
    mutations,
)
from presskit.testing.render import (
    FIELDS,
    Renderer,
    differences,
    render,
    renderer_for,
    round_trip,
)
from presskit.testing.strategies import (
    articles,
    author_names,
    moroccan_dates,
    paragraphs,
    sentences,
    titles,
)

__all__ = [
    "DAMAGING",
    "FIELDS",
    "LINE_DAMAGE",
    "PRESERVING",
    "Check",
    "Mutation",
    "Renderer",
    "articles",
    "author_names",
    "blocked_network",
    "check_conformance",
    "conformance_checks",
    "differences",
    "encoded",
    "moroccan_dates",
    "mutated",
    "mutations",
    "paragraphs",
    "render",
    "renderer_for",
    "round_trip",
    "sentences",
    "titles",
]
