"""The shared HTML helpers."""

from __future__ import annotations

import json

from hypothesis import example, given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from presskit.article import Image
from presskit.html import blocks, images, json_ld_article, meta, meta_all, when


def test_blocks_fold_source_newlines_and_split_on_real_breaks() -> None:
    tree = LexborHTMLParser(
        "<div><h2>Inter\n titre</h2><p>Une phrase\n  sur deux lignes.</p><p>b<br/>c</p>"
        "<script>x()</script><aside>pub</aside>\nhors paragraphe</div>"
    )
    assert blocks(tree.css_first("div")) == [
        "Inter titre",
        "Une phrase sur deux lignes.",
        "b",
        "c",
        "hors paragraphe",
    ]


def test_blocks_drop_selectors_and_leave_the_tree_alone() -> None:
    tree = LexborHTMLParser("<div><p class='share'>Partager</p><p>Texte</p></div>")
    assert blocks(tree.css_first("div"), drop=[".share"]) == ["Texte"]
    assert tree.css_first(".share") is not None


def test_meta_and_repeated_meta() -> None:
    tree = LexborHTMLParser(
        '<meta property="article:tag" content="Maroc"><meta property="article:tag" content=" Belgique ">'
        '<meta name="description" content="Résumé">'
    )
    assert meta(tree, "og:title", "description") == "Résumé"
    assert meta_all(tree, "article:tag") == ["Maroc", "Belgique"]


def test_json_ld_article_in_a_graph_and_broken_blocks() -> None:
    tree = LexborHTMLParser(
        '<script type="application/ld+json">{broken</script>'
        '<script type="application/ld+json">{"@graph": [{"@type": "WebPage"}, '
        '{"@type": ["NewsArticle"], "headline": "H"}]}</script>'
    )
    assert json_ld_article(tree) == {"@type": ["NewsArticle"], "headline": "H"}


def test_json_ld_scripts_are_those_the_type_selector_finds() -> None:
    from presskit.html import json_ld

    types = ["application/ld+json", "Application/LD+JSON", " application/ld+json", "text/javascript", None]
    for doctype in ("", "<!DOCTYPE html>"):
        scripts = "".join(
            f'<script{"" if kind is None else f" type={kind!r}"}>{{"n": {n}}}</script>'
            for n, kind in enumerate(types)
        )
        tree = LexborHTMLParser(f"{doctype}<html><head>{scripts}</head><body></body></html>")
        selected = tree.css('script[type="application/ld+json"]')
        assert json_ld(tree) == [json.loads(script.text()) for script in selected] == [{"n": 0}, {"n": 1}]


def test_images_prefer_lazy_sources_and_split_credit() -> None:
    tree = LexborHTMLParser(
        '<div><figure><img src="data:image/gif;base64,R0l" data-src="/a.jpg" alt="Alt">'
        '<figcaption>Une légende <span class="credit">DR</span></figcaption></figure>'
        '<img src="https://x.ma/b.jpg"></div>'
    )
    assert images(tree.css_first("div"), base="https://x.ma") == (
        Image(url="https://x.ma/a.jpg", caption="Une légende", credit="DR"),
        Image(url="https://x.ma/b.jpg"),
    )


def test_when_reads_iso_then_french() -> None:
    assert str(when("2016-04-22T16:19:00+01:00")) == "2016-04-22 16:19:00+01:00"
    assert str(when("22 avril 2016")) == "2016-04-22"
    assert when(None) is None and when("hier") is None


def test_blocks_of_a_dropped_container_and_of_odd_nodes() -> None:
    tree = LexborHTMLParser("<div hidden><p>caché</p></div><section><p>a<!-- note -->b</p>\x00c</section>")
    assert blocks(tree.css_first("div")) == []
    assert blocks(tree.css_first("section")) == ["ab", "c"]  # the parser drops NUL


def test_blocks_of_a_deeply_nested_page_neither_recurse_nor_crawl() -> None:
    depth = 50_000  # far beyond Python's recursion limit
    nested = "<span>" * depth + "<p>fond</p>" + "</span>" * depth
    tree = LexborHTMLParser(f"<div>{nested}<p>fin</p></div>")
    assert blocks(tree.css_first("div")) == ["fond", "fin"]


