#!/usr/bin/env bash
# Installs the Debian packages Valgrund builds against, when they are missing.
set -euo pipefail
missing=()
dpkg-query -W -f='${Status}' libcmark-dev 2>/dev/null | grep -q 'install ok installed' || missing+=(libcmark-dev)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
