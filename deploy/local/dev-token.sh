#!/usr/bin/env bash
# Mints an HS256 dev token for the `local` profile. Local development only.
#   deploy/local/dev-token.sh DEALER D1001        # a dealer user of dealer D1001
#   deploy/local/dev-token.sh PROVIDER_ADMIN      # a provider administrator
#   deploy/local/dev-token.sh OPS                 # operations (actuator, metrics)
# The secret is the local profile's clearly-marked dev default unless FNI_DEV_JWT_SECRET is set.
set -euo pipefail
role=${1:?usage: dev-token.sh ROLE [DEALER_CODE] [TTL_SECONDS]}
dealer=${2:-}
ttl=${3:-3600}
secret=${FNI_DEV_JWT_SECRET:-local-dev-only-hs256-secret-change-me-0123456789}
if [ "$role" = DEALER ] && [ -z "$dealer" ]; then
  echo "a DEALER token needs a dealer code: dev-token.sh DEALER D1001" >&2
  exit 2
fi
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
sub=$( [ -n "$dealer" ] && echo "dev-user@$dealer" || echo "dev-$(echo "$role" | tr 'A-Z_' 'a-z-')@provider" )
claims="{\"sub\":\"$sub\",\"iss\":\"fni-exchange-dev\",\"aud\":\"fni-exchange\",\"iat\":$now,\"exp\":$((now + ttl)),\"roles\":[\"$role\"]"
[ -n "$dealer" ] && claims="$claims,\"dealer_code\":\"$dealer\""
claims="$claims}"
header=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '%s' "$claims" | b64url)
signature=$(printf '%s' "$header.$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
echo "$header.$payload.$signature"
