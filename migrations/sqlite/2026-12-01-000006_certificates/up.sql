-- Certificates and non-conformity notices of consignments, co-signed by one certifier of each
-- side. A draft holds the contents frozen when it was made (the particulars of the
-- consignment, every result with its limit, the additional declarations chosen); each
-- signature checks that the record still says the same. The second signature issues it: the
-- gapless number, the validity, the verification code and the signed token.

CREATE TABLE certificates (
    id                 text PRIMARY KEY,
    consignment_id     text NOT NULL REFERENCES consignments (id),
    kind               text NOT NULL CHECK (kind IN ('phytosanitary', 'veterinary', 'notice')),
    status             text NOT NULL CHECK (status IN ('draft', 'issued', 'replaced', 'revoked', 'discarded')),
    number             text UNIQUE,
    verification_code  text UNIQUE,
    replaces_id        text REFERENCES certificates (id),
    -- What the certifiers may set on the draft (a replacement corrects these).
    consignee          text NOT NULL,
    transport_details  text NOT NULL,
    remarks            text NOT NULL DEFAULT '',
    replacement_reason text,
    -- The printed contents as JSON, frozen when drafted.
    contents           text NOT NULL,
    token              text,
    issued_at          text,
    valid_until        text,
    drafted_by         text NOT NULL REFERENCES users (id),
    created_at         text NOT NULL,
    revoked_at         text,
    revoked_by         text REFERENCES users (id),
    revocation_reason  text,
    version            integer NOT NULL DEFAULT 1,
    CHECK ((status IN ('issued', 'replaced', 'revoked')) = (number IS NOT NULL)),
    CHECK ((status IN ('issued', 'replaced', 'revoked')) = (issued_at IS NOT NULL)),
    CHECK ((status = 'revoked') = (revocation_reason IS NOT NULL)),
    CHECK ((replaces_id IS NULL) = (replacement_reason IS NULL))
);

-- One draft and one issued document per consignment at a time; a certificate is replaced once.
CREATE UNIQUE INDEX certificates_one_draft_idx ON certificates (consignment_id) WHERE status = 'draft';
CREATE UNIQUE INDEX certificates_one_issued_idx ON certificates (consignment_id) WHERE status = 'issued';
CREATE UNIQUE INDEX certificates_one_replacement_idx ON certificates (replaces_id)
    WHERE replaces_id IS NOT NULL AND status <> 'discarded';
CREATE INDEX certificates_status_idx ON certificates (status, created_at);
CREATE INDEX certificates_consignment_idx ON certificates (consignment_id);

-- The signatures (21 CFR Part 11 §11.50): who, which side, when, in which zone, and what the
-- signature means. One per side and one per person on a document.
CREATE TABLE certificate_signatures (
    id              text PRIMARY KEY,
    certificate_id  text NOT NULL REFERENCES certificates (id),
    signer_id       text NOT NULL REFERENCES users (id),
    side            text NOT NULL CHECK (side IN ('kz', 'cn')),
    meaning         text NOT NULL CHECK (meaning IN ('issued', 'co_signed')),
    printed_name    text NOT NULL,
    time_zone       text NOT NULL CHECK (time_zone IN ('almaty', 'beijing')),
    signed_at       text NOT NULL,
    UNIQUE (certificate_id, side),
    UNIQUE (certificate_id, signer_id)
);
