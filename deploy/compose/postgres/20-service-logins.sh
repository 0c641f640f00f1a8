#!/bin/sh
# First start of the compose PostgreSQL (docker-entrypoint-initdb.d), after 10-service-roles.sql:
# each service's role may log in, with the password make-secrets.sh wrote for it. The password
# goes from its secret file into psql's variable (a backtick, not a command-line argument, so no
# process listing shows it) and is never echoed.
set -eu
for service in contract claims cancellation batch_export; do
  file=/run/secrets/db-password-$(echo "$service" | tr _ -)
  [ -s "$file" ] || { echo "no password file for fni_$service ($file): run deploy/compose/make-secrets.sh" >&2; exit 1; }
  psql -v ON_ERROR_STOP=1 --quiet --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" <<SQL
\\set password \`cat $file\`
ALTER ROLE fni_$service LOGIN PASSWORD :'password';
SQL
done
