-- Intake: the catalog (commodities, test methods, limit sets, default panels), testing
-- applications, consignments, samples with their portions, custody events, and the
-- counters behind gapless yearly codes.

CREATE TABLE commodities (
    id          TEXT PRIMARY KEY NOT NULL,
    name_en     TEXT NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ru     TEXT NOT NULL CHECK (length(name_ru) BETWEEN 1 AND 200),
    name_kk     TEXT NOT NULL CHECK (length(name_kk) BETWEEN 1 AND 200),
    name_zh     TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    hs_code     TEXT NOT NULL CHECK (length(hs_code) BETWEEN 6 AND 10 AND hs_code NOT GLOB '*[^0-9]*'),
    kind        TEXT NOT NULL CHECK (kind IN ('plant', 'animal')),
    demo        INTEGER NOT NULL DEFAULT 0,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE test_methods (
    id           TEXT PRIMARY KEY NOT NULL,
    code         TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name_en      TEXT NOT NULL,
    name_ru      TEXT NOT NULL,
    name_kk      TEXT NOT NULL,
    name_zh      TEXT NOT NULL,
    discipline   TEXT NOT NULL CHECK (discipline IN ('quarantine_pest', 'mycotoxin', 'heavy_metal', 'pesticide_residue', 'microbiology', 'veterinary_drug_residue', 'radionuclide', 'veterinary_disease')),
    result_kind  TEXT NOT NULL CHECK (result_kind IN ('quantitative', 'qualitative')),
    unit         TEXT,
    lod          TEXT,
    loq          TEXT,
    standard_kz  TEXT NOT NULL,
    standard_cn  TEXT NOT NULL,
    demo         INTEGER NOT NULL DEFAULT 0,
    active       INTEGER NOT NULL DEFAULT 1,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    version      INTEGER NOT NULL DEFAULT 1,
    CHECK ((result_kind = 'quantitative') = (unit IS NOT NULL))
);

CREATE TABLE limit_sets (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) BETWEEN 2 AND 8 AND code = upper(code)),
    name_en     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_kk     TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    reference   TEXT NOT NULL,
    demo        INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT NOT NULL
);

CREATE TABLE limits (
    id              TEXT PRIMARY KEY NOT NULL,
    limit_set_id    TEXT NOT NULL REFERENCES limit_sets (id),
    commodity_id    TEXT NOT NULL REFERENCES commodities (id),
    test_method_id  TEXT NOT NULL REFERENCES test_methods (id),
    rule            TEXT NOT NULL CHECK (rule IN ('max', 'min', 'not_detected')),
    value           TEXT,
    unit            TEXT,
    reference       TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL,
    UNIQUE (limit_set_id, commodity_id, test_method_id),
    CHECK ((rule = 'not_detected') = (value IS NULL))
);

CREATE TABLE panel_tests (
    id              TEXT PRIMARY KEY NOT NULL,
    commodity_id    TEXT NOT NULL REFERENCES commodities (id),
    test_method_id  TEXT NOT NULL REFERENCES test_methods (id),
    side            TEXT NOT NULL CHECK (side IN ('kz', 'cn')),
    created_at      TEXT NOT NULL,
    UNIQUE (commodity_id, test_method_id, side)
);

-- Gapless per-year numbering: a row per (scope, year), bumped inside the transaction that
-- uses the number, so a rolled-back registration leaves no hole.
CREATE TABLE code_counters (
    scope  TEXT NOT NULL,
    year   INTEGER NOT NULL,
    last   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, year)
);

CREATE TABLE applications (
    id               TEXT PRIMARY KEY NOT NULL,
    code             TEXT NOT NULL UNIQUE,
    exporter_id      TEXT NOT NULL REFERENCES exporters (id),
    commodity_id     TEXT NOT NULL REFERENCES commodities (id),
    quantity         TEXT NOT NULL,
    unit             TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'head', 'pcs')),
    lots             TEXT NOT NULL,
    origin_region    TEXT NOT NULL,
    origin_district  TEXT NOT NULL,
    producer         TEXT NOT NULL,
    consignee        TEXT NOT NULL,
    border_post_id   TEXT NOT NULL REFERENCES border_posts (id),
    transport        TEXT NOT NULL CHECK (transport IN ('rail', 'road')),
    planned_date     TEXT NOT NULL,
    limit_set_id     TEXT NOT NULL REFERENCES limit_sets (id),
    status           TEXT NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned')),
    return_reason    TEXT,
    submitted_by     TEXT NOT NULL REFERENCES users (id),
    submitted_at     TEXT NOT NULL,
    decided_by       TEXT REFERENCES users (id),
    decided_at       TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK ((status = 'returned') = (return_reason IS NOT NULL))
);

