"""Find the same story told by several outlets: articles whose words overlap most.

    python examples/same_story.py [FOLDER] [--threshold 0.25]

Each article becomes a set of content words (title, lead and body, accents and case
folded, short words dropped); two articles of different outlets published within a
few days of each other whose sets overlap (Jaccard index) above the threshold are
the same story. Default folder: the bundled dumps (examples/dumps).
"""

from __future__ import annotations

import argparse
import re
from datetime import date, datetime
from itertools import combinations
from pathlib import Path

import presskit
from presskit import Article
from presskit.text import fold

DUMPS = Path(__file__).resolve().parent / "dumps"
WORD = re.compile(r"[a-z\u0621-\u064a]{4,}")
MAX_DAYS_APART = 3


def words(article: Article) -> frozenset[str]:
    return frozenset(WORD.findall(fold(" ".join([article.title or "", article.text]))))


def day_of(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def close_in_time(a: Article, b: Article) -> bool:
    first, second = day_of(a.published), day_of(b.published)
    return first is None or second is None or abs((first - second).days) <= MAX_DAYS_APART


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DUMPS))
    parser.add_argument("--threshold", type=float, default=0.25)
    args = parser.parse_args()

    articles = [
        (r.input, r.article, words(r.article)) for r in presskit.extract_many([args.folder]) if r.article
    ]
    # Union-find over the matching pairs: a story is a connected group of articles.
    group = {label: label for label, _, _ in articles}

    def root(label: str) -> str:
        while group[label] != label:
            label = group[label]
        return label

    for (la, a, wa), (lb, b, wb) in combinations(articles, 2):
        if a.outlet != b.outlet and close_in_time(a, b) and len(wa & wb) / len(wa | wb) >= args.threshold:
            group[root(la)] = root(lb)

    stories: dict[str, list[tuple[str, Article]]] = {}
    for label, article, _ in articles:
        stories.setdefault(root(label), []).append((label, article))
    shared = [members for members in stories.values() if len({a.outlet for _, a in members}) > 1]
    print(f"{len(articles)} articles, {len(shared)} stories told by more than one outlet")
    for members in shared:
        print()
        for label, article in members:
            print(f"  {article.outlet:9} {day_of(article.published)}  {article.title}  ({Path(label).name})")


if __name__ == "__main__":
    main()
