#!/usr/bin/env python3
"""Proves that the audit catches what it is there to catch: a copy of a built site is broken on
purpose (a picture without a text alternative, a link to a fragment that does not exist, text
whose contrast is too low, a page wider than a phone) and the audit must fail, naming each page
and element. A check that cannot fail would let the real site through unchecked.

    PY tests/audit/selftest.py SITE        (SITE: a built site, left untouched)
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def main(site: str) -> int:
    work = tempfile.mkdtemp(prefix="valgrund-audit-selftest-")
    broken = os.path.join(work, "broken")
    shutil.copytree(site, broken)
    pages = sorted(os.path.relpath(os.path.join(d, f), broken)
                   for d, _, files in os.walk(broken) for f in files if f.endswith(".html") and f != "index.html")
    with_link = next(p for p in pages if re.search(r'<a href="[^"#:]+\.html"', open(os.path.join(broken, p), encoding="utf-8").read()))
    picture_page, wide_page = pages[0], pages[-1]

    def edit(page: str, change) -> None:
        path = os.path.join(broken, page)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        changed = change(text)
        assert changed != text, f"could not break {page}"
        with open(path, "w", encoding="utf-8") as f:
            f.write(changed)

    # The picture exists, so only the missing alt attribute is wrong.
    picture = next(os.path.relpath(os.path.join(d, f), os.path.join(broken, os.path.dirname(picture_page)))
                   for d, _, files in os.walk(broken) for f in files if f.endswith(".svg"))
    edit(picture_page, lambda t: t.replace("<main", f'<img id="selftest-picture" src="{picture}"><main', 1))
    edit(with_link, lambda t: re.sub(r'(<a href="[^"#:]+\.html)"', r'\1#selftest-finns-inte"', t, count=1))
    edit(wide_page, lambda t: t.replace("<main", '<div id="selftest-wide" style="width:900px">bred</div><main', 1))
    css = next(os.path.join(d, f) for d, _, files in os.walk(broken) for f in files if f.endswith(".css"))
    with open(css, "a", encoding="utf-8") as f:
        f.write("\nh1 { color: #c8c8c8 !important; }\n")

    run = subprocess.run([sys.executable, os.path.join(HERE, "audit.py"), broken], capture_output=True, text=True)
    output = run.stdout + run.stderr
    site_name = os.path.basename(broken)
    expected = {
        "a picture without alt text": rf"{site_name}/{re.escape(picture_page)}: error: \[critical\] image-alt: .*#selftest-picture",
        "a broken fragment": rf"{site_name}/{re.escape(with_link)}:\d+:\d+: error: <a [^>]*#selftest-finns-inte\">: no id=\"selftest-finns-inte\"",
        "a contrast failure": rf"{site_name}/[^:]+\.html: error: \[serious\] color-contrast: .* h1",
        "a page wider than 320 px": rf"{site_name}/{re.escape(wide_page)}: error: \[serious\] reflow .*div#selftest-wide",
    }
    missed = [what for what, pattern in expected.items() if not re.search(pattern, output)]
    for what in expected:
        print(("ok   " if what not in missed else "FAIL ") + f"the audit reports {what}, with its page and element")
    if run.returncode != 1:
        missed.append(f"exit status {run.returncode}, not 1")
        print(f"FAIL the audit exits with 1 (it exited with {run.returncode})")
    if missed:
        print(output[-4000:])
    shutil.rmtree(work, ignore_errors=True)
    return 1 if missed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1]))
