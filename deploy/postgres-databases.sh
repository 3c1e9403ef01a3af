#!/bin/sh
# Run once by the postgres image on an empty volume: each worker that keeps data in PostgreSQL
# owns a database, listed by compose.yaml in MK_DATABASES (a new domain adds its name there).
set -eu
for db in $MK_DATABASES; do
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -c "CREATE DATABASE \"$db\" OWNER \"$POSTGRES_USER\""
done
