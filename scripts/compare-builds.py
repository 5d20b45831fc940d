#!/usr/bin/env python3
"""Build the same sites with Valgrund of two revisions and compare the outputs byte for byte.

    scripts/compare-builds.py OLD_REV [NEW_REV]

OLD_REV (and NEW_REV, when given) is checked out with `git worktree` into a temporary folder and
built there (`swift build -c release`) with a scratch path of its own, so nothing is shared with
the working tree's .build; the working tree's resolved dependencies (.build/checkouts,
.build/repositories, Package.resolved) are copied in, so no network is needed. A commit's binary
is kept in ~/.cache/valgrund-compare-builds/<commit>/ and used again on the next run (--rebuild
builds it anew). Without NEW_REV the new side is the working tree as it is, uncommitted changes
included, built in its own .build.

Each side then builds, into fresh folders, as of 2026-11-25:

  sample-intranet, sample-public  the repository's own site (its root as --source), both audiences
  other-intranet, other-public    Tests/Fixtures/other-municipality (formerly under
                                  Tests/ValgrundTests/), both audiences
  corpus-10k                      bench/make_corpus.py --pages 10000 (fixed seed; the working
                                  tree's generator, the same input for both sides)

and every file of the two outputs is compared byte for byte, as are the builds' exit status and
diagnostics. The one thing left out is the random site id in the `.valgrund-site` marker, which
is new on every build. It prints the first --show differing files of each site and a summary, and
exits 0 when everything is the same, 1 when anything differs, 2 when a side cannot be built.
When something differs the outputs are kept (the path is printed) for `diff -r`.
"""

from __future__ import annotations

import argparse
import filecmp
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2026-11-25"
MARKER = ".valgrund-site"
# The second municipality, where it lies now and where it lay before the tests followed the modules.
FIXTURES = [os.path.join("Tests", "Fixtures", "other-municipality"),
            os.path.join("Tests", "ValgrundTests", "Fixtures", "other-municipality")]
CACHE = ".valgrund-cache"  # what a build keeps in SOURCE for the next one
DEPENDENCIES = ["checkouts", "repositories", "workspace-state.json"]
BINARIES = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "valgrund-compare-builds")


def git(*args: str, cwd: str = REPO) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout.strip()


class Side:
    """One revision's checkout and binary."""

    def __init__(self, label: str, rev: str | None, scratch: str):
        self.label = label
        self.rev = rev
        if rev is None:
            self.commit = git("rev-parse", "HEAD")
            self.source = REPO
            self.scratch = os.path.join(REPO, ".build")
            self.worktree = None
        else:
            self.commit = git("rev-parse", "--verify", f"{rev}^{{commit}}")
            self.worktree = os.path.join(scratch, label, "source")
            self.source = self.worktree
            self.scratch = os.path.join(scratch, label, "build")

    def name(self, length: int = 12) -> str:
        return self.commit[:length] + (" + working tree" if self.worktree is None else "")

    @property
    def binary(self) -> str:
        if self.worktree is None:
            return os.path.join(self.scratch, "release", "valgrund")
        return os.path.join(BINARIES, self.commit, "valgrund")

    def prepare(self) -> None:
        """The revision's files: its sample site and fixture, and what its binary is built from."""
        if self.worktree is not None:
            git("worktree", "add", "--detach", self.worktree, self.commit)

    def build(self, rebuild: bool) -> None:
        if self.worktree is not None and os.path.exists(self.binary) and not rebuild:
            print(f"{self.label} ({self.name()}): the binary built before, {self.binary}", file=sys.stderr)
            return
        if self.worktree is not None:
            self.copy_dependencies()
        print(f"building {self.label} ({self.name()}) …", file=sys.stderr, flush=True)
        started = time.monotonic()
        cmd = ["swift", "build", "-c", "release", "--product", "valgrund", "--package-path", self.source,
               "--scratch-path", self.scratch]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.stderr.write(proc.stdout[-4000:] + proc.stderr[-4000:])
            raise SystemExit(f"error: Valgrund of {self.label} ({self.name()}) does not build")
        print(f"  built in {time.monotonic() - started:.0f} s", file=sys.stderr, flush=True)
        if self.worktree is not None:
            os.makedirs(os.path.dirname(self.binary), exist_ok=True)
            shutil.copy2(os.path.join(self.scratch, "release", "valgrund"), self.binary + ".part")
            os.replace(self.binary + ".part", self.binary)

    def copy_dependencies(self) -> None:
        # The working tree's pins and clones: the same dependency versions, no network.
        resolved = os.path.join(REPO, "Package.resolved")
        if os.path.exists(resolved):
            shutil.copy2(resolved, os.path.join(self.worktree, "Package.resolved"))
        os.makedirs(self.scratch, exist_ok=True)
        for name in DEPENDENCIES:
            origin = os.path.join(REPO, ".build", name)
            if os.path.isdir(origin):
                shutil.copytree(origin, os.path.join(self.scratch, name), symlinks=True)
            elif os.path.isfile(origin):
                shutil.copy2(origin, os.path.join(self.scratch, name))

    def remove(self) -> None:
        if self.worktree is not None and os.path.isdir(self.worktree):
            subprocess.run(["git", "worktree", "remove", "--force", self.worktree], cwd=REPO,
                           capture_output=True)


