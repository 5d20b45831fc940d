#!/usr/bin/env python3
"""Time from saving a file to the open page showing the change, under `valgrund serve`.

Starts `valgrund serve` on SOURCE (output in a temporary folder, on /dev/shm when it exists),
opens PAGE in headless Chromium, appends a sentence to FILE (relative to SOURCE) and waits
until the page's <main> shows it. Repeats --runs times and prints the times and the median.
The file is restored afterwards.

    $(scripts/setup-test-tools.sh) bench/reload_time.py \
        --source . --file content/handbook/uppstart.md --page handbok/uppstart.html
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service


def browser():
    opts = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu"):
        opts.add_argument(flag)
    for path in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.path.exists(path):
            opts.binary_location = path
    service = Service("/usr/bin/chromedriver") if os.path.exists("/usr/bin/chromedriver") else Service()
    return webdriver.Chrome(options=opts, service=service)


def main_text(driver):
    try:
        return driver.execute_script("var m = document.querySelector('main'); return m ? m.textContent : '';") or ""
    except Exception:  # the page is being replaced
        return ""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default=os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                                                 ".build", "release", "valgrund"))
    ap.add_argument("--source", required=True)
    ap.add_argument("--file", required=True, help="the file to edit, relative to SOURCE")
    ap.add_argument("--page", required=True, help="the page that shows it, relative to the site")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--as-of", default="2026-11-25")
    ap.add_argument("--pause", type=float, default=0.5, help="seconds between one reload and the next edit")
    args = ap.parse_args()
    scratch = tempfile.mkdtemp(prefix="valgrund-reload-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
    output = os.path.join(scratch, "site")
    path = os.path.join(args.source, args.file)
    original = open(path, encoding="utf-8").read()
    process = subprocess.Popen([args.binary, "serve", "--source", args.source, "--output", output, "--port", "0",
                                "--as-of", args.as_of], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    driver = None
    times = []
    try:
        url = None
        deadline = time.time() + 600
        while time.time() < deadline and url is None:
            line = process.stdout.readline()
            if not line:
                break
            match = re.search(r"at (http://127\.0\.0\.1:\d+/)", line)
            if match:
                url = match.group(1)
        if url is None:
            print("serve did not start", file=sys.stderr)
            return 1
        driver = browser()
        driver.get(url + args.page)
        time.sleep(1.5)  # past the file-time margin of the first build
        for run in range(args.runs):
            marker = f"Mätpunkt{run}x{int(time.time() * 1000)}"
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")
            started = time.perf_counter()
            while marker not in main_text(driver):
                if time.perf_counter() - started > 120:
                    print("the page did not change", file=sys.stderr)
                    return 1
                time.sleep(0.005)
            times.append(time.perf_counter() - started)
            time.sleep(args.pause)
        print("save to reloaded page (ms):", " ".join(f"{t * 1000:.0f}" for t in times),
              f"| median {statistics.median(times) * 1000:.0f} ms")
        return 0
    finally:
        with open(path, "w", encoding="utf-8") as f:
            f.write(original)
        if driver:
            driver.quit()
        process.terminate()
        try:
            out, _ = process.communicate(timeout=30)
            rebuilt = [l for l in (out or "").splitlines() if l.startswith("Rebuilt")]
            for line in rebuilt[-3:]:
                print("  serve:", line)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
