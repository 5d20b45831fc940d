#!/usr/bin/env python3
"""Browser tests of a built Valgrund site in headless Chromium (Selenium, as scripts/setup-test-tools.sh installs it).

    $(scripts/setup-test-tools.sh) tests/browser/run.py --binary .build/debug/valgrund --source .

Builds the sample site (and a copy with a hostile unit name) into temporary folders, then drives
them over http:// and file://, and `valgrund serve` for live reload. Exits 1 if any check fails.
"""
import argparse
import functools
import http.server
import os
import re
import shutil
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

AS_OF = "2026-11-25"
REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FAILURES = []
CHECKS = []


def check(name, condition, detail=""):
    CHECKS.append(name)
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else f": {detail}"), flush=True)
    if not condition:
        FAILURES.append(name)


def browser():
    options = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,900"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def build(binary, source, output):
    subprocess.run([binary, "build", "--source", source, "--output", output, "--as-of", AS_OF], check=True,
                   stdout=subprocess.DEVNULL)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve_folder(folder):
    handler = functools.partial(QuietHandler, directory=folder)
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def search(driver, query):
    box = driver.find_element(By.ID, "vg-search")
    box.clear()
    box.send_keys(query)
    WebDriverWait(driver, 10).until(lambda d: d.find_element(By.ID, "vg-search-status").text.strip() != "")
    time.sleep(0.3)
    return driver.find_elements(By.CSS_SELECTOR, "#vg-search-list li a")


def site_checks(driver, base, label):
    driver.get(base + "index.html")
    # A word only in the body of one step page, then one typed without its diacritics.
    results = search(driver, "skylt")
    check(f"{label}: search finds the step page by a word from its body",
          bool(results) and results[0].get_attribute("href").endswith("handbok/hemmaplan-1.html"),
          [r.get_attribute("href") for r in results])
    status = driver.find_element(By.ID, "vg-search-status")
    check(f"{label}: the result count is announced", status.get_attribute("aria-live") == "polite" and "träff" in status.text, status.text)
    marks = driver.find_elements(By.CSS_SELECTOR, "#vg-search-list mark")
    check(f"{label}: the match is highlighted", any(m.text.lower() == "skylt" for m in marks), [m.text for m in marks])
    results = search(driver, "paminner")
    check(f"{label}: typing without diacritics still finds it",
          any(r.get_attribute("href").endswith("handbok/hemmaplan-1.html") for r in results), [r.get_attribute("href") for r in results])
    results = search(driver, "påminner")
    check(f"{label}: typing with diacritics finds it", any(r.get_attribute("href").endswith("handbok/hemmaplan-1.html") for r in results))
    results = search(driver, "uppst")
    check(f"{label}: prefix matching as you type", any("uppstart" in r.get_attribute("href") for r in results))
    # Keyboard: arrow down moves into the results, Enter opens one.
    driver.find_element(By.ID, "vg-search").send_keys(Keys.ARROW_DOWN)
    focused = driver.switch_to.active_element
    check(f"{label}: arrow down focuses the first result", focused.tag_name == "a" and "search-result-link" in (focused.get_attribute("class") or ""))
    search(driver, "skylt")[0].click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("hemmaplan-1.html"))
    check(f"{label}: a result link opens the page", driver.find_element(By.TAG_NAME, "h1").text.startswith("Aktiviteter på hemmaplan"))
    # Previous and next within the section, and the sidebar.
    driver.find_element(By.CSS_SELECTOR, "a.next").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("delarsavstamning.html"))
    # Long words carry soft hyphens (U+00AD); a reader sees them only where a line breaks.
    check(f"{label}: next opens the next step", driver.find_element(By.TAG_NAME, "h1").text.replace("\u00ad", "") == "Delårsavstämning")
    driver.find_element(By.CSS_SELECTOR, "a.previous").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("hemmaplan-1.html"))
    check(f"{label}: previous goes back", True)
    driver.find_element(By.CSS_SELECTOR, "#vg-menu a[href$='larande-uppfoljning/index.html']").click()
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith("larande-uppfoljning/index.html"))
    current = driver.find_elements(By.CSS_SELECTOR, "#vg-menu [aria-current='page']")
    check(f"{label}: the sidebar opens the section and marks it", bool(current) and current[0].text == "Lärande uppföljning")
    # The search page reads its query from the address.
    driver.get(base + "sok.html?q=programlogik")
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-page .search-results li"))
    check(f"{label}: the search page shows results for ?q=", len(driver.find_elements(By.CSS_SELECTOR, ".search-page .search-results li")) >= 3)
    search_page_checks(driver, base, label)
    reading_checks(driver, base, label)
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(f"{label}: no errors in the browser console", not errors, errors)


