-- Testing on both sides: one row per test (a method on a sample, run by one side), with its
-- result, the limit it was held against, and its review; discrepancies between the sides.

CREATE TABLE tests (
    id               uuid PRIMARY KEY,
    sample_id        uuid NOT NULL REFERENCES samples (id),
    test_method_id   uuid NOT NULL REFERENCES test_methods (id),
    side             text NOT NULL CHECK (side IN ('kz', 'cn')),
    status           text NOT NULL CHECK (status IN ('pending', 'entered', 'verified', 'invalidated', 'removed')),
    required         boolean NOT NULL DEFAULT true,
    retest_of        uuid REFERENCES tests (id),
    reading          text CHECK (reading IN ('value', 'below_loq', 'not_detected', 'detected')),
    value            text,
    unit             text,
    conformity       text CHECK (conformity IN ('conforms', 'does_not_conform', 'inconclusive')),
    limit_rule       text CHECK (limit_rule IN ('max', 'min', 'not_detected')),
    limit_value      text,
    limit_unit       text,
    entered_by       uuid REFERENCES users (id),
    entered_at       timestamptz,
    verified_by      uuid REFERENCES users (id),
    verified_at      timestamptz,
    note             text,
    created_at       timestamptz NOT NULL,
    version          integer NOT NULL DEFAULT 1,
    CHECK ((status IN ('entered', 'verified', 'invalidated')) = (reading IS NOT NULL)),
    CHECK ((status IN ('verified', 'invalidated')) = (verified_by IS NOT NULL)),
    CHECK (verified_by IS NULL OR verified_by <> entered_by)
);

CREATE INDEX tests_bench_idx ON tests (side, status, test_method_id, created_at);
CREATE INDEX tests_sample_idx ON tests (sample_id);

CREATE TABLE discrepancies (
    id               uuid PRIMARY KEY,
    sample_id        uuid NOT NULL REFERENCES samples (id),
    test_method_id   uuid NOT NULL REFERENCES test_methods (id),
    status           text NOT NULL CHECK (status IN ('open', 'resolved')),
    outcome_kz       text,
    reason_kz        text,
    resolved_kz_by   uuid REFERENCES users (id),
    outcome_cn       text,
    reason_cn        text,
    resolved_cn_by   uuid REFERENCES users (id),
    created_at       timestamptz NOT NULL,
    resolved_at      timestamptz,
    version          integer NOT NULL DEFAULT 1,
    UNIQUE (sample_id, test_method_id)
);
