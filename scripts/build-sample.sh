#!/usr/bin/env bash
# Installs what is missing, builds Valgrund and writes the sample site to output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
swift build -c release --product valgrund
.build/release/valgrund build --source . --output output
