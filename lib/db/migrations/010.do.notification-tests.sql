-- Admins can send a test message to a channel (to check a webhook or bot token); it is recorded like any other.
ALTER TABLE notifications DROP CONSTRAINT notifications_kind_check;
ALTER TABLE notifications ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('finding', 'incident', 'digest', 'test'));
