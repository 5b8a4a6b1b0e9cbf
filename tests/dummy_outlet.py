"""A small dummy outlet that exercises the machinery in tests."""

from __future__ import annotations

from collections.abc import Callable

from presskit import Article, Document, NotAnArticle, Outlet, hookimpl
from presskit.text import non_blank

DUMMY_PAGE = "DUMMY-NEWS\n\nA dummy title\n\nFirst paragraph.\n\nSecond paragraph.\n"


class DummyOutlet(Outlet):
    """A toy outlet: its pages say DUMMY-NEWS; the first line is the title."""

    name = "dummy"
    title = "Dummy News"
    domains = ("dummy.example",)
    non_article_urls = ((r"^/tag/", "a tag page"),)

    def detect(self, document: Document) -> float:
        return 0.9 if "DUMMY-NEWS" in document.text else 0.0

    def extract(self, document: Document) -> Article:
        lines = [line for line in non_blank(document.lines) if line != "DUMMY-NEWS"]
        if lines and lines[0] == "LISTING":
            raise NotAnArticle("a dummy listing")
        return Article(outlet=self.name, url=document.url, title=lines[0], paragraphs=lines[1:])


class DummyPlugin:
    """Registers :class:`DummyOutlet`."""

    @hookimpl
    def presskit_register_outlets(self, register: Callable[[Outlet], None]) -> None:
        register(DummyOutlet())
