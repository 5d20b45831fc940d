#!/usr/bin/env python3
"""Full-page screenshots of built pages in headless Chromium, at phone and desktop widths.

Uses the Selenium and Chromium that scripts/setup-test-tools.sh installs (it prints the Python to use):
    $(scripts/setup-test-tools.sh) scripts/screenshot.py output handbok/uppstart.html index.html
Writes /tmp/shots/<page>-<width>.png (or --out DIR). A page may carry a query
(`sok.html?q=stämpel`); `--wait .search-status` waits until the search has answered. Pages open over file://, as a reader's
browser would open a copied site. `--pdf` also prints each page to PDF (A4) like a reader would.
"""
import argparse
import base64
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("site")
    ap.add_argument("pages", nargs="+")
    ap.add_argument("--out", default="/tmp/shots")
    ap.add_argument("--widths", default="390,1280")
    ap.add_argument("--pdf", action="store_true", help="also print each page to PDF (A4)")
    ap.add_argument("--scheme", choices=["light", "dark"], default="light", help="the reader's colour scheme (prefers-color-scheme)")
    ap.add_argument("--split", type=int, default=0, help="save tall pages as several images of this height")
    ap.add_argument("--wait", default="", help="CSS selector of an element to wait for text in (e.g. .search-status) before the shot")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    opts = Options()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--force-device-scale-factor=1"):
        opts.add_argument(flag)
    opts.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": args.scheme}]})
    try:
        for page in args.pages:
            url = "file://" + os.path.abspath(os.path.join(args.site, page))
            name = page.replace("/", "_").replace(".html", "").replace("#", "_") + ("-dark" if args.scheme == "dark" else "")
            for width in (int(w) for w in args.widths.split(",")):
                driver.set_window_size(width, 900)
                driver.get(url)
                if args.wait:
                    WebDriverWait(driver, 10).until(
                        lambda d: any(e.text.strip() for e in d.find_elements(By.CSS_SELECTOR, args.wait)))
                height = driver.execute_script("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)")
                driver.set_window_size(width, min(height, 12000))
                if args.split and height > args.split:
                    for part, top in enumerate(range(0, height, args.split)):
                        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {"clip": {
                            "x": 0, "y": top, "width": width, "height": min(args.split, height - top), "scale": 1}})
                        path = os.path.join(args.out, f"{name}-{width}-{part + 1}.png")
                        with open(path, "wb") as f:
                            f.write(base64.b64decode(shot["data"]))
                        print(path)
                else:
                    path = os.path.join(args.out, f"{name}-{width}.png")
                    driver.save_screenshot(path)
                    print(path)
            if args.pdf:
                pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True, "preferCSSPageSize": True})
                path = os.path.join(args.out, f"{name}.pdf")
                with open(path, "wb") as f:
                    f.write(base64.b64decode(pdf["data"]))
                print(path)
    finally:
        driver.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
