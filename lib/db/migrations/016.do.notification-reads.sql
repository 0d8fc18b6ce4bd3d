-- The in-app centre is a place people read, not a channel to throttle: each person marks what they
-- have read (a row per person and notification), and the rate limit no longer applies to it.
CREATE TABLE notification_reads (
  user_id          text NOT NULL,
  notification_id  bigint NOT NULL REFERENCES notifications (id),
  read_at          timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, notification_id)
);

-- What the old rate limit held back in-app is shown after all (nothing was ever meant to be dropped
-- there), and the in-app digests that stood in for them are retired.
UPDATE notifications
   SET status = 'sent', digest_id = NULL,
       payload = jsonb_build_object('title', title, 'lines', '[]'::jsonb, 'fields', '[]'::jsonb, 'link',
         CASE kind WHEN 'finding' THEN '/findings/' || subject WHEN 'incident' THEN '/incidents/' || subject END)
 WHERE channel_id = 'inapp' AND status IN ('held', 'digested');
UPDATE notifications SET status = 'duplicate' WHERE channel_id = 'inapp' AND kind = 'digest';
