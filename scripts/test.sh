#!/usr/bin/env bash
# Runs every test: the Swift test suite, then the sample site through site-audit
# (valid HTML, accessibility in a real browser, no broken links).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
swift build --build-tests
swift test --skip-build
swift build --product valgrund
site=$(mktemp -d)/site
.build/debug/valgrund build --source . --output "$site" --as-of 2026-11-25
audit=""
for candidate in "${SITE_AUDIT:-}" ../shared/tools/site-audit /work/shared/tools/site-audit; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then audit=$candidate; break; fi
done
if [ -n "$audit" ]; then
  "$audit" --install
  "$audit" "$site"
  # The same Selenium and Chromium drive the browser tests: search, navigation, file://, live reload.
  "${SITE_AUDIT_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/site-audit}/venv/bin/python" tests/browser/run.py --binary .build/debug/valgrund --source .
else
  echo "WARNING: site-audit not found (../shared/tools/site-audit); the sample site was built but neither audited nor tested in a browser" >&2
  if [ "${SITE_AUDIT_REQUIRED:-0}" = 1 ]; then exit 1; fi
fi
