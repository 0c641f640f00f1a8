#!/bin/sh
# LOCAL DEVELOPMENT ONLY. After 10-service-roles.sql (docker-entrypoint-initdb.d, first start of an
# empty data folder): each service's role may log in, with the password from that service's own
# Secret (the FNI_DB_PASSWORD file it reads; mounted here as /run/secrets/service-logins/<role>).
# The password goes from its file into a psql variable (a backtick in \set, not a command-line
# argument, so no process listing shows it) and is never echoed.
set -eu
for role in fni_contract fni_claims fni_cancellation fni_batch_export; do
  file=/run/secrets/service-logins/$role
  [ -s "$file" ] || { echo "no password file for $role ($file)" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --quiet --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
\\set password \`cat $file\`
ALTER ROLE $role LOGIN PASSWORD :'password';
SQL
done
