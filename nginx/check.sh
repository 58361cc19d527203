#!/usr/bin/env bash
# `nginx -t` on both configurations, nginx.conf (production) and nginx-loopback.conf; fails when either
# is invalid. Called by .ci/run. Installs nginx from the OS packages when it is missing (as root).
#
# The test runs on a throwaway copy of nginx/: selfsigned.sh makes a certificate there, and the copy's
# tls-paths.conf points the production placeholders at it. Like the real thing, the production test
# needs root (it opens /var/log/nginx/*); its pid file goes to the temp folder (-g), since the config
# leaves "pid" to the compiled-in default.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if ! command -v nginx >/dev/null 2>&1; then
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    echo "nginx/check.sh: nginx is not installed, and installing it needs root and apt-get" >&2
    exit 1
  fi
  echo "== installing nginx from the OS packages =="
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq nginx >/dev/null 2>&1 \
    || { apt-get update -qq >/dev/null && apt-get install -y -qq nginx >/dev/null; }
  command -v nginx >/dev/null 2>&1 || { echo "nginx/check.sh: no nginx after installing it" >&2; exit 1; }
fi
if [[ $(id -u) -ne 0 ]]; then
  echo "nginx/check.sh: run as root (the production config names root's log and temp folders)" >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/nginx"
cp -R "$here"/*.conf "$here/snippets" "$here/selfsigned.sh" "$tmp/nginx/"
"$tmp/nginx/selfsigned.sh" >/dev/null
cat > "$tmp/nginx/tls-paths.conf" <<TLS
ssl_certificate     $tmp/nginx/loopback/certs/cert.pem;
ssl_certificate_key $tmp/nginx/loopback/certs/key.pem;
TLS

failed=0
check() {  # check <config> [extra nginx arguments]
  local conf=$1; shift
  if nginx -t -q -p "$tmp/nginx/" -c "$conf" -e stderr "$@"; then
    echo "nginx -t: nginx/$conf ok"
  else
    echo "nginx -t: nginx/$conf FAILED" >&2
    failed=1
  fi
}
echo "== nginx -t ($(nginx -v 2>&1 | sed 's/.*: //')) =="
check nginx.conf -g "pid $tmp/nginx.pid;"
check nginx-loopback.conf
# the object-storage variant: /media/ proxied to the app (snippets/media-app.conf)
sed 's|include snippets/media-files.conf;|include snippets/media-app.conf;|' "$tmp/nginx/nginx.conf" > "$tmp/nginx/nginx-s3.conf"
grep -q 'snippets/media-app.conf' "$tmp/nginx/nginx-s3.conf" || { echo "nginx -t: no media include to swap in nginx.conf" >&2; failed=1; }
check nginx-s3.conf -g "pid $tmp/nginx.pid;"
exit "$failed"
