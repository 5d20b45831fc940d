#!/usr/bin/env python3
"""Valgrund's benchmark: generate a synthetic municipality, build it, print a table.

For each SIZE (1k, 10k, 50k: pages; a tenth as many unit files) it writes the corpus with
bench/make_corpus.py (once, with its fixed seed; kept under --root), then measures under
/usr/bin/time -v, median of --runs runs, each after one untimed warm-up:

  full         a cold `valgrund build` into a fresh output folder on --root (tmpfs by default)
  full (disk)  the same with the output on --disk-root (a real disk: file creation costs there)
  no-op        a rebuild with nothing changed (also checks that it wrote no file)
  page edit    a rebuild after a sentence is added to one page
  unit edit    a rebuild after one value in one unit file changes
  serve edit   under `valgrund serve`: from saving a sentence added to one page to the site
               updated on disk (the server's "Rebuilt" line); bench/reload_time.py adds the
               browser's reload
  hugo         Hugo's full build of the same pages, when `hugo` is installed

Standard library only. Example (from the repository root):

    python3 bench/run.py 1k 10k
    python3 bench/run.py --runs 3 --root /dev/shm/valgrund-bench 1k 10k 50k
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAKE_CORPUS = os.path.join(REPO, "bench", "make_corpus.py")
AS_OF = "2026-11-25"


def parse_size(label: str) -> int:
    match = re.fullmatch(r"(\d+)([kK]?)", label)
    if not match:
        raise SystemExit(f"not a size: {label} (write 1k, 10k, 50k or a number)")
    return int(match.group(1)) * (1000 if match.group(2) else 1)


def run_timed(cmd: list[str]) -> dict:
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        started = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", report.name, *cmd],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - started
        text = report.read()
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed:\n{proc.stderr[-3000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return {"wall": wall, "rss": rss, "out": proc.stdout}


def median(cmd: list[str], runs: int, before=None) -> dict:
    results = []
    for attempt in range(runs + 1):
        if before:
            before()
        result = run_timed(cmd)
        if attempt > 0:  # the first run warms the page cache
            results.append(result)
    return {"wall": statistics.median(r["wall"] for r in results),
            "rss": statistics.median(r["rss"] for r in results),
            "walls": [r["wall"] for r in results], "out": results[-1]["out"]}


def files_state(folder: str) -> dict:
    state = {}
    for root, _dirs, files in os.walk(folder):
        for name in files:
            path = os.path.join(root, name)
            info = os.stat(path)
            state[path] = (info.st_ino, info.st_mtime_ns)
    return state


def ensure_corpus(root: str, pages: int, with_hugo: bool) -> tuple[str, str]:
    corpus = os.path.join(root, f"corpus-{pages}")
    hugo = os.path.join(root, f"hugo-{pages}")
    stamp = os.path.join(corpus, ".made")
    # The stamp holds the generator's hash, so a corpus written by another version is written again.
    with open(MAKE_CORPUS, "rb") as script:
        generator = hashlib.sha256(script.read()).hexdigest()
    made = open(stamp, encoding="utf-8").read() if os.path.exists(stamp) else None
    if made != generator or (with_hugo and not os.path.isdir(hugo)):
        cmd = [sys.executable, MAKE_CORPUS, "--pages", str(pages), "--units", str(max(1, pages // 10)),
               "--out", corpus, "--order-key", "order", "--force"]
        if with_hugo:
            cmd += ["--hugo-out", hugo]
        print(f"writing a corpus of {pages} pages to {corpus} …", file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        with open(stamp, "w", encoding="utf-8") as f:
            f.write(generator)
    return corpus, hugo


class Editor:
    """Edits one page or one unit file per run, and puts everything back afterwards."""

    def __init__(self, corpus: str):
        pages = []
        for root, _dirs, files in os.walk(os.path.join(corpus, "content")):
            pages += [os.path.join(root, f) for f in files if f.endswith(".md") and f != "index.md"]
        units = sorted(os.path.join(corpus, "content", "units", f)
                       for f in os.listdir(os.path.join(corpus, "content", "units")) if f.endswith(".yaml"))
        self.page = sorted(pages)[len(pages) // 2]
        self.unit = units[len(units) // 2] if units else None
        self.originals = {p: open(p, encoding="utf-8").read() for p in [self.page, self.unit] if p}
        self.count = 0

    def edit_page(self):
        self.count += 1
        with open(self.page, "a", encoding="utf-8") as f:
            f.write(f"\nEn ny mening i mätning {self.count}.\n")

    def edit_unit(self):
        self.count += 1
        text = open(self.unit, encoding="utf-8").read()
        # The first number after "self_assessment:", changed by one each run.
        new = re.sub(r"(self_assessment: )(\d+)", lambda m: m.group(1) + str(int(m.group(2)) % 50 + 1), text, count=1)
        if new == text:
            new = text + f"\n# mätning {self.count}\n"
        open(self.unit, "w", encoding="utf-8").write(new)

    def restore(self):
        for path, text in self.originals.items():
            open(path, "w", encoding="utf-8").write(text)


def serve_edit(binary: str, corpus: str, output: str, editor: Editor, runs: int) -> float | None:
    """Median seconds from saving a page edit to `valgrund serve` reporting the site rebuilt."""
    shutil.rmtree(output, ignore_errors=True)
    process = subprocess.Popen([binary, "serve", "--source", corpus, "--output", output, "--port", "0", "--as-of", AS_OF],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[tuple[float, str]] = []
    ready = threading.Event()

    def read():
        for line in process.stdout:
            lines.append((time.perf_counter(), line))
            if line.startswith("Serving"):
                ready.set()
    threading.Thread(target=read, daemon=True).start()
    times = []
    try:
        if not ready.wait(600):
            return None
        time.sleep(1.5)  # past the file-time margin of the first build
        for _ in range(runs):
            seen = len(lines)
            started = time.perf_counter()
            editor.edit_page()
            while not any(line.startswith("Rebuilt") for _, line in lines[seen:]):
                if time.perf_counter() - started > 120:
                    return None
                time.sleep(0.001)
            done = next(at for at, line in lines[seen:] if line.startswith("Rebuilt"))
            times.append(done - started)
            time.sleep(1.0)
    finally:
        process.terminate()
        process.wait(timeout=60)
        shutil.rmtree(output, ignore_errors=True)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("sizes", nargs="+", help="pages: 1k, 10k, 50k or a number")
    ap.add_argument("--root", default="/dev/shm/valgrund-bench" if os.path.isdir("/dev/shm") else "/tmp/valgrund-bench",
                    help="where corpora and outputs go (default: tmpfs)")
    ap.add_argument("--disk-root", default="/var/tmp/valgrund-bench", help="where the on-disk output goes")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "valgrund"))
    ap.add_argument("--no-disk", action="store_true", help="skip the build with the output on disk")
    args = ap.parse_args(argv)
    if not os.path.exists(args.binary):
        subprocess.run(["swift", "build", "-c", "release", "--product", "valgrund"], cwd=REPO, check=True)
    hugo = shutil.which("hugo")
    os.makedirs(args.root, exist_ok=True)
    os.makedirs(args.disk_root, exist_ok=True)
    print(f"Valgrund {args.binary}; {os.cpu_count()} cores; medians of {args.runs}; Hugo: {hugo or 'not installed'}\n")
    print("| pages + units | full build | peak RSS | full, output on disk | no-op | files changed by no-op "
          "| page edit | unit edit | serve edit | Hugo full build | Valgrund / Hugo |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label in args.sizes:
        pages = parse_size(label)
        corpus, hugo_site = ensure_corpus(args.root, pages, hugo is not None)
        output = os.path.join(args.root, f"out-{pages}")
        build = [args.binary, "build", "--source", corpus, "--output", output, "--as-of", AS_OF]
        fresh = lambda: shutil.rmtree(output, ignore_errors=True)  # noqa: E731
        full = median(build, args.runs, fresh)

        disk = None
        if not args.no_disk:
            disk_output = os.path.join(args.disk_root, f"out-{pages}")
            disk = median([args.binary, "build", "--source", corpus, "--output", disk_output, "--as-of", AS_OF],
                          args.runs, lambda: shutil.rmtree(disk_output, ignore_errors=True))
            shutil.rmtree(disk_output, ignore_errors=True)

        fresh()
        run_timed(build)
        time.sleep(1.2)  # file times within a second of a build are not trusted (docs/performance.md)
        before = files_state(output)
        noop = median(build, args.runs)
        changed = sum(1 for path, state in files_state(output).items() if before.get(path) != state)
        changed += len(set(before) - set(files_state(output)))

        editor = Editor(corpus)
        try:
            page_edit = median(build, args.runs, editor.edit_page)
            unit_edit = median(build, args.runs, editor.edit_unit) if editor.unit else None
            editor.restore()
            served = serve_edit(args.binary, corpus, output + "-serve", editor, max(args.runs, 5))
        finally:
            editor.restore()

        hugo_result = None
        if hugo:
            hugo_output = os.path.join(args.root, f"hugo-out-{pages}")
            hugo_result = median([hugo, "--quiet", "-s", hugo_site, "-d", hugo_output], args.runs,
                                 lambda: shutil.rmtree(hugo_output, ignore_errors=True))
            shutil.rmtree(hugo_output, ignore_errors=True)

        def seconds(result):
            return f"{result['wall']:.2f} s" if result else "–"
        ratio = f"{full['wall'] / hugo_result['wall']:.2f}" if hugo_result else "–"
        print(f"| {pages:,} + {max(1, pages // 10):,} | {seconds(full)} | {full['rss']:.0f} MB | {seconds(disk)} "
              f"| {seconds(noop)} | {changed} | {seconds(page_edit)} | {seconds(unit_edit)} "
              f"| {f'{served * 1000:.0f} ms' if served is not None else '–'} | {seconds(hugo_result)} | {ratio} |",
              flush=True)
        shutil.rmtree(output, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
