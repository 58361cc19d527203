#!/usr/bin/env bash
# Lints the checked-in miniprogram-api-docs/openapi.json under Spectral's spectral:oas rules
# (.spectral.yaml): any error or warning fails. Spectral is pinned by package-lock.json (exact
# versions and hashes) and installed here with `npm ci`; needs Node.js 20.17+ (or 18.18+) and npm.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "tools/spectral/lint.sh: npm (Node.js 20) is needed to lint the spec" >&2; exit 1; }

# a fresh clone installs; a second run reuses node_modules while it holds this lock file's install.
# No install scripts: Spectral needs none (the one in its tree only reports downloads).
if ! [ node_modules/.package-lock.json -nt package-lock.json ]; then
  npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
fi
exec node_modules/.bin/spectral lint --fail-severity=warn --ruleset ../../.spectral.yaml \
  ../../miniprogram-api-docs/openapi.json
