-- Failed sign-ins per client address, so that guessing is throttled even for e-mails that
-- have no account. A row lives only while its window or its block lasts.

CREATE TABLE login_throttles (
    client             text PRIMARY KEY,
    failures           integer NOT NULL DEFAULT 0 CHECK (failures >= 0),
    window_started_at  timestamptz NOT NULL,
    blocked_until      timestamptz
);

CREATE INDEX login_throttles_window_idx ON login_throttles (window_started_at);
