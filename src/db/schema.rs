//! The one diesel schema both backends share (written by hand: custom column types).

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    border_posts (id) {
        id -> DbUuid,
        code -> Text,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
        name_zh -> Text,
        transport -> Text,
        crossing -> Text,
        active -> Bool,
        created_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    exporters (id) {
        id -> DbUuid,
        name -> Text,
        bin -> Text,
        address -> Text,
        contact_email -> Text,
        created_at -> DbTime,
        updated_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    users (id) {
        id -> DbUuid,
        email -> Text,
        display_name -> Text,
        search_text -> Text,
        role -> Text,
        side -> Nullable<Text>,
        exporter_id -> Nullable<DbUuid>,
        border_post_id -> Nullable<DbUuid>,
        language -> Text,
        time_zone -> Text,
        active -> Bool,
        password_hash -> Text,
        must_change_password -> Bool,
        failed_logins -> Integer,
        locked_until -> Nullable<DbTime>,
        created_at -> DbTime,
        updated_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    sessions (id) {
        id -> Text,
        user_id -> DbUuid,
        created_at -> DbTime,
        last_seen_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    audit_events (id) {
        id -> DbUuid,
        seq -> BigInt,
        at -> DbTime,
        actor_id -> Nullable<DbUuid>,
        actor_label -> Text,
        action -> Text,
        entity_type -> Text,
        entity_id -> Nullable<Text>,
        side -> Nullable<Text>,
        before -> Nullable<Text>,
        after -> Nullable<Text>,
        prev_hash -> Text,
        hash -> Text,
    }
}

diesel::joinable!(users -> exporters (exporter_id));
diesel::joinable!(users -> border_posts (border_post_id));
diesel::joinable!(sessions -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    border_posts,
    exporters,
    users,
    sessions,
    audit_events
);
