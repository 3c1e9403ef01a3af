-- Run once by the postgres image on an empty volume: each Postgres worker owns its database
-- (`menuskart` for auth is POSTGRES_DB; orders has its own).
CREATE DATABASE menuskart_orders OWNER menuskart;