def reading_checks(driver, base, label):
    """A long step page: its contents stay in view beside the text at 1280 px and come before the text
    at 390 px; headings link to themselves; the link at the end leads back to the top."""
    driver.get(base + "handbok/uppstart.html")
    rect = "return arguments[0].getBoundingClientRect().toJSON()"
    toc = driver.find_element(By.CSS_SELECTOR, ".toc")
    content = driver.find_element(By.CSS_SELECTOR, ".page > .content")
    check(f"{label}: at 1280 px the contents are sticky", driver.execute_script("return getComputedStyle(arguments[0]).position", toc) == "sticky")
    check(f"{label}: at 1280 px the contents stand right of the text",
          driver.execute_script(rect, toc)["left"] >= driver.execute_script(rect, content)["right"])
    last = driver.find_elements(By.CSS_SELECTOR, ".content .heading")[-1]
    driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", last)
    time.sleep(0.2)
    box = driver.execute_script(rect, toc)
    scrolled = driver.execute_script("return window.scrollY")
    check(f"{label}: the contents stay in view after scrolling",
          scrolled > 300 and box["top"] >= 0 and box["bottom"] <= driver.execute_script("return innerHeight"), (scrolled, box))
    anchor = last.find_element(By.CSS_SELECTOR, ".heading-link")
    heading = last.find_element(By.CSS_SELECTOR, "h2, h3, h4")
    check(f"{label}: a heading's link leads to the heading", anchor.get_attribute("href").endswith("#" + heading.get_attribute("id")))
    driver.execute_script("arguments[0].focus()", anchor)
    time.sleep(0.4)
    check(f"{label}: the heading's link shows when it has focus",
          driver.execute_script("return getComputedStyle(arguments[0]).opacity", anchor) == "1")
    anchor.click()
    check(f"{label}: following it puts the heading in the address", driver.current_url.endswith("#" + heading.get_attribute("id")))
    back = driver.find_elements(By.CSS_SELECTOR, ".back-to-top a")
    if back:
        driver.execute_script("arguments[0].scrollIntoView()", back[0])
        back[0].click()
        time.sleep(0.2)
        top = driver.execute_script("return document.getElementById('vg-main').getBoundingClientRect().top")
        check(f"{label}: back to the top leads to the start of the page", abs(top) < 2 and driver.current_url.endswith("#vg-main"), top)
    else:
        check(f"{label}: back to the top leads to the start of the page", False, "the long step page has no back-to-top link")
    driver.set_window_size(390, 844)
    try:
        driver.get(base + "handbok/uppstart.html")
        toc = driver.find_element(By.CSS_SELECTOR, ".toc")
        content = driver.find_element(By.CSS_SELECTOR, ".page > .content")
        check(f"{label}: at 390 px the contents come before the text, not sticky",
              driver.execute_script("return getComputedStyle(arguments[0]).position", toc) == "static"
              and driver.execute_script(rect, toc)["bottom"] <= driver.execute_script(rect, content)["top"])
    finally:
        driver.set_window_size(1280, 900)


def ranking_expectations(site):
    """The queries of Tests/Fixtures/search-ranking.txt for `site`, with the page each must put first."""
    path = os.path.join(REPO, "Tests", "Fixtures", "search-ranking.txt")
    with open(path, encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]
    return [(query, first) for name, query, first in rows if name == site]


def page_results(driver):
    return [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, ".search-page .search-results li a")]