def site_cases(side: Side, corpus: str) -> list[tuple[str, str | None, list[str]]]:
    """(name, source or None when the revision lacks it, extra arguments)."""
    fixture = next((os.path.join(side.source, path) for path in FIXTURES
                    if os.path.isdir(os.path.join(side.source, path, "content"))), None)
    fixture_source = None
    if fixture:
        # A copy: the build keeps its cache in SOURCE, which must not land among the working tree's tests.
        fixture_source = os.path.join(os.path.dirname(corpus), side.label, "other-municipality")
        shutil.rmtree(fixture_source, ignore_errors=True)
        shutil.copytree(fixture, fixture_source, symlinks=True)
    return [("sample-intranet", side.source, ["--audience", "intranet"]),
            ("sample-public", side.source, ["--audience", "public"]),
            ("other-intranet", fixture_source, ["--audience", "intranet"]),
            ("other-public", fixture_source, ["--audience", "public"]),
            (os.path.basename(corpus), corpus, ["--audience", "intranet"])]


def build_site(side: Side, source: str, output: str, extra: list[str]) -> tuple[int, list[str]]:
    """Exit status and diagnostics of one cold build."""
    # A cache another binary left in SOURCE must not decide what this build renders.
    shutil.rmtree(os.path.join(source, CACHE), ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    proc = subprocess.run([side.binary, "build", "--source", source, "--output", output, "--as-of", AS_OF, *extra],
                          capture_output=True, text=True)
    diagnostics = [line for line in (proc.stdout + proc.stderr).splitlines()
                   if re.search(r": (error|warning): ", line)]
    return proc.returncode, diagnostics


def tree(root: str) -> dict[str, str]:
    """Relative path -> kind (file, link, folder) of everything under root."""
    entries: dict[str, str] = {}
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(folder, name)
            kind = "link" if os.path.islink(path) else "folder" if os.path.isdir(path) else "file"
            entries[os.path.relpath(path, root)] = kind
    return entries


def without_site_id(path: str) -> bytes:
    with open(path, "rb") as f:
        return re.sub(rb"(?m)^site: [0-9A-Za-z]+$", b"site: -", f.read())


def compare(old: str, new: str) -> list[str]:
    """One line per difference, in path order."""
    if not os.path.isdir(old) or not os.path.isdir(new):
        return [f"output missing: {'old' if not os.path.isdir(old) else 'new'}"]
    a, b = tree(old), tree(new)
    lines = []
    for path in sorted(set(a) | set(b)):
        if path not in b:
            lines.append(f"only in old: {path}")
        elif path not in a:
            lines.append(f"only in new: {path}")
        elif a[path] != b[path]:
            lines.append(f"a {a[path]} in old, a {b[path]} in new: {path}")
        elif a[path] == "link":
            if os.readlink(os.path.join(old, path)) != os.readlink(os.path.join(new, path)):
                lines.append(f"link differs: {path}")
        elif a[path] == "file":
            x, y = os.path.join(old, path), os.path.join(new, path)
            same = (without_site_id(x) == without_site_id(y)) if path == MARKER \
                else filecmp.cmp(x, y, shallow=False)
            if not same:
                lines.append(f"differs: {path}")
    return lines


def first_difference(old: str, new: str) -> str:
    """Where two files first part: the line number and both lines, shortened around the spot."""
    with open(old, "rb") as f:
        a = f.read().split(b"\n")
    with open(new, "rb") as f:
        b = f.read().split(b"\n")
    for number, (x, y) in enumerate(zip(a + [b""] * (len(b) - len(a)), b + [b""] * (len(a) - len(b))), start=1):
        if x != y:
            at = next((k for k in range(min(len(x), len(y))) if x[k] != y[k]), min(len(x), len(y)))
            start = max(0, at - 60)
            show = lambda line: line[start:start + 160].decode("utf-8", "replace")  # noqa: E731
            return f"line {number}:\n    old: {show(x)}\n    new: {show(y)}"
    return "the same lines"


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 1)[1])
    ap.add_argument("old_rev", metavar="OLD_REV")
    ap.add_argument("new_rev", metavar="NEW_REV", nargs="?", help="default: the working tree")
    ap.add_argument("--show", type=int, default=20, help="differing files listed per site (default 20)")
    ap.add_argument("--pages", type=int, default=10000, help="pages of the generated corpus (default 10000)")
    ap.add_argument("--keep", action="store_true", help="keep the outputs also when they are the same")
    ap.add_argument("--rebuild", action="store_true", help="build the revisions' binaries again, not from the cache")
    args = ap.parse_args(argv)

    scratch = tempfile.mkdtemp(prefix="valgrund-compare-")
    old = Side("old", args.old_rev, scratch)
    new = Side("new", args.new_rev, scratch)
    keep = args.keep
    try:
        for side in (old, new):
            side.prepare()
            side.build(args.rebuild)

        label = f"corpus-{args.pages // 1000}k" if args.pages % 1000 == 0 else f"corpus-{args.pages}"
        corpus = os.path.join(scratch, label)
        print(f"writing {label} …", file=sys.stderr, flush=True)
        subprocess.run([sys.executable, os.path.join(REPO, "bench", "make_corpus.py"), "--pages", str(args.pages),
                        "--units", str(max(1, args.pages // 10)), "--out", corpus], check=True, stdout=subprocess.DEVNULL)

        total = 0
        summary = []
        for (name, old_source, extra), (_n, new_source, _e) in zip(site_cases(old, corpus), site_cases(new, corpus)):
            if old_source is None or new_source is None:
                summary.append(f"{name:18} skipped: {'old' if old_source is None else 'new'} has no {FIXTURES[0]}")
                continue
            outputs = {side.label: os.path.join(scratch, "out", side.label, name) for side in (old, new)}
            results = {}
            for side, source in ((old, old_source), (new, new_source)):
                print(f"building {name} with {side.label} …", file=sys.stderr, flush=True)
                results[side.label] = build_site(side, source, outputs[side.label], extra)
            differences = compare(outputs["old"], outputs["new"])
            (old_status, old_diagnostics), (new_status, new_diagnostics) = results["old"], results["new"]
            if old_status != new_status:
                differences.insert(0, f"exit status: old {old_status}, new {new_status}")
            if old_diagnostics != new_diagnostics:
                differences.insert(0, f"diagnostics: old {len(old_diagnostics)} lines, new {len(new_diagnostics)} lines")
            files = sum(1 for kind in tree(outputs["new"]).values() if kind == "file") if os.path.isdir(outputs["new"]) else 0
            total += len(differences)
            summary.append(f"{name:18} {files:6} files, exit {new_status}: "
                           + ("same" if not differences else f"{len(differences)} difference(s)"))
            if differences:
                print(f"\n{name}: {len(differences)} difference(s) between {old.name()} and {new.name()}")
                for line in differences[:args.show]:
                    print(f"  {line}")
                if len(differences) > args.show:
                    print(f"  … and {len(differences) - args.show} more")
                first = next((line[len("differs: "):] for line in differences if line.startswith("differs: ")), None)
                if first:
                    print(f"  {first}, {first_difference(os.path.join(outputs['old'], first), os.path.join(outputs['new'], first))}")
                for label, diagnostics in (("old", old_diagnostics), ("new", new_diagnostics)):
                    if old_diagnostics != new_diagnostics:
                        print(f"  {label} diagnostics (first 5): " + "; ".join(diagnostics[:5]))

        print(f"\nold: {old.name(40)}\nnew: {new.name(40)}")
        print("\n".join(summary))
        print(f"{total} difference(s) in all" + ("" if total else ": the outputs are the same, byte for byte"))
        if total:
            keep = True
        return 1 if total else 0
    finally:
        for side in (old, new):
            side.remove()
            if side.worktree is not None:
                shutil.rmtree(side.scratch, ignore_errors=True)
                # SwiftPM's locks for a scratch path lie in the temporary folder, named after the path.
                for lock in glob.glob(os.path.join(tempfile.gettempdir(), side.scratch.replace("/", "_") + "*.lock")):
                    os.remove(lock)
        if keep:
            print(f"outputs kept in {os.path.join(scratch, 'out')}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
        subprocess.run(["git", "worktree", "prune"], cwd=REPO, capture_output=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
