#!/usr/bin/env bash
# The loopback variant's self-signed certificate: nginx/loopback/certs/{cert,key}.pem, for localhost
# and 127.0.0.1 (ECDSA P-256, 825 days). Idempotent: keeps a pair that exists and is valid for at
# least another day; otherwise makes a new one. check.sh also runs it in a throwaway copy.
set -euo pipefail

dir="$(cd "$(dirname "$0")" && pwd)/loopback/certs"
cert="$dir/cert.pem"
key="$dir/key.pem"

if [[ -s $cert && -s $key ]] && openssl x509 -in "$cert" -noout -checkend 86400 >/dev/null 2>&1; then
  echo "kept $cert"
  exit 0
fi

mkdir -p "$dir"
umask 077                      # the key is readable by its owner only
openssl req -x509 -nodes -days 825 \
  -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 \
  -subj "/CN=localhost" \
  -addext "subjectAltName=DNS:localhost,IP:127.0.0.1" \
  -keyout "$key.new" -out "$cert.new" 2>/dev/null
mv "$key.new" "$key"
chmod 644 "$cert.new"
mv "$cert.new" "$cert"
echo "made $cert"