def wait_for_status(driver, text):
    WebDriverWait(driver, 10).until(lambda d: text in d.find_element(By.CSS_SELECTOR, ".search-page .search-status").text)
    time.sleep(0.2)


def search_page_checks(driver, base, label):
    # search.js ranks as the Swift ranking test says (the same list of queries).
    for query, first in ranking_expectations("sample"):
        driver.get(base + "sok.html?q=" + urllib.parse.quote(query))
        try:
            wait_for_status(driver, "träff")
        except TimeoutException:
            pass
        results = page_results(driver)
        check(f"{label}: '{query}' puts {first} first", bool(results) and results[0].endswith("/" + first), results[:3])
    # As you type, on the search page too: no Enter, no new page.
    driver.get(base + "sok.html")
    box = driver.find_element(By.ID, "vg-search-page")
    box.send_keys("självskattning")
    try:
        wait_for_status(driver, "träffar på självskattning")
        results = page_results(driver)
        check(f"{label}: the search page searches as you type", bool(results) and results[0].endswith("handbok/uppstart.html"), results[:3])
    except TimeoutException:
        check(f"{label}: the search page searches as you type", False, "no results appeared")
    status = driver.find_element(By.CSS_SELECTOR, ".search-page .search-status")
    check(f"{label}: the search page announces the count", status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite")
    # The kind filter: a fieldset of radio buttons, each with its count; choosing one narrows the list.
    fieldset = driver.find_element(By.CSS_SELECTOR, ".search-page fieldset.search-filter")
    check(f"{label}: the kind filter is shown", fieldset.is_displayed() and fieldset.find_element(By.TAG_NAME, "legend").text.strip() != "")
    total = len(page_results(driver))
    units = fieldset.find_element(By.CSS_SELECTOR, "input[value=units]")
    count = units.find_element(By.XPATH, "..").find_element(By.CSS_SELECTOR, ".count").text
    units.click()
    try:
        wait_for_status(driver, "visas: Enheter")
        results = page_results(driver)
        check(f"{label}: the units filter shows only unit, overview and department pages, as many as its count says",
              bool(results) and all("/enheter/" in r or "/forvaltningar/" in r for r in results) and count == f"({len(results)})"
              and len(results) < total,
              (count, results))
        snippets = [p.text for p in driver.find_elements(By.CSS_SELECTOR, ".search-page .search-snippet")]
        check(f"{label}: snippets carry no chart or table numbers", not any(re.search(r"\b1 2 3\b", t) for t in snippets), snippets)
    except TimeoutException:
        check(f"{label}: the units filter narrows the results", False, driver.find_element(By.CSS_SELECTOR, ".search-page .search-status").text)
    fieldset.find_element(By.CSS_SELECTOR, "input[value=handbook]").click()
    wait_for_status(driver, "visas: Handboken")
    results = page_results(driver)
    check(f"{label}: the handbook filter puts the step first", bool(results) and results[0].endswith("handbok/uppstart.html")
          and not any(part in r for r in results for part in ("/enheter/", "/larande-uppfoljning/", "/nyckeltal/")), results)
    # The start page is called by its title in results, and a start page.
    box = driver.find_element(By.ID, "vg-search-page")
    box.clear()
    box.send_keys("välkommen")
    fieldset.find_element(By.CSS_SELECTOR, "input[value='']").click()
    wait_for_status(driver, "på välkommen")
    items = driver.find_elements(By.CSS_SELECTOR, ".search-page .search-results li")
    start = [item for item in items if item.find_element(By.TAG_NAME, "a").get_attribute("href") == base + "index.html"]
    check(f"{label}: the start page is shown by its title", bool(start) and start[0].find_element(By.TAG_NAME, "a").text == "Välgrundad verksamhet"
          and start[0].find_element(By.CSS_SELECTOR, ".search-kind").text == "Startsida", [i.text for i in items])


def hostile_name_check(driver, binary, source):
    work = tempfile.mkdtemp(prefix="valgrund-xss-")
    shutil.copytree(os.path.join(source, "content"), os.path.join(work, "content"))
    with open(os.path.join(work, "content", "units", "farlig.yaml"), "w", encoding="utf-8") as f:
        f.write('name: "<img src=x onerror=window.__pwned=1> Farligenheten"\n'
                'department: "<script>window.__pwned=2</script>Testförvaltningen"\n')
    output = os.path.join(work, "output")
    build(binary, work, output)
    driver.get("file://" + os.path.join(output, "index.html"))
    results = search(driver, "onerror")
    texts = [r.text for r in results]
    check("hostile name: search shows it as text", any("<img src=x onerror=window.__pwned=1>" in t for t in texts), texts)
    check("hostile name: nothing ran on the search", driver.execute_script("return window.__pwned === undefined"))
    results[0].click()
    time.sleep(0.5)
    check("hostile name: the unit page shows it as text", "<img src=x onerror=window.__pwned=1>" in driver.find_element(By.TAG_NAME, "h1").text)
    check("hostile name: nothing ran on the page", driver.execute_script("return window.__pwned === undefined"))
    try:
        driver.switch_to.alert
        check("hostile name: no alert", False)
    except NoAlertPresentException:
        check("hostile name: no alert", True)


def live_reload_check(driver, binary, source):
    work = tempfile.mkdtemp(prefix="valgrund-serve-")
    shutil.copytree(os.path.join(source, "content"), os.path.join(work, "content"))
    process = subprocess.Popen([binary, "serve", "--source", work, "--port", "0", "--as-of", AS_OF],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = None
        deadline = time.time() + 120
        while time.time() < deadline and url is None:
            line = process.stdout.readline()
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line or "")
            if match:
                url = match.group(1)
        check("serve: starts and prints its address", url is not None)
        if url is None:
            return
        driver.get(url + "handbok/uppstart.html")
        marker = f"Levande ändring {int(time.time())}"
        page = os.path.join(work, "content", "handbook", "uppstart.md")
        started = time.time()
        with open(page, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        try:
            WebDriverWait(driver, 60, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: marker in d.find_element(By.TAG_NAME, "main").text)
            check(f"serve: an edit reloads the open page ({time.time() - started:.1f} s)", True)
        except TimeoutException:
            check("serve: an edit reloads the open page", False, "page did not change")
        # A broken edit shows the errors over the last good site; fixing it clears them.
        with open(page, "a", encoding="utf-8") as f:
            f.write("\n[trasig länk](finns-inte.md)\n")
        try:
            WebDriverWait(driver, 60, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: d.find_elements(By.CSS_SELECTOR, "div[role=alert]"))
            alert = driver.find_element(By.CSS_SELECTOR, "div[role=alert]").text
            check("serve: errors show in the browser with file, line and column", "content/handbook/uppstart.md:" in alert, alert)
        except TimeoutException:
            check("serve: errors show in the browser", False)
        with open(page, encoding="utf-8") as f:
            text = f.read()
        with open(page, "w", encoding="utf-8") as f:
            f.write(text.replace("[trasig länk](finns-inte.md)", "rättad"))
        try:
            WebDriverWait(driver, 60, ignored_exceptions=(StaleElementReferenceException,)).until(lambda d: "rättad" in d.find_element(By.TAG_NAME, "main").text and not d.find_elements(By.CSS_SELECTOR, "div[role=alert]"))
            check("serve: fixing it clears the errors", True)
        except TimeoutException:
            check("serve: fixing it clears the errors", False)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
            check("serve: stops cleanly", process.returncode == 0, process.returncode)
        except subprocess.TimeoutExpired:
            process.kill()
            check("serve: stops cleanly", False, "did not stop")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--source", default=".")
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    source = os.path.abspath(args.source)
    output = tempfile.mkdtemp(prefix="valgrund-browser-") + "/site"
    build(binary, source, output)
    driver = browser()
    try:
        server, base = serve_folder(output)
        site_checks(driver, base, "http")
        server.shutdown()
        site_checks(driver, "file://" + output + "/", "file")
        hostile_name_check(driver, binary, source)
        live_reload_check(driver, binary, source)
    finally:
        driver.quit()
    print(f"{len(FAILURES)} of {len(CHECKS)} browser checks failed" if FAILURES else f"all {len(CHECKS)} browser checks passed")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
