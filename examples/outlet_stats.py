"""Per-outlet article counts and a histogram of publication dates, saved as a PNG.

    python examples/outlet_stats.py [FOLDER] [PNG]

Defaults: the bundled dumps (examples/dumps) and publication-dates.png in the current
folder. Needs matplotlib: ``pip install 'presskit[examples]'``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from datetime import date, datetime
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only: no display needed
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

import presskit

DUMPS = Path(__file__).resolve().parent / "dumps"


def day_of(value: date | datetime) -> date:
    return value.date() if isinstance(value, datetime) else value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DUMPS))
    parser.add_argument("png", nargs="?", default="publication-dates.png")
    args = parser.parse_args()

    per_outlet: Counter[str] = Counter()
    per_year: dict[str, Counter[int]] = {}
    for result in presskit.extract_many([args.folder]):
        if result.article is None:
            continue
        article = result.article
        per_outlet[article.outlet] += 1
        if article.published is not None:
            per_year.setdefault(article.outlet, Counter())[day_of(article.published).year] += 1

    print("articles per outlet:")
    for outlet, count in per_outlet.most_common():
        print(f"{outlet:10} {count:6}")

    years = sorted({year for counts in per_year.values() for year in counts})
    figure, axes = plt.subplots(figsize=(7, 4))
    bottom = [0] * len(years)
    for outlet, counts in sorted(per_year.items()):
        heights = [counts.get(year, 0) for year in years]
        axes.bar([str(year) for year in years], heights, bottom=bottom, label=outlet)
        bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    axes.set_xlabel("year of publication")
    axes.set_ylabel("articles")
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_title("Articles by year of publication and outlet")
    axes.legend()
    figure.tight_layout()
    figure.savefig(args.png, dpi=100)
    print(f"histogram saved to {args.png}")


if __name__ == "__main__":
    main()
