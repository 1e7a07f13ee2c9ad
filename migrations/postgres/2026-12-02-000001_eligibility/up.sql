-- Eligibility for China: exporters' registrations on the GACC register of enterprises (for a
-- commodity, or for an HS heading that prefixes commodities' HS codes), withdrawn but never
-- deleted; and the additional declarations destination protocols require on certificates,
-- per destination (limit set) and optionally per commodity, retired but never deleted.

CREATE TABLE gacc_registrations (
    id               uuid PRIMARY KEY,
    exporter_id      uuid NOT NULL REFERENCES exporters (id),
    register_number  text NOT NULL CHECK (length(register_number) BETWEEN 1 AND 40),
    commodity_id     uuid REFERENCES commodities (id),
    hs_heading       text CHECK (hs_heading ~ '^[0-9]{2,10}$'),
    -- Calendar days, YYYY-MM-DD; valid_to empty = open-ended.
    valid_from       text NOT NULL,
    valid_to         text,
    withdrawn_at     timestamptz,
    withdrawn_by     uuid REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1,
    CHECK ((commodity_id IS NULL) <> (hs_heading IS NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX gacc_registrations_exporter_idx ON gacc_registrations (exporter_id, valid_from);

CREATE TABLE declarations (
    id            uuid PRIMARY KEY,
    code          text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    limit_set_id  uuid NOT NULL REFERENCES limit_sets (id),
    -- NULL: every commodity of the destination.
    commodity_id  uuid REFERENCES commodities (id),
    text_en       text NOT NULL CHECK (length(text_en) BETWEEN 1 AND 1000),
    text_ru       text NOT NULL CHECK (length(text_ru) BETWEEN 1 AND 1000),
    text_kk       text NOT NULL CHECK (length(text_kk) BETWEEN 1 AND 1000),
    text_zh       text NOT NULL CHECK (length(text_zh) BETWEEN 1 AND 1000),
    active        boolean NOT NULL DEFAULT true,
    demo          boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer NOT NULL DEFAULT 1
);

CREATE INDEX declarations_destination_idx ON declarations (limit_set_id, active);
