#!/usr/bin/env python3
"""Two Valgrund binaries' full builds compared on a machine whose speed drifts.

On a shared machine the speed can drift by a fifth within minutes, so two binaries timed one after
the other differ by more than a change costs. Here both build the same corpus *at the same time*,
each pinned to a core of its own (`taskset`), and the cores are swapped every round: whatever the
machine does falls on both alike. Each build runs on one core, so the figures are CPU cost, not a
two-core build's wall time (bench/run.py measures that, with Hugo in the same run).

Prints every round and the ratio of the sums (wall and user time), the median round and the
range. Standard library only; needs `taskset` (util-linux) and two cores. Example:

    python3 bench/paired.py --baseline /tmp/valgrund-before --rounds 8 10k
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import AS_OF, REPO, ensure_corpus, parse_size  # noqa: E402


def build(binary: str, core: int, corpus: str, output: str) -> subprocess.Popen:
    shutil.rmtree(output, ignore_errors=True)
    shutil.rmtree(os.path.join(corpus, ".valgrund-cache"), ignore_errors=True)
    cmd = ["taskset", "-c", str(core), "/usr/bin/time", "-f", "%e %U", binary, "build",
           "--source", corpus, "--output", output, "--as-of", AS_OF]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def seconds(process: subprocess.Popen) -> tuple[float, float]:
    _, err = process.communicate()
    if process.returncode != 0:
        raise SystemExit(f"a build failed:\n{err[-2000:]}")
    wall, user = err.strip().splitlines()[-1].split()
    return float(wall), float(user)


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("size", help="pages: 1k, 10k or a number")
    ap.add_argument("--baseline", required=True, help="the binary to compare against")
    ap.add_argument("--binary", default=os.path.join(REPO, ".build", "release", "valgrund"))
    ap.add_argument("--rounds", type=int, default=8)
    ap.add_argument("--root", default="/dev/shm/valgrund-bench" if os.path.isdir("/dev/shm") else "/tmp/valgrund-bench")
    args = ap.parse_args(argv)
    if (os.cpu_count() or 1) < 2 or not shutil.which("taskset"):
        raise SystemExit("needs two cores and taskset")
    corpus, _ = ensure_corpus(args.root, parse_size(args.size), with_hugo=False)
    # Each build has its own copy of the corpus: the build cache lives inside it.
    with tempfile.TemporaryDirectory(dir=args.root) as work:
        copies = [corpus, os.path.join(work, "corpus")]
        shutil.copytree(corpus, copies[1], ignore=shutil.ignore_patterns(".valgrund-cache"))
        totals = {"baseline": [0.0, 0.0], "binary": [0.0, 0.0]}
        ratios = []
        for round_ in range(args.rounds):
            cores = (0, 1) if round_ % 2 == 0 else (1, 0)
            runs = {
                "baseline": build(args.baseline, cores[0], copies[0], os.path.join(work, "out-a")),
                "binary": build(args.binary, cores[1], copies[1], os.path.join(work, "out-b")),
            }
            timed = {name: seconds(process) for name, process in runs.items()}
            for name, (wall, user) in timed.items():
                totals[name][0] += wall
                totals[name][1] += user
            ratios.append(timed["binary"][0] / timed["baseline"][0])
            print(f"round {round_ + 1}: baseline {timed['baseline'][0]:.2f} s (core {cores[0]}), "
                  f"binary {timed['binary'][0]:.2f} s (core {cores[1]}), ratio {ratios[-1]:.3f}", flush=True)
    wall = totals["binary"][0] / totals["baseline"][0]
    user = totals["binary"][1] / totals["baseline"][1]
    print(f"\n{args.rounds} rounds: wall {totals['baseline'][0]:.1f} s → {totals['binary'][0]:.1f} s ({wall - 1:+.1%}), "
          f"user {totals['baseline'][1]:.1f} s → {totals['binary'][1]:.1f} s ({user - 1:+.1%}); "
          f"rounds from {min(ratios) - 1:+.1%} to {max(ratios) - 1:+.1%}, median {statistics.median(ratios) - 1:+.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
