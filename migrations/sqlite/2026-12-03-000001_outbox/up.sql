-- Mail and in-app notifications. Rule 5: a message is written to the outbox in the same
-- transaction as the change that causes it, and the mail worker sends it afterwards, retrying
-- with backoff until the SMTP server accepts it; one that keeps failing is parked (shown on
-- /admin/outbox, retried from there), never deleted.

CREATE TABLE outbox (
    id               text PRIMARY KEY,
    -- The recipient's account, when the message is for one (a reset link is).
    user_id          text REFERENCES users (id),
    to_address       text NOT NULL,
    language         text NOT NULL CHECK (language IN ('kk', 'ru', 'zh', 'en')),
    -- What caused it (an event kind), for the admin page and the tests.
    kind             text NOT NULL,
    subject          text NOT NULL,
    body_text        text NOT NULL,
    body_html        text NOT NULL,
    -- A certificate whose PDF is attached: rendered when the message is sent, not stored.
    attachment_certificate_id text REFERENCES certificates (id),
    attachment_name  text,
    attempts         integer NOT NULL DEFAULT 0,
    -- Due from this instant (later after each failure: the backoff).
    next_attempt_at  text NOT NULL,
    -- Held by the worker that claimed it until this instant: no other worker sends it
    -- meanwhile, and its outcome is recorded only while the lease stands.
    leased_until     text,
    sent_at          text,
    parked_at        text,
    last_error       text,
    created_at       text NOT NULL,
    CHECK (sent_at IS NULL OR parked_at IS NULL)
);

-- What the worker looks for: due, not sent, not parked.
CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE sent_at IS NULL AND parked_at IS NULL;
CREATE INDEX outbox_created_idx ON outbox (created_at, id);

-- Each user's inbox in the application: the same events as the mail, also for users without it.
CREATE TABLE notifications (
    id          text PRIMARY KEY,
    user_id     text NOT NULL REFERENCES users (id),
    kind        text NOT NULL,
    -- The page of the record (a path: /certificates/…).
    link        text NOT NULL,
    -- The message's variables (JSON object of texts), shown in the reader's language.
    params      text NOT NULL,
    created_at  text NOT NULL,
    read_at     text
);

CREATE INDEX notifications_user_idx ON notifications (user_id, created_at, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;

-- Password reset links: only the SHA-256 of the token is kept; single use, expiring.
CREATE TABLE password_resets (
    token_hash  text PRIMARY KEY,
    user_id     text NOT NULL REFERENCES users (id),
    expires_at  text NOT NULL,
    used_at     text,
    created_at  text NOT NULL
);

CREATE INDEX password_resets_user_idx ON password_resets (user_id);

-- The events a user chose not to receive by mail (they still appear in the inbox).
CREATE TABLE mail_opt_outs (
    user_id     text NOT NULL REFERENCES users (id),
    kind        text NOT NULL,
    created_at  text NOT NULL,
    PRIMARY KEY (user_id, kind)
);
