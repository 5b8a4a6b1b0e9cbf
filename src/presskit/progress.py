"""Following a batch: a progress bar on a terminal, and the final summary.

The bar (tqdm) is drawn on standard error only when it is a terminal; the summary
counts articles, non-articles by reason and failures by error.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from typing import TextIO

from tqdm import tqdm

from presskit.errors import NotAnArticle
from presskit.pipeline import Result

__all__ = ["Progress", "Tally"]

# Reasons are grouped without their particulars: counts and URLs vary from page to page.
_URL_NOTE = re.compile(r"\s*\(URL [^)]*\)")
_NUMBER = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)?(?![\w.])")
_SHOWN = 8
# Distinct reasons kept per kind: a corpus of unusual failures must not grow the tally.
_MAX_REASONS = 1000
_UNTOLD = "(more reasons, not told apart)"


def _reason_group(reason: str) -> str:
    return _NUMBER.sub("N", _URL_NOTE.sub("", reason))


def _count(counts: Counter[str], reason: str) -> None:
    if reason not in counts and len(counts) >= _MAX_REASONS:
        reason = _UNTOLD
    counts[reason] += 1


class Tally:
    """Counts of a batch's results: articles, non-articles by reason, failures by error."""

    def __init__(self) -> None:
        self.articles = 0
        self.not_articles: Counter[str] = Counter()
        self.failures: Counter[str] = Counter()

    def add(self, result: Result) -> None:
        """Count one result."""
        if result.error is None:
            self.articles += 1
        elif isinstance(result.error, NotAnArticle):
            _count(self.not_articles, _reason_group(result.error.reason))
        else:
            _count(self.failures, f"{type(result.error).__name__}: {_reason_group(result.error.reason)}")

    @property
    def total(self) -> int:
        """Results counted."""
        return self.articles + self.not_articles.total() + self.failures.total()

    @property
    def failed(self) -> int:
        """Results without an article."""
        return self.total - self.articles

    def summary(self) -> str:
        """A few lines for a person: totals, then the most frequent reasons."""
        lines = [
            f"{self.total} inputs: {self.articles} articles, {self.not_articles.total()} not articles, "
            f"{self.failures.total()} failures"
        ]
        for title, counts in (("not articles", self.not_articles), ("failures", self.failures)):
            if counts:
                lines.append(f"  {title}:")
                lines += [f"  {count:>8}  {reason}" for reason, count in counts.most_common(_SHOWN)]
                rest = counts.total() - sum(count for _, count in counts.most_common(_SHOWN))
                if rest:
                    lines.append(f"  {rest:>8}  (other reasons)")
        return "\n".join(lines)


class Progress:
    """A progress bar on ``stream`` when it is a terminal and ``enabled``; messages printed
    through it do not break the bar."""

    def __init__(self, *, enabled: bool = True, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        shown = enabled and self.stream.isatty()
        # No monitor thread: worker processes are forked after the bar exists.
        tqdm.monitor_interval = 0
        self.bar = tqdm(
            disable=not shown,
            file=self.stream,
            unit=" docs",
            dynamic_ncols=True,
            mininterval=0.25,
            smoothing=0.05,
        )
        self.failed = 0

    def update(self, result: Result) -> None:
        """Count one result."""
        if not result.ok:
            self.failed += 1
        if not self.bar.disable:
            self.bar.update(1)
            if self.failed and result.error is not None:
                self.bar.set_postfix_str(f"{self.failed} without article", refresh=False)

    def message(self, text: str) -> None:
        """Print one line on the stream, above the bar."""
        if self.bar.disable:
            print(text, file=self.stream)
        else:
            self.bar.write(text, file=self.stream)

    def close(self) -> None:
        """Remove nothing, stop drawing."""
        self.bar.close()
