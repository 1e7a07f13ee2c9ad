-- Intake: the catalog (commodities, test methods, limit sets, default panels), testing
-- applications, consignments, samples with their portions, custody events, and the
-- counters behind gapless yearly codes.

CREATE TABLE commodities (
    id          uuid PRIMARY KEY,
    name_en     text NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
    name_ru     text NOT NULL CHECK (length(name_ru) BETWEEN 1 AND 200),
    name_kk     text NOT NULL CHECK (length(name_kk) BETWEEN 1 AND 200),
    name_zh     text NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 200),
    hs_code     text NOT NULL CHECK (hs_code ~ '^[0-9]{6,10}$'),
    kind        text NOT NULL CHECK (kind IN ('plant', 'animal')),
    demo        boolean NOT NULL DEFAULT false,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    version     integer NOT NULL DEFAULT 1
);

CREATE TABLE test_methods (
    id           uuid PRIMARY KEY,
    code         text NOT NULL UNIQUE CHECK (length(code) BETWEEN 1 AND 40),
    name_en      text NOT NULL,
    name_ru      text NOT NULL,
    name_kk      text NOT NULL,
    name_zh      text NOT NULL,
    discipline   text NOT NULL CHECK (discipline IN ('quarantine_pest', 'mycotoxin', 'heavy_metal', 'pesticide_residue', 'microbiology', 'veterinary_drug_residue', 'radionuclide', 'veterinary_disease')),
    result_kind  text NOT NULL CHECK (result_kind IN ('quantitative', 'qualitative')),
    unit         text,
    lod          text,
    loq          text,
    standard_kz  text NOT NULL,
    standard_cn  text NOT NULL,
    demo         boolean NOT NULL DEFAULT false,
    active       boolean NOT NULL DEFAULT true,
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      integer NOT NULL DEFAULT 1,
    CHECK ((result_kind = 'quantitative') = (unit IS NOT NULL))
);

CREATE TABLE limit_sets (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{2,8}$'),
    name_en     text NOT NULL,
    name_ru     text NOT NULL,
    name_kk     text NOT NULL,
    name_zh     text NOT NULL,
    reference   text NOT NULL,
    demo        boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL
);

CREATE TABLE limits (
    id              uuid PRIMARY KEY,
    limit_set_id    uuid NOT NULL REFERENCES limit_sets (id),
    commodity_id    uuid NOT NULL REFERENCES commodities (id),
    test_method_id  uuid NOT NULL REFERENCES test_methods (id),
    rule            text NOT NULL CHECK (rule IN ('max', 'min', 'not_detected')),
    value           text,
    unit            text,
    reference       text NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL,
    UNIQUE (limit_set_id, commodity_id, test_method_id),
    CHECK ((rule = 'not_detected') = (value IS NULL))
);

CREATE TABLE panel_tests (
    id              uuid PRIMARY KEY,
    commodity_id    uuid NOT NULL REFERENCES commodities (id),
    test_method_id  uuid NOT NULL REFERENCES test_methods (id),
    side            text NOT NULL CHECK (side IN ('kz', 'cn')),
    created_at      timestamptz NOT NULL,
    UNIQUE (commodity_id, test_method_id, side)
);

-- Gapless per-year numbering: a row per (scope, year), bumped inside the transaction that
-- uses the number, so a rolled-back registration leaves no hole.
CREATE TABLE code_counters (
    scope  text NOT NULL,
    year   integer NOT NULL,
    last   bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, year)
);

CREATE TABLE applications (
    id               uuid PRIMARY KEY,
    code             text NOT NULL UNIQUE,
    exporter_id      uuid NOT NULL REFERENCES exporters (id),
    commodity_id     uuid NOT NULL REFERENCES commodities (id),
    quantity         text NOT NULL,
    unit             text NOT NULL CHECK (unit IN ('t', 'kg', 'head', 'pcs')),
    lots             text NOT NULL,
    origin_region    text NOT NULL,
    origin_district  text NOT NULL,
    producer         text NOT NULL,
    consignee        text NOT NULL,
    border_post_id   uuid NOT NULL REFERENCES border_posts (id),
    transport        text NOT NULL CHECK (transport IN ('rail', 'road')),
    planned_date     text NOT NULL,
    limit_set_id     uuid NOT NULL REFERENCES limit_sets (id),
    status           text NOT NULL CHECK (status IN ('submitted', 'accepted', 'returned')),
    return_reason    text,
    submitted_by     uuid NOT NULL REFERENCES users (id),
    submitted_at     timestamptz NOT NULL,
    decided_by       uuid REFERENCES users (id),
    decided_at       timestamptz,
    version          integer NOT NULL DEFAULT 1,
    CHECK ((status = 'returned') = (return_reason IS NOT NULL))
);

