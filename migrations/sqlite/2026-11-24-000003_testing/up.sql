-- Testing on both sides: one row per test (a method on a sample, run by one side), with its
-- result, the limit it was held against, and its review; discrepancies between the sides.

CREATE TABLE tests (
    id               TEXT PRIMARY KEY NOT NULL,
    sample_id        TEXT NOT NULL REFERENCES samples (id),
    test_method_id   TEXT NOT NULL REFERENCES test_methods (id),
    side             TEXT NOT NULL CHECK (side IN ('kz', 'cn')),
    status           TEXT NOT NULL CHECK (status IN ('pending', 'entered', 'verified', 'invalidated', 'removed')),
    required         INTEGER NOT NULL DEFAULT 1,
    retest_of        TEXT REFERENCES tests (id),
    reading          TEXT CHECK (reading IN ('value', 'below_loq', 'not_detected', 'detected')),
    value            TEXT,
    unit             TEXT,
    conformity       TEXT CHECK (conformity IN ('conforms', 'does_not_conform', 'inconclusive')),
    limit_rule       TEXT CHECK (limit_rule IN ('max', 'min', 'not_detected')),
    limit_value      TEXT,
    limit_unit       TEXT,
    entered_by       TEXT REFERENCES users (id),
    entered_at       TEXT,
    verified_by      TEXT REFERENCES users (id),
    verified_at      TEXT,
    note             TEXT,
    created_at       TEXT NOT NULL,
    version          INTEGER NOT NULL DEFAULT 1,
    CHECK ((status IN ('entered', 'verified', 'invalidated')) = (reading IS NOT NULL)),
    CHECK ((status IN ('verified', 'invalidated')) = (verified_by IS NOT NULL)),
    CHECK (verified_by IS NULL OR verified_by <> entered_by)
);

CREATE INDEX tests_bench_idx ON tests (side, status, test_method_id, created_at);
CREATE INDEX tests_sample_idx ON tests (sample_id);

CREATE TABLE discrepancies (
    id               TEXT PRIMARY KEY NOT NULL,
    sample_id        TEXT NOT NULL REFERENCES samples (id),
    test_method_id   TEXT NOT NULL REFERENCES test_methods (id),
    status           TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
    outcome_kz       TEXT,
    reason_kz        TEXT,
    resolved_kz_by   TEXT REFERENCES users (id),
    outcome_cn       TEXT,
    reason_cn        TEXT,
    resolved_cn_by   TEXT REFERENCES users (id),
    created_at       TEXT NOT NULL,
    resolved_at      TEXT,
    version          INTEGER NOT NULL DEFAULT 1,
    UNIQUE (sample_id, test_method_id)
);
