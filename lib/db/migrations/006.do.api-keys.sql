-- Keys for systems that submit applications. Only a SHA-256 of the secret is kept (the secret is
-- 256 random bits, so a fast hash is enough); the key is shown once, when created.
CREATE TABLE api_keys (
  id            text PRIMARY KEY,
  name          text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  secret_hash   text NOT NULL,
  created_by    text NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  last_used_at  timestamptz,
  revoked_at    timestamptz
);
