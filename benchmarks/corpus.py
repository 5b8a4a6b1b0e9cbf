"""Benchmark corpora made from presskit's own invented cases (never from real pages).

Each article case of the built-in outlets (text dumps and HTML pages) is varied: its
body grows with reworded copies of its own paragraphs until the document reaches a
target size, and numbers are shifted so that no two documents are identical. Every
variant is checked to still give an article without a URL; the others are dropped.
"""

from __future__ import annotations

import html
import random
import re
from collections.abc import Iterator
from pathlib import Path

import presskit
from presskit import Article, PresskitError

__all__ = ["case_documents", "variants", "write_corpus"]

_NUMBER = re.compile(r"\b\d{2,3}\b")


def case_documents(kind: str) -> Iterator[tuple[str, bytes, Article]]:
    """(name, content, article) of every article case of the given kind (``"txt"`` or ``"html"``)
    that extracts without a URL."""
    registry = presskit.default_registry()
    for outlet in registry.outlets:
        for case in outlet.cases:
            if case.reject is not None or not case.file.endswith(f".{kind}"):
                continue
            data = outlet.case_path(case).read_bytes()
            try:
                article = presskit.extract(data, registry=registry)
            except PresskitError:
                continue
            yield f"{outlet.name}-{Path(case.file).stem}", data, article


def _reworded(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split(" ")
    if len(words) > 8:  # swap two inner words: the same length and shape, another text
        i, j = rng.sample(range(1, len(words) - 1), 2)
        words[i], words[j] = words[j], words[i]
    return " ".join(words)


def _grow_text(text: str, article: Article, size: int, rng: random.Random) -> str | None:
    anchor = article.paragraphs[0]
    at = text.find(anchor)
    if at < 0:
        return None
    at += len(anchor)
    extra: list[str] = []
    while len(text.encode()) + sum(len(p.encode()) + 2 for p in extra) < size:
        extra.append(_reworded(rng.choice(article.paragraphs), rng))
    return text[:at] + "".join("\n\n" + p for p in extra) + text[at:]


def _grow_html(page: str, article: Article, size: int, rng: random.Random) -> str | None:
    anchor = html.escape(article.paragraphs[0], quote=False)
    at = page.find(anchor)
    close = page.find("</p>", at) if at >= 0 else -1
    if close < 0:
        return None
    close += len("</p>")
    extra: list[str] = []
    while len(page.encode()) + sum(len(p.encode()) for p in extra) < size:
        extra.append(f"<p>{html.escape(_reworded(rng.choice(article.paragraphs), rng), quote=False)}</p>")
    return page[:close] + "".join(extra) + page[close:]


def variants(kind: str, count: int, size: int, seed: int = 7) -> Iterator[tuple[str, bytes]]:
    """``count`` documents of about ``size`` bytes made from the cases of ``kind``, round robin.

    Each document is grown on its own (its added paragraphs are its own rewordings), so
    documents share their template's boilerplate but hardly any body line, as in a corpus.
    """
    rng = random.Random(seed)
    registry = presskit.default_registry()
    grow = _grow_html if kind == "html" else _grow_text
    bases = [(name, data.decode("utf-8", "replace"), article) for name, data, article in case_documents(kind)]
    made = attempts = 0
    while made < count:
        name, base, article = bases[attempts % len(bases)]
        attempts += 1
        shift = attempts // len(bases)
        content = grow(base, article, size, rng)
        if content is None:
            continue
        content = _NUMBER.sub(lambda m, by=shift: str((int(m[0]) + by) % 1000).zfill(len(m[0])), content)
        data = content.encode()
        try:
            presskit.extract(data, registry=registry)
        except PresskitError:
            continue
        yield f"{made:06d}-{name}.{kind}", data
        made += 1
        if attempts > 3 * count + 100:
            raise RuntimeError(f"too few {kind} cases give an article once varied")


def write_corpus(folder: Path, kind: str, count: int, size: int) -> list[Path]:
    """Write a corpus to ``folder`` (created) and return the file paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, data in variants(kind, count, size):
        path = folder / name
        path.write_bytes(data)
        paths.append(path)
    return paths
