-- Each person's saved findings views: a name and the filter as the page's URL query. Sharing a view
-- is sending its link; the row is its owner's list, so only the owner sees or deletes it.
CREATE TABLE saved_views (
  id          text PRIMARY KEY,
  owner_id    text NOT NULL,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  query       text NOT NULL CHECK (length(query) <= 2000),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (owner_id, name)
);
