-- Whoever claims a notification to send it holds it until `claimed_until`: the same event
-- handed to two instances at once (a redelivery racing a slow send, a replayed dead letter)
-- is sent by one of them; the other retries later and finds it sent.
ALTER TABLE notifications ADD COLUMN claimed_until timestamptz;