CREATE INDEX applications_exporter_idx ON applications (exporter_id, submitted_at);
CREATE INDEX applications_status_idx ON applications (status, submitted_at);

CREATE TABLE consignments (
    id               uuid PRIMARY KEY,
    code             text NOT NULL UNIQUE,
    application_id   uuid UNIQUE REFERENCES applications (id),
    exporter_id      uuid NOT NULL REFERENCES exporters (id),
    commodity_id     uuid NOT NULL REFERENCES commodities (id),
    quantity         text NOT NULL,
    unit             text NOT NULL CHECK (unit IN ('t', 'kg', 'head', 'pcs')),
    lots             text NOT NULL,
    origin_region    text NOT NULL,
    origin_district  text NOT NULL,
    producer         text NOT NULL,
    consignee        text NOT NULL,
    border_post_id   uuid NOT NULL REFERENCES border_posts (id),
    transport        text NOT NULL CHECK (transport IN ('rail', 'road')),
    planned_date     text NOT NULL,
    limit_set_id     uuid NOT NULL REFERENCES limit_sets (id),
    status           text NOT NULL CHECK (status IN ('registered', 'sampled', 'in_testing', 'tested', 'closed')),
    created_by       uuid NOT NULL REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1
);

CREATE INDEX consignments_exporter_idx ON consignments (exporter_id, created_at);
CREATE INDEX consignments_created_idx ON consignments (created_at);

CREATE TABLE samples (
    id                 uuid PRIMARY KEY,
    code               text NOT NULL UNIQUE CHECK (code ~ '^JL-[0-9]{4}-[0-9]{6}$'),
    consignment_id     uuid NOT NULL REFERENCES consignments (id),
    seal_number        text NOT NULL,
    mass               text NOT NULL,
    mass_unit          text NOT NULL CHECK (mass_unit IN ('g', 'kg')),
    storage            text NOT NULL CHECK (storage IN ('ambient', 'chilled', 'frozen')),
    drawn_at           timestamptz NOT NULL,
    drawn_by           text NOT NULL,
    status             text NOT NULL CHECK (status IN ('registered', 'received', 'in_testing', 'tested', 'closed', 'rejected', 'cancelled')),
    created_by         uuid NOT NULL REFERENCES users (id),
    created_at         timestamptz NOT NULL,
    version            integer NOT NULL DEFAULT 1
);

CREATE INDEX samples_consignment_idx ON samples (consignment_id);
CREATE INDEX samples_created_idx ON samples (created_at);
CREATE INDEX samples_seal_idx ON samples (seal_number);

CREATE TABLE sample_portions (
    id          uuid PRIMARY KEY,
    sample_id   uuid NOT NULL REFERENCES samples (id),
    portion     text NOT NULL CHECK (portion IN ('kz', 'cn', 'counter')),
    status      text NOT NULL CHECK (status IN ('sealed', 'handed_over', 'received', 'rejected', 'disposed')),
    holder      text NOT NULL,
    version     integer NOT NULL DEFAULT 1,
    UNIQUE (sample_id, portion)
);

CREATE TABLE custody_events (
    id              uuid PRIMARY KEY,
    sample_id       uuid NOT NULL REFERENCES samples (id),
    portion         text CHECK (portion IN ('kz', 'cn', 'counter')),
    kind            text NOT NULL CHECK (kind IN ('drawn', 'sealed', 'handed_over', 'received', 'accepted', 'rejected', 'disposed', 'cancelled')),
    from_party      text,
    to_party        text,
    seal_intact     boolean,
    temperature_c   text,
    reason          text,
    actor_id        uuid NOT NULL REFERENCES users (id),
    side            text CHECK (side IN ('kz', 'cn')),
    at              timestamptz NOT NULL
);

CREATE INDEX custody_events_sample_idx ON custody_events (sample_id, at);

CREATE FUNCTION custody_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'custody_events is append-only';
END;
$$;

CREATE TRIGGER custody_events_no_update BEFORE UPDATE OR DELETE ON custody_events
    FOR EACH ROW EXECUTE FUNCTION custody_events_append_only();
