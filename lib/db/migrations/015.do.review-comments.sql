-- Review items as Tasklist users know them: a comment thread on each item, and each item's priority
-- (0–100, 50 normal) and candidate group (the team whose queue it is in; any reviewer may still act).
CREATE TABLE review_comments (
  id          bigserial PRIMARY KEY,
  review_id   text NOT NULL REFERENCES review_tasks (id),
  author      text NOT NULL,
  body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX review_comments_review_idx ON review_comments (review_id, id);

ALTER TABLE review_tasks ADD COLUMN priority smallint NOT NULL DEFAULT 50 CHECK (priority BETWEEN 0 AND 100);
ALTER TABLE review_tasks ADD COLUMN candidate_group text NOT NULL DEFAULT 'compliance';
UPDATE review_tasks SET candidate_group = 'security-oncall' WHERE workflow <> 'application-review';
