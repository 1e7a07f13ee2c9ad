-- Border posts, exporter companies, users, sessions and the hash-chained audit log.

CREATE TABLE border_posts (
    id          uuid PRIMARY KEY,
    code        text NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{3}$'),
    name_en     text NOT NULL,
    name_ru     text NOT NULL,
    name_kk     text NOT NULL,
    name_zh     text NOT NULL,
    transport   text NOT NULL CHECK (transport IN ('road', 'rail')),
    crossing    text NOT NULL,
    active      boolean NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL
);

INSERT INTO border_posts (id, code, name_en, name_ru, name_kk, name_zh, transport, crossing, created_at) VALUES
 ('01a20f14-52b7-77b1-b93d-083583741987', 'NZH', 'Nur Zholy', 'Нур Жолы', 'Нұр Жолы', '努尔若勒', 'road', 'Khorgos', now()),
 ('01a20f14-52b8-7f85-bb53-5090b543c124', 'ALT', 'Altynkol', 'Алтынколь', 'Алтынкөл', '阿腾科里', 'rail', 'Khorgos', now()),
 ('01a20f14-52b9-717a-a7da-a6601e0cda34', 'DST', 'Dostyk', 'Достык', 'Достық', '多斯特克', 'rail', 'Dostyk', now()),
 ('01a20f14-52ba-7825-bcec-83941b4c2a81', 'ALK', 'Alakol', 'Алаколь', 'Алакөл', '阿拉科尔', 'road', 'Dostyk', now()),
 ('01a20f14-52bb-79c6-9f85-e03f9c2953ee', 'KLZ', 'Kolzhat', 'Кольжат', 'Көлжат', '科尔扎特', 'road', 'Kolzhat', now());

CREATE TABLE exporters (
    id             uuid PRIMARY KEY,
    name           text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    bin            text NOT NULL UNIQUE CHECK (bin ~ '^[0-9]{12}$'),
    address        text NOT NULL DEFAULT '',
    contact_email  text NOT NULL DEFAULT '',
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    version        integer NOT NULL DEFAULT 1
);

CREATE TABLE users (
    id                    uuid PRIMARY KEY,
    email                 text NOT NULL UNIQUE CHECK (email = lower(email)),
    display_name          text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 100),
    -- e-mail and name lower-cased by the application (SQLite's lower() folds ASCII only)
    search_text           text NOT NULL,
    role                  text NOT NULL CHECK (role IN ('admin', 'registrar', 'analyst', 'reviewer', 'certifier', 'exporter', 'inspector', 'auditor')),
    side                  text CHECK (side IN ('kz', 'cn')),
    exporter_id           uuid REFERENCES exporters (id),
    border_post_id        uuid REFERENCES border_posts (id),
    language              text NOT NULL CHECK (language IN ('kk', 'ru', 'zh', 'en')),
    time_zone             text NOT NULL CHECK (time_zone IN ('almaty', 'beijing')),
    active                boolean NOT NULL DEFAULT true,
    password_hash         text NOT NULL,
    must_change_password  boolean NOT NULL DEFAULT false,
    failed_logins         integer NOT NULL DEFAULT 0,
    locked_until          timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    version               integer NOT NULL DEFAULT 1,
    CHECK ((role IN ('registrar', 'analyst', 'reviewer', 'certifier', 'auditor')) = (side IS NOT NULL)),
    CHECK ((role = 'exporter') = (exporter_id IS NOT NULL)),
    CHECK ((role = 'inspector') = (border_post_id IS NOT NULL))
);

CREATE INDEX users_role_idx ON users (role, side);

CREATE TABLE sessions (
    id            text PRIMARY KEY,
    user_id       uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL,
    last_seen_at  timestamptz NOT NULL
);

CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE audit_events (
    id           uuid PRIMARY KEY,
    seq          bigint NOT NULL UNIQUE CHECK (seq >= 1),
    at           timestamptz NOT NULL,
    actor_id     uuid,
    actor_label  text NOT NULL,
    action       text NOT NULL,
    entity_type  text NOT NULL,
    entity_id    text,
    side         text CHECK (side IN ('kz', 'cn')),
    before       text,
    after        text,
    prev_hash    text NOT NULL UNIQUE,
    hash         text NOT NULL UNIQUE
);

CREATE INDEX audit_events_at_idx ON audit_events (at);
CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id);

-- The log is append-only: changing or removing an event needs someone to drop this trigger
-- first, and `jointlab verify-audit` shows what they changed.
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_events is append-only';
END;
$$;

CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
    FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
