-- Border posts, exporter companies, users, sessions and the hash-chained audit log.
-- Ids are hyphenated UUID text; instants are RFC 3339 UTC text with microseconds.

CREATE TABLE border_posts (
    id          TEXT PRIMARY KEY NOT NULL,
    code        TEXT NOT NULL UNIQUE CHECK (length(code) = 3 AND code = upper(code)),
    name_en     TEXT NOT NULL,
    name_ru     TEXT NOT NULL,
    name_kk     TEXT NOT NULL,
    name_zh     TEXT NOT NULL,
    transport   TEXT NOT NULL CHECK (transport IN ('road', 'rail')),
    crossing    TEXT NOT NULL,
    active      INTEGER NOT NULL DEFAULT 1,
    created_at  TEXT NOT NULL
);

INSERT INTO border_posts (id, code, name_en, name_ru, name_kk, name_zh, transport, crossing, created_at) VALUES
 ('01a20f14-52b7-77b1-b93d-083583741987', 'NZH', 'Nur Zholy', 'Нур Жолы', 'Нұр Жолы', '努尔若勒', 'road', 'Khorgos', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
 ('01a20f14-52b8-7f85-bb53-5090b543c124', 'ALT', 'Altynkol', 'Алтынколь', 'Алтынкөл', '阿腾科里', 'rail', 'Khorgos', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
 ('01a20f14-52b9-717a-a7da-a6601e0cda34', 'DST', 'Dostyk', 'Достык', 'Достық', '多斯特克', 'rail', 'Dostyk', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
 ('01a20f14-52ba-7825-bcec-83941b4c2a81', 'ALK', 'Alakol', 'Алаколь', 'Алакөл', '阿拉科尔', 'road', 'Dostyk', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
 ('01a20f14-52bb-79c6-9f85-e03f9c2953ee', 'KLZ', 'Kolzhat', 'Кольжат', 'Көлжат', '科尔扎特', 'road', 'Kolzhat', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));

CREATE TABLE exporters (
    id             TEXT PRIMARY KEY NOT NULL,
    name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    bin            TEXT NOT NULL UNIQUE CHECK (length(bin) = 12 AND bin NOT GLOB '*[^0-9]*'),
    address        TEXT NOT NULL DEFAULT '',
    contact_email  TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    version        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id                    TEXT PRIMARY KEY NOT NULL,
    email                 TEXT NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name          TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    -- e-mail and name lower-cased by the application (SQLite's lower() folds ASCII only)
    search_text           TEXT NOT NULL,
    role                  TEXT NOT NULL CHECK (role IN ('admin', 'registrar', 'analyst', 'reviewer', 'certifier', 'exporter', 'inspector', 'auditor')),
    side                  TEXT CHECK (side IN ('kz', 'cn')),
    exporter_id           TEXT REFERENCES exporters (id),
    border_post_id        TEXT REFERENCES border_posts (id),
    language              TEXT NOT NULL CHECK (language IN ('kk', 'ru', 'zh', 'en')),
    time_zone             TEXT NOT NULL CHECK (time_zone IN ('almaty', 'beijing')),
    active                INTEGER NOT NULL DEFAULT 1,
    password_hash         TEXT NOT NULL,
    must_change_password  INTEGER NOT NULL DEFAULT 0,
    failed_logins         INTEGER NOT NULL DEFAULT 0,
    locked_until          TEXT,
    created_at            TEXT NOT NULL,
    updated_at            TEXT NOT NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    CHECK ((role IN ('registrar', 'analyst', 'reviewer', 'certifier', 'auditor')) = (side IS NOT NULL)),
    CHECK ((role = 'exporter') = (exporter_id IS NOT NULL)),
    CHECK ((role = 'inspector') = (border_post_id IS NOT NULL))
);

CREATE INDEX users_role_idx ON users (role, side);

CREATE TABLE sessions (
    id            TEXT PRIMARY KEY NOT NULL,
    user_id       TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    TEXT NOT NULL,
    last_seen_at  TEXT NOT NULL
);

CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_events (
    id           TEXT PRIMARY KEY NOT NULL,
    seq          INTEGER NOT NULL UNIQUE CHECK (seq >= 1),
    at           TEXT NOT NULL,
    actor_id     TEXT,
    actor_label  TEXT NOT NULL,
    action       TEXT NOT NULL,
    entity_type  TEXT NOT NULL,
    entity_id    TEXT,
    side         TEXT CHECK (side IN ('kz', 'cn')),
    before       TEXT,
    after        TEXT,
    prev_hash    TEXT NOT NULL UNIQUE,
    hash         TEXT NOT NULL UNIQUE
);

CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

-- The log is append-only: changing or removing an event needs someone to drop these triggers
-- first, and `jointlab verify-audit` shows what they changed.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;

CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
    SELECT RAISE(ABORT, 'audit_events is append-only');
END;
