-- Border checks: an inspector's decision on a certificate at his post — released, held or
-- refused — with what the certificate and its consignment declared at that moment (post,
-- transport mode), the mode he saw, and the warnings he confirmed he had read. Append-only.

CREATE TABLE border_checks (
    id                  text PRIMARY KEY,
    certificate_id      text NOT NULL REFERENCES certificates (id),
    post_id             text NOT NULL REFERENCES border_posts (id),
    inspector_id        text NOT NULL REFERENCES users (id),
    outcome             text NOT NULL CHECK (outcome IN ('released', 'held', 'refused')),
    note                text NOT NULL DEFAULT '',
    declared_post_id    text NOT NULL REFERENCES border_posts (id),
    declared_transport  text NOT NULL CHECK (declared_transport IN ('rail', 'road')),
    observed_transport  text NOT NULL CHECK (observed_transport IN ('rail', 'road')),
    -- The warning codes shown and confirmed, comma-separated ('' when there were none).
    warnings            text NOT NULL DEFAULT '',
    checked_at          text NOT NULL,
    -- Holding or refusing a consignment needs a reason on record.
    CHECK (outcome = 'released' OR note <> '')
);

-- A certificate is released once, at one post: a second release (also a parallel one) is
-- refused by the database.
CREATE UNIQUE INDEX border_checks_one_release_idx ON border_checks (certificate_id)
    WHERE outcome = 'released';
CREATE INDEX border_checks_certificate_idx ON border_checks (certificate_id, checked_at);
CREATE INDEX border_checks_post_idx ON border_checks (post_id, checked_at);