def test_meta_reads_each_tree_and_the_first_element_of_a_name() -> None:
    for index in range(10):  # trees come and go, as in a batch: each answers for itself
        tree = LexborHTMLParser(
            f'<meta name="og:title" content=" Titre {index} "><meta property="og:title" content="">'
            '<meta property="og:title" content="second"><meta itemprop="keywords" content="a">'
        )
        # the first property element is empty: the name key, then nothing else, decides
        assert meta(tree, "og:title") == f"Titre {index}"
        assert meta(tree, "article:section", "keywords") == "a"
        assert meta_all(tree, "og:title") == ["second", f"Titre {index}"]


def test_blocks_flatten_embeds_into_one_block() -> None:
    tree = LexborHTMLParser(
        "<div><p>avant</p><blockquote class='tweet'><p>Un</p><p>tweet</p>— Nom</blockquote>"
        "<blockquote class='tweet hidden-x'><p>caché</p></blockquote><p>après</p></div>"
    )
    div = tree.css_first("div")
    assert blocks(div, flatten=[".tweet"]) == ["avant", "Un tweet — Nom", "caché", "après"]
    assert blocks(div, drop=[".hidden-x"], flatten=[".tweet"]) == ["avant", "Un tweet — Nom", "après"]
    assert blocks(tree.css_first(".tweet"), flatten=[".tweet"]) == ["Un tweet — Nom"]
    assert blocks(div) == ["avant", "Un", "tweet", "— Nom", "caché", "après"]


def test_blocks_drop_bare_tags_custom_elements_and_the_container_itself() -> None:
    tree = LexborHTMLParser(
        "<div><p>a</p><figure><p>légende</p></figure><share-bar><p>Partager</p></share-bar>"
        "<svg><text>dessin</text></svg><p>b</p></div>"
    )
    div = tree.css_first("div")
    assert blocks(div, drop=["figure", "share-bar"]) == ["a", "b"]
    assert blocks(div) == ["a", "légende", "Partager", "b"]
    assert blocks(tree.css_first("figure"), drop=["figure"]) == []


def test_blocks_end_a_block_at_each_table_row_and_drop_table_parts() -> None:
    tree = LexborHTMLParser("<div><table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table></div>")
    div = tree.css_first("div")
    assert blocks(div) == ["ab", "c"]
    assert blocks(div, drop=["tr"]) == []


_CLASSES = ["ad", "Ad", "related-x", "x main"]
_GATED = [".ad", ".AD", "div.ad", "p.x.main", '[class*="related-"]', "[class*=elated]", ".gone"]


@example([("p", ["Ad"]), ("p", ["x"])], [".ad"], True)
@example([("div", ["related-x"]), ("h2", [])], ["[class*=elated]", "h2"], False)
@given(
    st.lists(st.tuples(st.sampled_from(["div", "p", "h2"]), st.lists(st.sampled_from(_CLASSES), max_size=3))),
    st.lists(st.sampled_from([*_GATED, ".a h1", "[hidden]", "h2"]), min_size=1),
    st.booleans(),
)
def test_blocks_leave_out_of_the_query_only_class_selectors_that_cannot_match(
    elements: list[tuple[str, list[str]]], drop: list[str], quirks: bool
) -> None:
    import presskit.html

    body = "".join(
        f'<{tag} class="{" ".join(names)}">t{n}</{tag}>' for n, (tag, names) in enumerate(elements)
    )
    page = ("" if quirks else "<!DOCTYPE html>") + f'<html><body><div class="main">{body}</div></body></html>'
    container = LexborHTMLParser(page).css_first("div.main")
    drops = (*drop, *(f".filler{n}" for n in range(presskit.html._GATING_FROM)))  # enough to gate
    gated = blocks(container, drop=drops)
    everything = ", ".join((*presskit.html.BOILERPLATE, *drops))
    unwanted = {node.mem_id for node in container.css(everything)}
    kept = [f"t{n}" for n, node in enumerate(container.css("div.main > *")) if node.mem_id not in unwanted]
    assert gated == ([] if container.mem_id in unwanted else kept)


def every_match_text(root: LexborHTMLParser, selectors: tuple[str, ...]) -> str | None:
    """first_text read the long way: every match of each selector, in order."""
    from presskit.html import node_text

    for selector in selectors:
        for node in root.css(selector):
            if text := node_text(node):
                return text
    return None


def test_first_text_reads_past_an_empty_first_match() -> None:
    from presskit.html import first_text

    bodies = ("<h1> </h1><h1>Titre</h1>", "<h1></h1><h2>Autre</h2>", "<p>x</p>", "<h1>Un</h1><h1>Deux</h1>")
    for body in bodies:
        tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
        assert first_text(tree, ("h1", "h2")) == every_match_text(tree, ("h1", "h2")), body
