-- The browser's user agent as ingest received it (the session pages derive browser, OS and device
-- type from it). Kept in the warehouse only, not in the columnar copy (funnels never read it).
ALTER TABLE clickstream_events ADD COLUMN user_agent text;
