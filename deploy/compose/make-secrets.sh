#!/usr/bin/env bash
# Writes the compose platform's secrets into deploy/compose/secrets/ (not committed), once: a file
# that exists is kept, so a second run changes nothing. Random passwords and keys; the Azurite and
# Event Hubs emulator values are those emulators' public, well-known development keys.
#
# The folder is private to you (mode 700); its files are readable (644) because Docker mounts a
# secret file as it is, and the containers read it as their own users (postgres, uid 10001).
set -euo pipefail
dir=$(cd "$(dirname "$0")" && pwd)/secrets
mkdir -p "$dir" && chmod 700 "$dir"

write() { # name, then the command whose output becomes the secret
  local name=$1; shift
  [ -s "$dir/$name" ] && return 0
  "$@" > "$dir/$name.tmp" && chmod 644 "$dir/$name.tmp" && mv "$dir/$name.tmp" "$dir/$name"
  echo "wrote $dir/$name"
}
random() { openssl rand -base64 36 | tr -d '/+=\n' | cut -c1-32; }

for name in postgres-admin-password db-password-contract db-password-claims db-password-cancellation \
    db-password-batch-export grafana-admin-password; do
  write "$name" random
done
write dev-jwt-secret sh -c 'openssl rand -hex 32'
# LOCAL DEVELOPMENT DEFAULTS: Azurite's published development account and the Event Hubs emulator's key
azurite_key='Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='
write azurite-account-key printf '%s' "$azurite_key"
write blob-connection-string printf 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=%s;BlobEndpoint=http://azurite:10000/devstoreaccount1;' "$azurite_key"
write eventhubs-connection-string printf '%s' \
  'Endpoint=sb://eventhubs-emulator;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=SAS_KEY_VALUE;UseDevelopmentEmulator=true;'
# Prometheus scrapes the actuator with an OPS token (a year long), signed with the dev secret above
write prometheus-token env FNI_DEV_JWT_SECRET="$(cat "$dir/dev-jwt-secret")" \
  "$(dirname "$0")/../local/dev-token.sh" OPS "" 31536000
# the SFTP server's host keys: mode 600 (sshd refuses readable host keys it owns; root in the container reads them)
for type in ed25519 rsa; do
  if [ ! -s "$dir/sftp-host-$type-key" ]; then
    ssh-keygen -q -t "$type" -N '' -C sftp-host -f "$dir/sftp-host-$type-key"
    chmod 600 "$dir/sftp-host-$type-key"
    echo "wrote $dir/sftp-host-$type-key (the partner entry's hostKey: $(cut -d' ' -f1,2 "$dir/sftp-host-$type-key.pub"))"
  fi
done
if [ ! -s "$dir/sftp-partner-key" ]; then
  rm -f "$dir/sftp-partner-key" "$dir/sftp-partner-key.pub"
  ssh-keygen -q -t ecdsa -b 256 -N '' -C batch-export-service -f "$dir/sftp-partner-key"
  chmod 644 "$dir/sftp-partner-key" "$dir/sftp-partner-key.pub"
  echo "wrote $dir/sftp-partner-key (and .pub)"
fi
