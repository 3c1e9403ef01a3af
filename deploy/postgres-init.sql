-- Run once by the postgres image on an empty volume: each Postgres worker owns its database
-- (`menuskart` for auth is POSTGRES_DB; orders, payments and notify have their own).
CREATE DATABASE menuskart_orders OWNER menuskart;
CREATE DATABASE menuskart_payments OWNER menuskart;
CREATE DATABASE menuskart_notify OWNER menuskart;
