"""Throughput and peak memory of presskit, and of trafilatura on the same HTML pages.

Run from the repository root, after ``pip install -e '.[bench]'``::

    python benchmarks/bench.py                  # text dumps and HTML pages, 1 and N jobs
    python benchmarks/bench.py --text 2000 --html 500 --jobs 4 --no-trafilatura

The corpora are generated from presskit's own invented cases (see ``corpus.py``) in a
temporary folder. Every measurement runs in a fresh process that reads the files,
extracts them and writes JSON Lines records to /dev/null, as ``presskit extract``
does (with workers, they encode the records); its peak memory is the maximum
resident size of that process (and, with workers, of the largest worker).

With N jobs, N independent one-job processes also run side by side, each on a slice
of the corpus: their throughput is the most N workers could reach on this machine
(cores that share caches, memory bandwidth or a hypervisor's time give less than N×).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402 - the folder is put on the path just above


def _peak_mib(who: int) -> float:
    if who == resource.RUSAGE_SELF:
        # The high-water mark of this program alone: ru_maxrss would also count what the
        # parent (which made the corpora) used, as Linux keeps it across exec.
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
        except OSError:
            pass
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def measure_presskit(folder: str, jobs: int, part: tuple[int, int] = (0, 1)) -> dict[str, Any]:
    """Extract every file of ``folder`` with ``jobs`` processes; records go to /dev/null.

    ``part`` ``(k, n)`` takes the k-th of n interleaved slices of the folder's files only.
    """
    from presskit.inputs import iter_sources
    from presskit.pipeline import run
    from presskit.registry import default_registry
    from presskit.writers import JsonLinesWriter

    start = time.perf_counter()
    # As `presskit extract` does: the registry is built first, in this process; worker
    # processes forked from it (Linux) then find it built.
    default_registry()
    articles = failures = 0
    with Path(os.devnull).open("w", encoding="utf-8") as sink:
        writer = JsonLinesWriter(sink)
        k, n = part
        inputs = [folder] if n == 1 else [str(path) for path in sorted(Path(folder).iterdir())[k::n]]
        for result in run(iter_sources(inputs), jobs=jobs):
            if result.ok:
                articles += 1
                writer.write_json(result.record_json())
            else:
                failures += 1
        writer.close()
    seconds = time.perf_counter() - start
    return {
        "documents": articles + failures,
        "failures": failures,
        "seconds": seconds,
        "peak_mib": _peak_mib(resource.RUSAGE_SELF),
        # None when no worker was started (a corpus of a single batch stays in-process).
        "worker_peak_mib": _peak_mib(resource.RUSAGE_CHILDREN) or None,
    }


def measure_trafilatura(folder: str, mode: str) -> dict[str, Any]:
    """trafilatura.extract on every file of ``folder``, in ``fast`` or ``default`` mode."""
    import trafilatura

    paths = sorted(Path(folder).iterdir())
    start = time.perf_counter()
    empty = 0
    for path in paths:
        text = trafilatura.extract(path.read_bytes(), fast=(mode == "fast"), output_format="json")
        empty += text is None
    seconds = time.perf_counter() - start
    return {
        "documents": len(paths),
        "failures": empty,
        "seconds": seconds,
        "peak_mib": _peak_mib(resource.RUSAGE_SELF),
        "worker_peak_mib": None,
    }


def _in_subprocess(*args: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", *args], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _independent(jobs: int, folder: str) -> dict[str, Any]:
    """``jobs`` one-job processes at once, each on a slice of ``folder``: what the machine
    gives when nothing is shared, the ceiling of what ``jobs`` workers can reach."""
    command = [sys.executable, __file__, "--measure", "presskit", "1", folder]
    running = [
        subprocess.Popen([*command, "--part", f"{k}/{jobs}"], stdout=subprocess.PIPE, text=True)
        for k in range(jobs)
    ]
    results = [json.loads(process.communicate()[0]) for process in running]
    if any(process.returncode for process in running):
        raise RuntimeError("a measuring process failed")
    return {
        "documents": sum(result["documents"] for result in results),
        "failures": sum(result["failures"] for result in results),
        # Each process times itself after its imports; they run side by side.
        "seconds": max(result["seconds"] for result in results),
        "peak_mib": max(result["peak_mib"] for result in results),
        "worker_peak_mib": None,
    }


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--text", type=int, default=5000, help="text dumps to generate (about 10 KB each)")
    parser.add_argument("--html", type=int, default=1000, help="HTML pages to generate (about 30 KB each)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for the parallel runs")
    parser.add_argument("--no-trafilatura", action="store_true", help="skip the trafilatura runs")
    parser.add_argument(
        "--keep", metavar="DIR", help="write the corpora to DIR/text and DIR/html, and keep them"
    )
    parser.add_argument("--measure", nargs=3, metavar=("WHAT", "ARG", "FOLDER"), help=argparse.SUPPRESS)
    parser.add_argument("--part", default="0/1", help=argparse.SUPPRESS)
    args = parser.parse_args()

    if args.measure:
        what, arg, folder = args.measure
        if what == "presskit":
            k, n = (int(number) for number in args.part.split("/"))
            result = measure_presskit(folder, int(arg), (k, n))
        else:
            result = measure_trafilatura(folder, arg)
        print(json.dumps(result))
        return

    print(f"machine: {os.cpu_count()} cores ({_cpu_model()}), Python {platform.python_version()}")
    print(f"load average before: {os.getloadavg()[0]:.2f} (other programs share the cores)")
    print(f"command: python benchmarks/bench.py {' '.join(sys.argv[1:])}".rstrip())
    rows: list[tuple[str, dict[str, Any]]] = []
    with tempfile.TemporaryDirectory(prefix="presskit-bench-") as tmp:
        root = Path(args.keep) if args.keep else Path(tmp)
        text_dir, html_dir = root / "text", root / "html"
        write_corpus(text_dir, "txt", args.text, 10_000)
        write_corpus(html_dir, "html", args.html, 30_000)
        for label, folder in (("text dumps", text_dir), ("HTML pages", html_dir)):
            files = list(folder.iterdir())
            size = sum(path.stat().st_size for path in files) / len(files)
            print(f"{label}: {len(files)} files, {size / 1000:.1f} KB on average")
            for jobs in sorted({1, args.jobs}):
                name = f"presskit, {label}, {jobs} job{'s' * (jobs > 1)}"
                rows.append((name, _in_subprocess("presskit", str(jobs), str(folder))))
            if args.jobs > 1:
                name = f"{args.jobs} independent 1-job processes, {label}"
                rows.append((name, _independent(args.jobs, str(folder))))
        if not args.no_trafilatura:
            for mode in ("fast", "default"):
                name = f"trafilatura {mode}, HTML pages"
                rows.append((name, _in_subprocess("trafilatura", mode, str(html_dir))))

    print(f"load average after: {os.getloadavg()[0]:.2f}")
    print()
    print("| run | documents | docs/s | peak memory (MiB) |")
    print("|---|---:|---:|---:|")
    rates = {}
    for label, result in rows:
        rate = result["documents"] / result["seconds"]
        rates[label] = rate
        memory = f"{result['peak_mib']:.0f}"
        if result["worker_peak_mib"] is not None:
            memory += f" + {result['worker_peak_mib']:.0f} per worker"
        print(f"| {label} | {result['documents']} | {rate:,.0f} | {memory} |")
    print()
    for label in ("text dumps", "HTML pages"):
        one, many = rates[f"presskit, {label}, 1 job"], rates.get(f"presskit, {label}, {args.jobs} jobs")
        ceiling = rates.get(f"{args.jobs} independent 1-job processes, {label}")
        if many and ceiling:
            print(
                f"{label}: {args.jobs} jobs are {many / one:.2f}× one job; {args.jobs} independent"
                f" processes on slices of the corpus, {ceiling / one:.2f}×"
            )
    html_one = rates["presskit, HTML pages, 1 job"]
    for mode in ("fast", "default"):
        other = rates.get(f"trafilatura {mode}, HTML pages")
        if other:
            print(f"HTML pages, one core: presskit is {html_one / other:.1f}× trafilatura's {mode} mode")


if __name__ == "__main__":
    main()
