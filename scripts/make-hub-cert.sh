#!/bin/sh
# Makes a self-signed certificate and key for a hall hub, and prints the SHA-256 fingerprint
# that every station of the hall pins (station config `hubFingerprint`, or HUB_FINGERPRINT).
#
#   scripts/make-hub-cert.sh DIR [ADDRESS ...]
#   e.g. scripts/make-hub-cert.sh /etc/service-hall 192.168.10.5 hub.hall01.local
#
# Writes DIR/hub.crt (0644) and DIR/hub.key (0600). ADDRESS are the hub's IP addresses or host
# names (default 127.0.0.1); stations check the fingerprint, the names are for people and tools.
# Valid 825 days (HUB_CERT_DAYS to change); a new pair means a new fingerprint for every station.
set -eu
if [ $# -lt 1 ]; then
  echo "usage: $0 DIR [ADDRESS ...]" >&2
  exit 2
fi
command -v openssl >/dev/null 2>&1 || {
  echo "openssl is needed / 需要 openssl" >&2
  exit 2
}
dir=$1
shift
[ $# -gt 0 ] || set -- 127.0.0.1
san=""
for a in "$@"; do
  case $a in
    *[!0-9.]*) entry="DNS:$a" ;;
    *) entry="IP:$a" ;;
  esac
  san="${san:+$san,}$entry"
done
mkdir -p "$dir"
umask 077
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
  -keyout "$dir/hub.key" -out "$dir/hub.crt" -days "${HUB_CERT_DAYS:-825}" \
  -subj "/CN=service-hall-hub" -addext "subjectAltName=$san" 2>/dev/null
chmod 0644 "$dir/hub.crt"
openssl x509 -in "$dir/hub.crt" -noout -fingerprint -sha256 | sed 's/^.*=//'
