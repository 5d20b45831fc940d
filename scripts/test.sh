#!/usr/bin/env bash
# Runs every test, from the repository alone:
#   0. the formatter's lint (swift-format, which ships with the toolchain; .swift-format is its configuration);
#   1. the Swift test suite, and the JSON Schemas `valgrund schema` writes against the bad-data corpus
#      (tests/schema/check_schemas.py);
#   2. the sample site and the second municipality (Tests/Fixtures/other-municipality)
#      built and audited page by page: links and fragments, the Nu Html Checker, axe-core's WCAG 2.1
#      A/AA rules in Chromium, reflow at 320 CSS px, every page opened from disk (tests/audit/audit.py);
#   3. the audit's own self-test: a copy broken on purpose must fail (tests/audit/selftest.py);
#   4. the browser tests: search, navigation, file://, a hostile unit name, live reload (tests/browser/run.py).
# The first run installs the browser tools (scripts/setup-test-tools.sh); a missing tool is an error.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
step() { printf '\n== %s (%d s so far)\n' "$*" $((SECONDS - started)) >&2; }

step "system packages and test tools"
scripts/ensure-system-packages.sh
python=$(scripts/setup-test-tools.sh)

step "formatting (swift format lint)"
swift format lint --strict --recursive --parallel Sources Tests Package.swift

step "Swift tests"
swift build --build-tests
swift test --skip-build
swift build --product valgrund

step "JSON Schemas against the bad-data corpus"
"$python" tests/schema/check_schemas.py --binary .build/debug/valgrund

step "sample site and second municipality: links, HTML, accessibility, reflow"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/debug/valgrund build --source . --output "$work/sample" --as-of 2026-11-25
.build/debug/valgrund build --source Tests/Fixtures/other-municipality --output "$work/other-municipality" --as-of 2026-11-25
"$python" tests/audit/audit.py --schemes light,dark "$work/sample" "$work/other-municipality"

step "the audit catches a site broken on purpose"
"$python" tests/audit/selftest.py "$work/other-municipality"

step "browser tests"
"$python" tests/browser/run.py --binary .build/debug/valgrund --source .

printf '\nall tests passed in %d s\n' $((SECONDS - started)) >&2