CREATE INDEX applications_exporter_idx ON applications (exporter_id, submitted_at);
CREATE INDEX applications_status_idx ON applications (status, submitted_at);

CREATE TABLE consignments (
    id               TEXT PRIMARY KEY NOT NULL,
    code             TEXT NOT NULL UNIQUE,
    application_id   TEXT UNIQUE REFERENCES applications (id),
    exporter_id      TEXT NOT NULL REFERENCES exporters (id),
    commodity_id     TEXT NOT NULL REFERENCES commodities (id),
    quantity         TEXT NOT NULL,
    unit             TEXT NOT NULL CHECK (unit IN ('t', 'kg', 'head', 'pcs')),
    lots             TEXT NOT NULL,
    origin_region    TEXT NOT NULL,
    origin_district  TEXT NOT NULL,
    producer         TEXT NOT NULL,
    consignee        TEXT NOT NULL,
    border_post_id   TEXT NOT NULL REFERENCES border_posts (id),
    transport        TEXT NOT NULL CHECK (transport IN ('rail', 'road')),
    planned_date     TEXT NOT NULL,
    limit_set_id     TEXT NOT NULL REFERENCES limit_sets (id),
    status           TEXT NOT NULL CHECK (status IN ('registered', 'sampled', 'in_testing', 'tested', 'closed')),
    created_by       TEXT NOT NULL REFERENCES users (id),
    created_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX consignments_exporter_idx ON consignments (exporter_id, created_at);
CREATE INDEX consignments_created_idx ON consignments (created_at);

CREATE TABLE samples (
    id                 TEXT PRIMARY KEY NOT NULL,
    code               TEXT NOT NULL UNIQUE CHECK (code GLOB 'JL-[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9][0-9][0-9][0-9]'),
    consignment_id     TEXT NOT NULL REFERENCES consignments (id),
    seal_number        TEXT NOT NULL,
    mass               TEXT NOT NULL,
    mass_unit          TEXT NOT NULL CHECK (mass_unit IN ('g', 'kg')),
    storage            TEXT NOT NULL CHECK (storage IN ('ambient', 'chilled', 'frozen')),
    drawn_at           TEXT NOT NULL,
    drawn_by           TEXT NOT NULL,
    status             TEXT NOT NULL CHECK (status IN ('registered', 'received', 'in_testing', 'tested', 'closed', 'rejected', 'cancelled')),
    created_by         TEXT NOT NULL REFERENCES users (id),
    created_at         TEXT NOT NULL,
    version            INTEGER NOT NULL DEFAULT 1
);

CREATE INDEX samples_consignment_idx ON samples (consignment_id);
CREATE INDEX samples_created_idx ON samples (created_at);
CREATE INDEX samples_seal_idx ON samples (seal_number);

CREATE TABLE sample_portions (
    id          TEXT PRIMARY KEY NOT NULL,
    sample_id   TEXT NOT NULL REFERENCES samples (id),
    portion     TEXT NOT NULL CHECK (portion IN ('kz', 'cn', 'counter')),
    status      TEXT NOT NULL CHECK (status IN ('sealed', 'handed_over', 'received', 'rejected', 'disposed')),
    holder      TEXT NOT NULL,
    version     INTEGER NOT NULL DEFAULT 1,
    UNIQUE (sample_id, portion)
);

CREATE TABLE custody_events (
    id              TEXT PRIMARY KEY NOT NULL,
    sample_id       TEXT NOT NULL REFERENCES samples (id),
    portion         TEXT CHECK (portion IN ('kz', 'cn', 'counter')),
    kind            TEXT NOT NULL CHECK (kind IN ('drawn', 'sealed', 'handed_over', 'received', 'accepted', 'rejected', 'disposed', 'cancelled')),
    from_party      TEXT,
    to_party        TEXT,
    seal_intact     INTEGER,
    temperature_c   TEXT,
    reason          TEXT,
    actor_id        TEXT NOT NULL REFERENCES users (id),
    side            TEXT CHECK (side IN ('kz', 'cn')),
    at              TEXT NOT NULL
);

CREATE INDEX custody_events_sample_idx ON custody_events (sample_id, at);

CREATE TRIGGER custody_events_no_update BEFORE UPDATE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody_events is append-only');
END;

CREATE TRIGGER custody_events_no_delete BEFORE DELETE ON custody_events
BEGIN
    SELECT RAISE(ABORT, 'custody_events is append-only');
END;
