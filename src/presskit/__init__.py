"""presskit: clean, structured articles from Moroccan French-language news pages.

>>> import presskit
>>> article = presskit.extract_file("examples/dumps/bladi-ramadan-velo.txt")  # doctest: +SKIP
>>> article.title  # doctest: +SKIP
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from presskit.api import detect, extract, extract_document, extract_file, make_document, outlets
from presskit.article import Article, Image, Link, When
from presskit.detection import Detection
from presskit.document import Document
from presskit.errors import (
    ExtractionError,
    MissingExtra,
    NotAnArticle,
    PluginError,
    PresskitError,
    UnknownOutlet,
)
from presskit.hookspecs import hookimpl
from presskit.outlet import Case, Outlet
from presskit.pipeline import Result, Source, extract_many
from presskit.registry import PluginWarning, Registry, default_registry, load_registry

try:
    __version__ = version("presskit")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = [
    "Article",
    "Case",
    "Detection",
    "Document",
    "ExtractionError",
    "Image",
    "Link",
    "MissingExtra",
    "NotAnArticle",
    "Outlet",
    "PluginError",
    "PluginWarning",
    "PresskitError",
    "Registry",
    "Result",
    "Source",
    "UnknownOutlet",
    "When",
    "__version__",
    "default_registry",
    "detect",
    "extract",
    "extract_document",
    "extract_file",
    "extract_many",
    "hookimpl",
    "load_registry",
    "make_document",
    "outlets",
]
