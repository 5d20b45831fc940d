#!/usr/bin/env python3
"""What reading Kolada's responses adds to a build: `valgrund check` with and without them.

Copies SOURCE (the sample by default) twice into a temporary folder. In both copies every key
figure whose groups Kolada fills gets a `kolada:` and a `kolada_unit:` KPI, site.yaml compares
the municipality with three others, and the unit files are copied until there are --units
units, each with a `kolada:` id, so that every value generated is one the content asks for.
Into one copy's content/kolada/ it writes --files responses of about --megabytes in all, shaped
as Kolada's API (version 2) answers: entries of KPI × municipality or unit × year, each with K,
M and T values, a few of them null. Most of the bytes are units' values, as in a large
municipality's download (a unit's file holds a few years; Kolada has many). Then it times `valgrund check` on both copies --runs times, in
turn, and prints the medians and their difference (the issue asks for under 0.2 s for 200
files and 10 MB).

Standard library only. Example (from the repository root, after `swift build -c release`):

    python3 bench/kolada_load.py --binary .build/release/valgrund
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def unit_id(index: int) -> str:
    return "V15E2083%05d" % index


def prepare(source: str, target: str, municipalities: list[str], units: int) -> list[str]:
    """Copies SOURCE to TARGET with Kolada keys on its key figures and units; returns the KPIs."""
    shutil.copytree(os.path.join(source, "content"), os.path.join(target, "content"))
    shutil.rmtree(os.path.join(target, "content", "kolada"), ignore_errors=True)
    if os.path.isdir(os.path.join(source, "themes")):
        shutil.copytree(os.path.join(source, "themes"), os.path.join(target, "themes"))
    figures_path = os.path.join(target, "content", "key-figures.yaml")
    lines = open(figures_path, encoding="utf-8").read().split("\n")
    out, kpis = [], []
    for line in lines:
        if re.match(r"^\s+kolada(_unit)?:", line):
            continue
        out.append(line)
        groups = re.match(r"^  groups: \[(.*)\]", line)
        if groups and any(g.strip() in ("women", "men", "girls", "boys", "total") for g in groups.group(1).split(",")):
            kpi = "N%05d" % (10000 + len(kpis))
            kpis.append(kpi)
            out.append("  kolada: " + kpi)
            out.append("  kolada_unit: U%s" % kpi[1:])
    open(figures_path, "w", encoding="utf-8").write("\n".join(out))
    site_path = os.path.join(target, "content", "site.yaml")
    site = [l for l in open(site_path, encoding="utf-8").read().split("\n")]
    kept, skipping = [], False
    for line in site:
        if line.startswith("kolada:"):
            skipping = True
            continue
        if skipping and line.startswith(" "):
            continue
        skipping = False
        kept.append(line)
    kept.append('kolada:\n  municipality: "2083"\n  compare:')
    kept += ['    - {id: "%s", name: Kommun %s}' % (m, m) for m in municipalities]
    open(site_path, "w", encoding="utf-8").write("\n".join(kept) + "\n")
    folder = os.path.join(target, "content", "units")
    originals = sorted(f for f in os.listdir(folder) if f.endswith(".yaml"))
    texts = [re.sub(r"(?m)^kolada:.*\n", "", open(os.path.join(folder, f), encoding="utf-8").read()) for f in originals]
    # The sample's own units keep their ids (examples refer to them); copies make up the rest.
    for index in range(units):
        text = texts[index % len(texts)]
        name = re.search(r"(?m)^name: (.*)$", text).group(1)
        copy = index >= len(originals)
        text = re.sub(r"(?m)^name: .*$", "name: %s%s\nkolada: %s" % (name, " %d" % index if copy else "", unit_id(index)), text, count=1)
        file = "enhet-%03d.yaml" % index if copy else originals[index]
        open(os.path.join(folder, file), "w", encoding="utf-8").write(text)
    return kpis


def responses(folder: str, kpis: list[str], municipalities: list[str], units: int, files: int, megabytes: float, seed: int) -> int:
    """Writes the responses; returns their total size in bytes."""
    rng = random.Random(seed)
    entries = []
    for kpi in kpis:
        for subject in ["2083"] + municipalities:
            # The years the sample's key figures already have: more years would add year pages,
            # which is the pages' cost, not the reading's.
            for year in range(2024, 2027):
                entries.append((kpi, "municipality", subject, year))
        for index in range(units):
            for year in range(1900, 2201):
                entries.append(("U" + kpi[1:], "ou", unit_id(index), year))
    rng.shuffle(entries)
    target = megabytes * 1_000_000
    per_file = target / files
    os.makedirs(folder, exist_ok=True)
    total, index = 0, 0
    for number in range(files):
        values = []
        size = 0
        while size < per_file and index < len(entries):
            kpi, key, subject, year = entries[index]
            index += 1
            genders = []
            for gender in "KMT":
                value = None if rng.random() < 0.03 else round(rng.uniform(0, 100), 1)
                genders.append({"count": 1, "gender": gender, "status": "", "value": value})
            entry = {"kpi": kpi, key: subject, "period": year, "values": genders}
            values.append(entry)
            size += len(json.dumps(entry)) + 2
        text = json.dumps({"count": len(values), "next_page": None, "previous_page": None, "values": values})
        open(os.path.join(folder, "page-%03d.json" % number), "w", encoding="utf-8").write(text)
        total += len(text)
    if index >= len(entries):
        sys.exit("too few distinct entries for that size: give more --units")
    return total


def timed(binary: str, source: str, as_of: str) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, all threads) of one `valgrund check`: on a
    shared machine the CPU time says more about the work than the wall clock."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([binary, "check", "--source", source, "--as-of", as_of], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        sys.exit("check failed on %s:\n%s" % (source, run.stderr[-2000:]))
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "valgrund"))
    ap.add_argument("--source", default=ROOT)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--megabytes", type=float, default=10)
    ap.add_argument("--units", type=int, default=16)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--as-of", default="2026-11-25")
    ap.add_argument("--keep", action="store_true", help="leave the two copies in place and print where")
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="valgrund-kolada-")
    without, with_data = os.path.join(scratch, "without"), os.path.join(scratch, "with")
    municipalities = ["0000", "2084", "1982"]
    kpis = prepare(args.source, without, municipalities, args.units)
    prepare(args.source, with_data, municipalities, args.units)
    size = responses(os.path.join(with_data, "content", "kolada"), kpis, municipalities, args.units, args.files, args.megabytes, args.seed)
    print("%d responses, %.1f MB, for %d KPIs, 4 municipalities and %d units" % (args.files, size / 1e6, len(kpis), args.units))
    times = {"without": [], "with": []}
    timed(args.binary, without, args.as_of)  # warm the file cache
    timed(args.binary, with_data, args.as_of)
    for _ in range(args.runs):
        times["without"].append(timed(args.binary, without, args.as_of))
        times["with"].append(timed(args.binary, with_data, args.as_of))
    for name, values in times.items():
        wall, cpu = [v[0] for v in values], [v[1] for v in values]
        print("%-8s median %.3f s wall, %.3f s CPU  (wall: %s)" % (
            name, statistics.median(wall), statistics.median(cpu), ", ".join("%.3f" % v for v in wall)))
    for index, what in ((0, "wall"), (1, "CPU")):
        added = statistics.median(v[index] for v in times["with"]) - statistics.median(v[index] for v in times["without"])
        print("added by the responses: %.3f s %s" % (added, what))
    if args.keep:
        print("copies in", scratch)
    else:
        shutil.rmtree(scratch)
    return 0


if __name__ == "__main__":
    sys.exit(main())
