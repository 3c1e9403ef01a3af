-- One PostgreSQL worker's own role and database (auth, orders, payments, notify), the same
-- way everywhere: scripts/dev (lib.sh's ensure_worker_database), compose's postgres init
-- (deploy/postgres/databases.sh) and the tests (tests/tests/deploy/stores.rs).
--
-- The role owns its database and nothing else: it logs in with its password and is no
-- superuser, creates no roles or databases, bypasses no row security and belongs to no role
-- (so not to pg_execute_server_program: no COPY ... PROGRAM, nor to pg_read_server_files /
-- pg_write_server_files). No other role but superusers may connect to the database. The worker
-- runs its migrations itself, as this role (it owns the database's public schema).
--
-- Run by a superuser with psql, connected to any database, with the psql variables `role`,
-- `database` and `password` set (\set lines before this file on standard input keep the
-- password off command lines). Idempotent: it also moves a database created by an earlier
-- version (owned by a shared role) to its worker's role, tables included.
\set ON_ERROR_STOP 1

SELECT format('CREATE ROLE %I', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
  INHERIT PASSWORD :'password';
-- Whatever it was made a member of by hand goes (pg_execute_server_program and friends).
SELECT format('REVOKE %I FROM %I', granted.rolname, :'role')
  FROM pg_auth_members membership
  JOIN pg_roles granted ON granted.oid = membership.roleid
  WHERE membership.member = (SELECT oid FROM pg_roles WHERE rolname = :'role') \gexec

SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role')
  WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'database') \gexec
ALTER DATABASE :"database" OWNER TO :"role";
-- PUBLIC may connect to a new database by default: only its owner may here.
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;

-- Tables made by an earlier version under a shared role become the worker's (their sequences
-- follow them); ALTER TABLE needs the database itself.
\connect :"database"
SELECT set_config('menuskart.role', :'role', false) \gset
DO $$
DECLARE
  owner_role text := current_setting('menuskart.role');
  relation record;
BEGIN
  FOR relation IN
    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
    WHERE c.relnamespace = 'public'::regnamespace
      AND c.relowner <> owner_role::regrole
      AND (c.relkind IN ('r', 'p', 'v', 'm')
           -- a sequence not owned by a column (those move with their table)
           OR (c.relkind = 'S' AND NOT EXISTS (
                 SELECT FROM pg_depend d
                 WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                   AND d.deptype IN ('a', 'i'))))
  LOOP
    IF relation.relkind = 'S' THEN
      EXECUTE format('ALTER SEQUENCE %s OWNER TO %I', relation.name, owner_role);
    ELSE
      EXECUTE format('ALTER TABLE %s OWNER TO %I', relation.name, owner_role);
    END IF;
  END LOOP;
END
$$;
