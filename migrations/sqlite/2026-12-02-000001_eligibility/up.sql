-- Eligibility for China: exporters' registrations on the GACC register of enterprises (for a
-- commodity, or for an HS heading that prefixes commodities' HS codes), withdrawn but never
-- deleted; and the additional declarations destination protocols require on certificates,
-- per destination (limit set) and optionally per commodity, retired but never deleted.

CREATE TABLE gacc_registrations (
    id               TEXT PRIMARY KEY NOT NULL,
    exporter_id      TEXT NOT NULL REFERENCES exporters (id),
    register_number  TEXT NOT NULL CHECK (length(register_number) BETWEEN 1 AND 40),
    commodity_id     TEXT REFERENCES commodities (id),
    hs_heading       TEXT CHECK (length(hs_heading) BETWEEN 2 AND 10 AND hs_heading NOT GLOB '*[^0-9]*'),
    -- Calendar days, YYYY-MM-DD; valid_to empty = open-ended.
    valid_from       TEXT NOT NULL,
    valid_to         TEXT,
    withdrawn_at     TEXT,
    withdrawn_by     TEXT REFERENCES users (id),
    created_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK ((commodity_id IS NULL) <> (hs_heading IS NULL)),
    CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

CREATE INDEX gacc_registrations_exporter_idx ON gacc_registrations (exporter_id, valid_from);

CREATE TABLE declarations (
    id            TEXT PRIMARY KEY NOT NULL,
    code          TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    limit_set_id  TEXT NOT NULL REFERENCES limit_sets (id),
    -- NULL: every commodity of the destination.
    commodity_id  TEXT REFERENCES commodities (id),
    text_en       TEXT NOT NULL CHECK (length(text_en) BETWEEN 1 AND 1000),
    text_ru       TEXT NOT NULL CHECK (length(text_ru) BETWEEN 1 AND 1000),
    text_kk       TEXT NOT NULL CHECK (length(text_kk) BETWEEN 1 AND 1000),
    text_zh       TEXT NOT NULL CHECK (length(text_zh) BETWEEN 1 AND 1000),
    active        INTEGER NOT NULL DEFAULT 1,
    demo          INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    version       INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX declarations_destination_idx ON declarations (limit_set_id, active);
