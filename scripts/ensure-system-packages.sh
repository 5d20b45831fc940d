#!/usr/bin/env bash
# Installs the Debian packages Valgrund builds against, when they are missing.
set -euo pipefail
missing=()
# libcmark-dev: Markdown. zlib1g-dev: the PNG pictures of Word exports. librsvg2-2 and a font: the charts drawn as pictures in Word exports.
# libhyphen-dev, hyphen-sv, hyphen-en-us: soft hyphens in long words, from the Swedish and English patterns (read at run time).
for package in libcmark-dev zlib1g-dev librsvg2-2 fonts-dejavu-core libhyphen-dev hyphen-sv hyphen-en-us; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} with apt-get" >&2
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
