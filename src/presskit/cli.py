"""The ``presskit`` command line: extract, detect, outlets."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import FrameType
from typing import IO, Any, TextIO

from presskit import __version__
from presskit.api import make_document
from presskit.detection import detect_document
from presskit.errors import PresskitError
from presskit.inputs import iter_sources
from presskit.pipeline import resolve_jobs, run
from presskit.progress import Progress, Tally
from presskit.registry import PluginWarning, Registry, default_registry
from presskit.writers import (
    BINARY_FORMATS,
    FORMATS,
    JsonLinesWriter,
    JsonWriter,
    check_format,
    dumps,
    make_writer,
)

__all__ = ["build_parser", "main"]

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130


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
        help="extract articles from files, folders, WARC and JSONL files",
        description="Extract one record per article. Inputs: files; folders, walked recursively for "
        ".html, .htm and .txt pages, .warc files and .jsonl files (each also gzipped); glob patterns; "
        "'-' for standard input (a page, JSON Lines or a WARC stream). A WARC file gives one document "
        "per HTML response record, with its target URL; a JSONL file one per {url, html} or "
        "{url, text} line. Records go to standard output as JSON Lines unless -o is given, in input "
        "order unless --unordered; every input that gives no article is reported on standard error "
        "and counted in the final summary. Exit status: 0 when every input gave an article, 1 when "
        "some did not, 2 on usage errors, 130 when interrupted (the output then ends on a complete "
        "record).",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, glob, WARC, JSONL, or -")
    extract.add_argument("--url", help="URL of the page (only with a single input file)")
    extract.add_argument("--outlet", metavar="NAME", help="force this outlet instead of detecting it")
    extract.add_argument("-o", "--output", metavar="FILE", help="write records to FILE (default: stdout)")
    extract.add_argument(
        "--format",
        choices=sorted(FORMATS),
        default="jsonl",
        help="output format (parquet needs the 'parquet' extra)",
    )
    extract.add_argument("--errors", metavar="FILE", help="also write failures to FILE as JSON Lines")
    extract.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes (default: one per core; 1 works in this process)",
    )
    extract.add_argument(
        "--unordered", action="store_true", help="write records as they are ready, not in input order"
    )
    extract.add_argument(
        "--chunksize", type=_positive, metavar="N", help="documents sent to a worker at a time"
    )
    extract.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar, no per-input messages, no summary"
    )

    detect = commands.add_parser("detect", help="tell which outlet each input belongs to")
    detect.add_argument("paths", nargs="+", metavar="PATH", help="file, folder, or - for stdin")
    detect.add_argument("--url", help="URL of the page (only with a single input file)")

    listing = commands.add_parser(
        "outlets", help="list the registered outlets and the plugins providing them"
    )
    listing.add_argument(
        "--markdown",
        action="store_true",
        help="print a Markdown reference of the outlets and their page shapes",
    )
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {text}")
    return value


def _jobs(text: str) -> int:
    return 0 if text == "0" else _positive(text)


@contextlib.contextmanager
def _open_output(path: str | None, binary: bool) -> Iterator[TextIO | IO[bytes]]:
    if path is None or path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    if binary:
        with Path(path).open("wb") as stream:
            yield stream
        return
    with Path(path).open("w", encoding="utf-8", newline="") as text:
        yield text


class _RecordGuard:
    """Keeps Ctrl-C from landing in the middle of writing a record.

    Outside :meth:`writing`, Ctrl-C interrupts at once (even a wait for input); inside,
    it is held until the record is written. Either way the outputs end on a complete
    record once their writers are closed.
    """

    def __init__(self) -> None:
        self.inside = False
        self.held = False
        self.previous: Any = None

    def __enter__(self) -> _RecordGuard:
        self.previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def __exit__(self, *_exc: object) -> None:
        signal.signal(signal.SIGINT, self.previous)

    def _handle(self, _signum: int, _frame: FrameType | None) -> None:
        if not self.inside:
            raise KeyboardInterrupt
        self.held = True

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        self.inside = True
        try:
            yield
        finally:
            self.inside = False
        if self.held:
            raise KeyboardInterrupt


def _extract(args: argparse.Namespace, registry: Registry) -> int:
    # Usage errors come before any work and before any file is created.
    if args.outlet is not None:
        registry.get(args.outlet)
    check_format(args.format)
    jobs = resolve_jobs(args.jobs)
    tally = Tally()
    progress = Progress(enabled=not args.quiet)
    binary = args.format in BINARY_FORMATS
    interrupted = False
    try:
        with _RecordGuard() as guard, contextlib.ExitStack() as stack:
            out = stack.enter_context(_open_output(args.output, binary))
            writer = make_writer(args.format, out)
            errors = (
                stack.enter_context(Path(args.errors).open("w", encoding="utf-8")) if args.errors else None
            )
            results = run(
                iter_sources(args.paths, url=args.url),
                outlet=args.outlet,
                jobs=jobs,
                ordered=not args.unordered,
                chunksize=args.chunksize,
                registry=registry if jobs == 1 else None,
            )
            # Closed in reverse: the workers stop first, then the outputs are completed.
            stack.callback(progress.close)
            stack.callback(writer.close)
            stack.callback(results.close)
            for result in results:
                with guard.writing():
                    tally.add(result)
                    progress.update(result)
                    if result.ok and isinstance(writer, (JsonLinesWriter, JsonWriter)):
                        # encoded once (by a worker, with --jobs) and written as it is
                        writer.write_json(result.record_json())
                    elif result.ok:
                        writer.write(result.record())
                    else:
                        if not args.quiet:
                            progress.message(f"presskit: {result.error}")
                        if errors is not None:
                            errors.write(dumps(result.error_record()) + "\n")
    except KeyboardInterrupt:
        interrupted = True
    if not args.quiet:
        print(f"presskit: {tally.summary()}", file=sys.stderr)
    if interrupted:
        print(f"presskit: interrupted after {tally.total} inputs", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_SOME_FAILED if tally.failed else EXIT_OK


def _detect(args: argparse.Namespace, registry: Registry) -> int:
    failed = 0
    for source in iter_sources(args.paths, url=args.url):
        try:
            document = make_document(source.read(), url=source.url, path=source.path, kind=source.kind)
            found = detect_document(document, registry)
        except PresskitError as exc:
            failed += 1
            print(f"presskit: {exc.with_input(source.label)}", file=sys.stderr)
            continue
        print(f"{source.label}\t{found.name}\t{found.confidence:.2f}\t{found.reason}")
    return EXIT_SOME_FAILED if failed else EXIT_OK


def _outlets_markdown(registry: Registry) -> str:
    parts = [
        "# Supported outlets and page shapes",
        "",
        "Generated by `presskit outlets --markdown` from the installed outlets and the example",
        "cases each declares; every shape listed is an invented page run by the test suite.",
    ]
    for info in registry.infos.values():
        outlet = info.outlet
        parts += ["", f"## {outlet.title} (`{outlet.name}`)", "", f"Domains: {', '.join(outlet.domains)}."]
        if outlet.non_article_urls:
            parts.append(f"Rejected by URL: {'; '.join(reason for _, reason in outlet.non_article_urls)}.")
        parts += ["", "| input | shape | result |", "|---|---|---|"]
        for case in outlet.cases:
            kind = "HTML" if case.file.endswith((".html", ".htm")) else "text dump"
            result = f"rejected ({case.reject})" if case.reject else "article"
            parts.append(f"| {kind} | {case.note.replace('|', '/')} | {result} |")
    return "\n".join(parts) + "\n"


def _outlets(registry: Registry, markdown: bool) -> int:
    if markdown:
        sys.stdout.write(_outlets_markdown(registry))
        return EXIT_OK
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
        return _outlets(registry, args.markdown)
    except PresskitError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        # The reader went away (``| head``): not an error. Nothing more can reach it, and the
        # interpreter's own final flush must not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as exc:
        print(f"presskit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


if __name__ == "__main__":
    sys.exit(main())
