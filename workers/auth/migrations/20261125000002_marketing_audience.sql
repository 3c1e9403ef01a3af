-- Campaigns page through the opted-in users by id.
CREATE INDEX users_marketing_audience ON users (id) WHERE marketing_opt_in;
