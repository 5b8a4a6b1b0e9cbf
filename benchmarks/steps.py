"""Where a document's time goes: decoding, each outlet's detector, extraction, output.

Run from the repository root, after ``pip install -e .``::

    python benchmarks/steps.py                 # 2,000 text dumps and 500 HTML pages
    python benchmarks/steps.py --text 500 --html 100

The corpora are those of ``bench.py`` (see ``corpus.py``). Every document is handled
once, in order, in this process, as a batch would handle it: the steps are timed one
after the other on the same document, so that the memos of line clean-up warm up as
they do in a real run (on the template's boilerplate, not on body text). Each detector
is then timed alone on a fresh copy of the document, for the breakdown. Times are
milliseconds per document, averaged over all documents, and extraction also over the
documents of each outlet.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402 - the folder is put on the path just above

import presskit  # noqa: E402
from presskit.detection import detect_document  # noqa: E402
from presskit.html import meta  # noqa: E402
from presskit.writers import dumps  # noqa: E402


def _document(data: bytes, path: str) -> presskit.Document:
    document = presskit.make_document(data, path=path)
    if document.kind == "html":
        # The parse and the page's <meta> index are shared by every step and every detector,
        # whichever asks first: they count as decoding.
        meta(document.tree, "og:url")
    return document


def measure(folder: Path) -> dict[str, dict[str, float]]:
    """Milliseconds per document for each step, over every file of ``folder``."""
    registry = presskit.default_registry()
    total: dict[str, float] = defaultdict(float)
    by_outlet: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    paths = sorted(folder.iterdir())
    clock = time.perf_counter
    for path in paths:
        data = path.read_bytes()
        start = clock()
        document = _document(data, str(path))
        total["decode (parse, meta index)"] += clock() - start
        start = clock()
        chosen = registry.get(detect_document(document, registry).name)
        total["detection, every outlet"] += clock() - start
        start = clock()
        try:
            article = chosen.extract(document)
        except presskit.PresskitError:
            article = None
        elapsed = clock() - start
        by_outlet[chosen.name] += elapsed
        counts[chosen.name] += 1
        total["extraction"] += elapsed
        if article is not None:
            start = clock()
            dumps(article.to_dict())
            total["record and JSON"] += clock() - start
        for outlet in registry.outlets:  # each detector alone, on a fresh document
            fresh = _document(data, str(path))
            start = clock()
            outlet.detect(fresh)
            total[f"  detector alone: {outlet.name}"] += clock() - start
    documents = len(paths)
    return {
        "steps": {step: seconds * 1000 / documents for step, seconds in total.items()},
        "extract by outlet": {name: by_outlet[name] * 1000 / counts[name] for name in sorted(counts)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--text", type=int, default=2000, help="text dumps to generate (about 10 KB each)")
    parser.add_argument("--html", type=int, default=500, help="HTML pages to generate (about 30 KB each)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="presskit-steps-") as tmp:
        corpora = (("text dumps", "txt", args.text, 10_000), ("HTML pages", "html", args.html, 30_000))
        for label, kind, count, size in corpora:
            folder = Path(tmp) / kind
            write_corpus(folder, kind, count, size)
            result = measure(folder)
            print(f"\n{label} ({count}): milliseconds per document")
            for step, ms in result["steps"].items():
                print(f"  {step:<28} {ms:6.3f}")
            for name, ms in result["extract by outlet"].items():
                print(f"  extract, {name + ' documents':<18} {ms:6.3f}")


if __name__ == "__main__":
    main()
