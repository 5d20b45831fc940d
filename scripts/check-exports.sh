#!/usr/bin/env bash
# The documented check of the annual-report exports in LibreOffice (docs/exports.md):
#   1. the Word file converts to PDF without complaint (and the pages become PNGs to look at);
#   2. the CSV opens in Calc with Swedish settings (semicolons, decimal commas) with the right
#      columns and numbers as numbers, read back through an English-locale CSV.
# Needs LibreOffice (apt: libreoffice-writer-nogui libreoffice-calc-nogui) and poppler-utils.
set -euo pipefail
cd "$(dirname "$0")/.."
year=${1:-2026}
out=$(mktemp -d)
bin=.build/debug/valgrund
[ -x "$bin" ] || swift build --product valgrund
$bin export annual-report --year "$year" --format docx --output "$out/report.docx" --as-of "$year-11-25"
$bin export annual-report --year "$year" --format csv --section nyckeltal --output "$out/key-figures.csv" --as-of "$year-11-25"
cd "$out"
soffice --headless --convert-to pdf report.docx > convert.log 2>&1 || { cat convert.log; exit 1; }
grep -qi "error" convert.log && { cat convert.log; exit 1; }
pdfinfo report.pdf | grep Pages
pdftoppm -r 60 -png report.pdf page
soffice --headless --infilter="CSV:59,34,76,1,,1053" --convert-to xlsx key-figures.csv > /dev/null 2>&1
soffice --headless --convert-to "csv:Text - txt - csv (StarCalc):44,34,76,1,,1033" --outdir back key-figures.xlsx > /dev/null 2>&1
head -3 back/key-figures.csv
# A decimal comma must come back as a number with a point, in its own column.
grep -Eq '^Medarbetare,Sjukfrånvaro bland medarbetare,20[0-9]{2},Kvinnor,[0-9]+\.[0-9],' back/key-figures.csv
echo "exports OK: pages and CSV in $out"
