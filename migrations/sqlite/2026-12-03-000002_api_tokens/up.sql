-- Personal API tokens: a user's bearer secrets for /api/v1. Only the SHA-256 of the secret is
-- kept (the secret is shown once, at creation); a token acts as its user, and a `read` token
-- may not change anything. A revoked token stays listed, with when it was revoked.

CREATE TABLE api_tokens (
    id            text PRIMARY KEY,
    user_id       text NOT NULL REFERENCES users (id),
    name          text NOT NULL CHECK (name <> ''),
    secret_hash   text NOT NULL UNIQUE,
    scope         text NOT NULL CHECK (scope IN ('read', 'write')),
    created_at    text NOT NULL,
    last_used_at  text,
    revoked_at    text
);

CREATE INDEX api_tokens_user_idx ON api_tokens (user_id, created_at);
