#!/usr/bin/env bash
# Renders the Samples audit and scan HTML reports and screenshots them in headless Chromium.
#
#   Scripts/screenshot_report.sh OUTPUT_DIR [KEYWARDEN_BINARY]
#
# Writes OUTPUT_DIR/audit-report.{html,png} and OUTPUT_DIR/scan-report.{html,png}. Installs the
# Debian package `chromium` when no Chromium is on PATH (idempotent: nothing happens when one is).
# The clock is pinned (--now), so the HTML is the same on every run. SCREENSHOT_WIDTH, _HEIGHT and
# _SCALE size the picture (Docs/report-screenshot.png: SCREENSHOT_HEIGHT=2000 SCREENSHOT_SCALE=0.75).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: screenshot_report.sh OUTPUT_DIR [KEYWARDEN_BINARY]}
bin=${2:-.build/debug/keywarden}
now=2026-11-20T00:00:00Z
width=${SCREENSHOT_WIDTH:-1280}
height=${SCREENSHOT_HEIGHT:-2200}
scale=${SCREENSHOT_SCALE:-1}
mkdir -p "$out"

browser=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$browser" ]; then
    echo "installing chromium (Debian package)" >&2
    sudo=$([ "$(id -u)" -eq 0 ] || echo sudo)
    if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null; then
        $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
    fi
    browser=$(command -v chromium)
fi

# Exit 1 means findings were reported, as the Samples plant them; anything else is a failure.
render() {
    local status=0
    "$bin" "$@" || status=$?
    if [ "$status" -ne 0 ] && [ "$status" -ne 1 ]; then echo "keywarden $1 failed with exit $status" >&2; exit 1; fi
}
render audit --policy Samples/policies/trading-desk.yaml --inventory Samples/inventory/*.json \
    --findings Samples/findings/scan-findings.json --now "$now" --format html --output "$out/audit-report.html"
XDG_CACHE_HOME=${XDG_CACHE_HOME:-$out/cache} render scan Samples/ --quiet --now "$now" --format html --output "$out/scan-report.html"

for name in audit-report scan-report; do
    html=$(realpath "$out/$name.html")
    # --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
    "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions \
        --window-size="$width,$height" --force-device-scale-factor="$scale" --screenshot="$out/$name.png" "file://$html" >/dev/null 2>&1
    [ -s "$out/$name.png" ] || { echo "no screenshot for $name" >&2; exit 1; }
    echo "$out/$name.png"
done
