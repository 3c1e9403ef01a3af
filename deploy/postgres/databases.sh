#!/bin/sh
# Run once by the postgres image on an empty volume (compose.yaml mounts it into
# /docker-entrypoint-initdb.d): each worker that keeps data in PostgreSQL gets its own role and
# database, both named menuskart_<worker>, made by $MK_WORKER_DATABASE_SQL
# (deploy/postgres/worker-database.sql, the same file scripts/dev uses). The workers are listed
# in MK_DATABASES (a new domain adds its name there); each one's password comes from
# MK_<WORKER>_DATABASE_PASSWORD. On a volume made by an earlier version, run it by hand:
#   docker compose exec postgres sh /docker-entrypoint-initdb.d/10-databases.sh
set -eu
for worker in $MK_DATABASES; do
  variable=MK_$(echo "$worker" | tr '[:lower:]' '[:upper:]')_DATABASE_PASSWORD
  password=$(printenv "$variable") || { echo "$variable is not set" >&2; exit 1; }
  [ -n "$password" ] || { echo "$variable is empty" >&2; exit 1; }
  # psql's \set quoting: a quote doubled, a backslash escaped. Passwords go in on standard
  # input, not on a command line.
  quoted=$(printf '%s' "$password" | sed -e 's/\\/\\\\/g' -e "s/'/''/g")
  {
    printf "\\\\set role 'menuskart_%s'\n\\\\set database 'menuskart_%s'\n\\\\set password '%s'\n" \
      "$worker" "$worker" "$quoted"
    cat "$MK_WORKER_DATABASE_SQL"
  } | psql -v ON_ERROR_STOP=1 --quiet --username "$POSTGRES_USER" --dbname postgres >/dev/null
  echo "database menuskart_$worker: owned by role menuskart_$worker"
done
