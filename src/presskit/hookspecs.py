"""Hook specifications: the whole surface a presskit plugin can implement.

A plugin is a module (or object) named by an entry point in the ``presskit``
group; it implements some of these hooks with :data:`presskit.hookimpl`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from presskit.article import Article
    from presskit.detection import Detection
    from presskit.document import Document
    from presskit.outlet import Outlet

hookspec = pluggy.HookspecMarker("presskit")
hookimpl = pluggy.HookimplMarker("presskit")


@hookspec
def presskit_register_outlets(register: Callable[[Outlet], None]) -> None:
    """Register the outlets this plugin provides.

    Called once, when the registry is built (:func:`presskit.load_registry`), for
    every plugin, in no guaranteed order.

    :param register: call it once per :class:`~presskit.Outlet` instance. It
        raises :class:`~presskit.PluginError` when the outlet's name or one of
        its domains is already taken by another plugin's outlet.
    :return: nothing; the return value is ignored.
    """


@hookspec(firstresult=True)
def presskit_choose_outlet(document: Document, candidates: Sequence[Detection]) -> Detection | None:
    """Arbitrate between outlets when a document without URL matches several.

    Called only when no URL decides, after every outlet has scored the content,
    and only when at least one outlet scored above zero.

    :param document: the input being detected.
    :param candidates: every outlet's :class:`~presskit.Detection` with a
        confidence above zero, best first.
    :return: the chosen Detection, or None to leave the choice to the next
        implementation and finally to the default rule (the best score wins when
        it reaches 0.5 and leads the next by at least 0.15).

    ``firstresult``: the first non-None result is used and later implementations
    are not called.
    """


@hookspec(firstresult=True)
def presskit_extract_article(outlet: Outlet, document: Document) -> Article | None:
    """Turn a document into an Article with the outlet chosen for it.

    Called once per document after detection. presskit's own implementation
    calls ``outlet.extract(document)`` and runs last; a plugin can replace it by
    returning an Article first, or post-process every Article with a wrapper::

        @hookimpl(wrapper=True)
        def presskit_extract_article(outlet, document):
            article = yield
            return attrs.evolve(article, tags=article.tags + ("corpus-x",))

    :param outlet: the :class:`~presskit.Outlet` that detection chose.
    :param document: the :class:`~presskit.Document` to extract.
    :return: the Article, or None to let the next implementation answer.
    :raises NotAnArticle: for a page of the outlet that is not an article.

    ``firstresult``: the first non-None result is the extraction's result.
    """
