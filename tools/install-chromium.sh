#!/usr/bin/env bash
# Debian's Chromium and its driver for the console's browser tests (server/src/test/java/cn/doorstep/console),
# and a Chinese font so the console's screenshots show text, not boxes. As root; does nothing when all are
# there already. The tests never download a browser: they drive /usr/bin/chromium with /usr/bin/chromedriver.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] && fc-list :lang=zh 2>/dev/null | grep -q .; then
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "tools/install-chromium.sh: installing chromium, chromium-driver and fonts-wqy-microhei needs root and apt-get" >&2
  exit 1
fi
echo "== installing chromium, chromium-driver and a Chinese font from the OS packages =="
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null 2>&1 \
  || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null; }
[[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]] \
  || { echo "tools/install-chromium.sh: no /usr/bin/chromium or /usr/bin/chromedriver after installing" >&2; exit 1; }
