"""Extract every page of a folder into a JSON Lines file, in parallel, keeping the failures apart.

    python examples/extract_folder.py [FOLDER] [OUTPUT] [--jobs N]

Defaults: the bundled dumps (examples/dumps) into articles.jsonl in the current folder.
The same as ``presskit extract FOLDER -o OUTPUT --errors OUTPUT.errors.jsonl``, from Python.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import presskit

DUMPS = Path(__file__).resolve().parent / "dumps"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=str(DUMPS))
    parser.add_argument("output", nargs="?", default="articles.jsonl")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: one per core)")
    args = parser.parse_args()

    output = Path(args.output)
    errors = output.with_suffix(".errors.jsonl")
    articles = failures = 0
    with output.open("w", encoding="utf-8") as out, errors.open("w", encoding="utf-8") as err:
        for result in presskit.extract_many([args.folder], jobs=args.jobs):
            stream = out if result.ok else err
            stream.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            articles += result.ok
            failures += not result.ok
    print(f"{articles} articles in {output}, {failures} failures in {errors}")


if __name__ == "__main__":
    main()
