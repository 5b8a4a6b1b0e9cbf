"""The ``presskit`` command line: extract, detect, outlets."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from presskit import __version__
from presskit.api import make_document
from presskit.detection import detect_document
from presskit.errors import PresskitError
from presskit.pipeline import Result, iter_sources, run
from presskit.registry import PluginWarning, Registry, default_registry
from presskit.writers import FORMATS, make_writer

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``presskit`` command."""
    parser = argparse.ArgumentParser(
        prog="presskit",
        description="Extract clean, structured articles from Moroccan news pages and text dumps.",
    )
    parser.add_argument("--version", action="version", version=f"presskit {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="extract articles from files and folders",
        description="Extract one record per article. Folders are walked recursively for .html, .htm "
        "and .txt files (and .gz of those); '-' reads standard input. Records go to standard output "
        "as JSON Lines unless -o is given; every input that gives no article is reported on standard "
        "error. Exit status: 0 when every input gave an article, 1 when some did not, 2 on usage errors.",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    extract.add_argument("--url", help="URL of the page (only with a single input file)")
    extract.add_argument("--outlet", metavar="NAME", help="force this outlet instead of detecting it")
    extract.add_argument("-o", "--output", metavar="FILE", help="write records to FILE (default: stdout)")
    extract.add_argument("--format", choices=sorted(FORMATS), default="jsonl", help="output format")
    extract.add_argument("--errors", metavar="FILE", help="also write failures to FILE as JSON Lines")

    detect = commands.add_parser("detect", help="tell which outlet each input belongs to")
    detect.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    detect.add_argument("--url", help="URL of the page (only with a single input file)")

    commands.add_parser("outlets", help="list the registered outlets and the plugins providing them")
    return parser


@contextlib.contextmanager
def _open_output(path: str | None) -> Iterator[TextIO]:
    if path is None or path == "-":
        yield sys.stdout
        return
    with Path(path).open("w", encoding="utf-8", newline="") as stream:
        yield stream


def _report(result: Result, errors: TextIO | None) -> None:
    if result.error is None:
        return
    print(f"presskit: {result.error}", file=sys.stderr)
    if errors is not None:
        errors.write(json.dumps(result.error_record(), ensure_ascii=False) + "\n")
        errors.flush()


def _extract(args: argparse.Namespace, registry: Registry) -> int:
    if args.outlet is not None:
        registry.get(args.outlet)  # an unknown name is a usage error, before any work
    failed = 0
    with _open_output(args.output) as out, contextlib.ExitStack() as stack:
        errors = stack.enter_context(Path(args.errors).open("w", encoding="utf-8")) if args.errors else None
        writer = make_writer(args.format, out)
        try:
            for result in run(iter_sources(args.paths, url=args.url), outlet=args.outlet, registry=registry):
                if result.ok:
                    writer.write(result.record())
                else:
                    failed += 1
                    _report(result, errors)
        finally:
            writer.close()
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _detect(args: argparse.Namespace, registry: Registry) -> int:
    failed = 0
    for source in iter_sources(args.paths, url=args.url):
        try:
            document = make_document(source.read(), url=source.url, path=source.path)
            found = detect_document(document, registry)
        except PresskitError as exc:
            failed += 1
            print(f"presskit: {exc.with_input(source.label)}", file=sys.stderr)
            continue
        print(f"{source.label}\t{found.name}\t{found.confidence:.2f}\t{found.reason}")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _outlets(registry: Registry) -> int:
    for info in registry.infos.values():
        outlet = info.outlet
        dist = f"{info.distribution} {info.version}" if info.distribution else info.plugin
        print(f"{outlet.name}\t{outlet.title}\t{', '.join(outlet.domains)}\t{dist}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "url", None) and len(args.paths) != 1:
        parser.error("--url goes with a single input file")
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", PluginWarning)
            registry = default_registry()
        for warning in caught:
            print(f"presskit: warning: {warning.message}", file=sys.stderr)
        if args.command == "extract":
            return _extract(args, registry)
        if args.command == "detect":
            return _detect(args, registry)
        return _outlets(registry)
    except PresskitError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
