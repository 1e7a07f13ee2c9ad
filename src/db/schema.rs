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
        search_text -> Text,
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
    use crate::db::types::DbTime;

    login_throttles (client) {
        client -> Text,
        failures -> Integer,
        window_started_at -> DbTime,
        blocked_until -> Nullable<DbTime>,
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
        hash -> Binary,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    commodities (id) {
        id -> DbUuid,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
        name_zh -> Text,
        hs_code -> Text,
        kind -> Text,
        demo -> Bool,
        active -> Bool,
        created_at -> DbTime,
        updated_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    test_methods (id) {
        id -> DbUuid,
        code -> Text,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
        name_zh -> Text,
        discipline -> Text,
        result_kind -> Text,
        unit -> Nullable<Text>,
        lod -> Nullable<Text>,
        loq -> Nullable<Text>,
        standard_kz -> Text,
        standard_cn -> Text,
        demo -> Bool,
        active -> Bool,
        created_at -> DbTime,
        updated_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    limit_sets (id) {
        id -> DbUuid,
        code -> Text,
        name_en -> Text,
        name_ru -> Text,
        name_kk -> Text,
        name_zh -> Text,
        reference -> Text,
        demo -> Bool,
        created_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    limits (id) {
        id -> DbUuid,
        limit_set_id -> DbUuid,
        commodity_id -> DbUuid,
        test_method_id -> DbUuid,
        rule -> Text,
        value -> Nullable<Text>,
        unit -> Nullable<Text>,
        reference -> Text,
        created_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    panel_tests (id) {
        id -> DbUuid,
        commodity_id -> DbUuid,
        test_method_id -> DbUuid,
        side -> Text,
        created_at -> DbTime,
    }
}

diesel::table! {
    code_counters (scope, year) {
        scope -> Text,
        year -> Integer,
        last -> BigInt,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    applications (id) {
        id -> DbUuid,
        code -> Text,
        exporter_id -> DbUuid,
        commodity_id -> DbUuid,
        quantity -> Text,
        unit -> Text,
        lots -> Text,
        origin_region -> Text,
        origin_district -> Text,
        producer -> Text,
        consignee -> Text,
        border_post_id -> DbUuid,
        transport -> Text,
        planned_date -> Text,
        limit_set_id -> DbUuid,
        status -> Text,
        return_reason -> Nullable<Text>,
        submitted_by -> DbUuid,
        submitted_at -> DbTime,
        decided_by -> Nullable<DbUuid>,
        decided_at -> Nullable<DbTime>,
        version -> Integer,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    consignments (id) {
        id -> DbUuid,
        code -> Text,
        application_id -> Nullable<DbUuid>,
        exporter_id -> DbUuid,
        commodity_id -> DbUuid,
        quantity -> Text,
        unit -> Text,
        lots -> Text,
        origin_region -> Text,
        origin_district -> Text,
        producer -> Text,
        consignee -> Text,
        border_post_id -> DbUuid,
        transport -> Text,
        planned_date -> Text,
        limit_set_id -> DbUuid,
        status -> Text,
        created_by -> DbUuid,
        created_at -> DbTime,
        version -> Integer,
        search_text -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    samples (id) {
        id -> DbUuid,
        code -> Text,
        consignment_id -> DbUuid,
        seal_number -> Text,
        mass -> Text,
        mass_unit -> Text,
        storage -> Text,
        drawn_at -> DbTime,
        drawn_by -> Text,
        status -> Text,
        created_by -> DbUuid,
        created_at -> DbTime,
        version -> Integer,
        replaces_sample_id -> Nullable<DbUuid>,
        seal_key -> Text,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::DbUuid;

    sample_portions (id) {
        id -> DbUuid,
        sample_id -> DbUuid,
        portion -> Text,
        status -> Text,
        holder -> Text,
        version -> Integer,
        sample_finished -> Bool,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    custody_events (id) {
        id -> DbUuid,
        sample_id -> DbUuid,
        portion -> Nullable<Text>,
        kind -> Text,
        from_party -> Nullable<Text>,
        to_party -> Nullable<Text>,
        seal_intact -> Nullable<Bool>,
        temperature_c -> Nullable<Text>,
        reason -> Nullable<Text>,
        actor_id -> DbUuid,
        side -> Nullable<Text>,
        at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    tests (id) {
        id -> DbUuid,
        sample_id -> DbUuid,
        test_method_id -> DbUuid,
        side -> Text,
        status -> Text,
        required -> Bool,
        retest_of -> Nullable<DbUuid>,
        reading -> Nullable<Text>,
        value -> Nullable<Text>,
        unit -> Nullable<Text>,
        conformity -> Nullable<Text>,
        limit_rule -> Nullable<Text>,
        limit_value -> Nullable<Text>,
        limit_unit -> Nullable<Text>,
        entered_by -> Nullable<DbUuid>,
        entered_at -> Nullable<DbTime>,
        verified_by -> Nullable<DbUuid>,
        verified_at -> Nullable<DbTime>,
        note -> Nullable<Text>,
        created_at -> DbTime,
        version -> Integer,
        withdrawn_at -> Nullable<DbTime>,
        reading_as_entered -> Nullable<Text>,
        instrument -> Nullable<Text>,
        analysed_on -> Nullable<Text>,
        result_comment -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    discrepancies (id) {
        id -> DbUuid,
        sample_id -> DbUuid,
        test_method_id -> DbUuid,
        status -> Text,
        outcome_kz -> Nullable<Text>,
        reason_kz -> Nullable<Text>,
        resolved_kz_by -> Nullable<DbUuid>,
        outcome_cn -> Nullable<Text>,
        reason_cn -> Nullable<Text>,
        resolved_cn_by -> Nullable<DbUuid>,
        created_at -> DbTime,
        resolved_at -> Nullable<DbTime>,
        version -> Integer,
        agreed -> Nullable<Text>,
        closed_by -> Nullable<Text>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    certificates (id) {
        id -> DbUuid,
        consignment_id -> DbUuid,
        kind -> Text,
        status -> Text,
        number -> Nullable<Text>,
        verification_code -> Nullable<Text>,
        replaces_id -> Nullable<DbUuid>,
        consignee -> Text,
        transport_details -> Text,
        remarks -> Text,
        replacement_reason -> Nullable<Text>,
        contents -> Binary,
        token -> Nullable<Text>,
        issued_at -> Nullable<DbTime>,
        valid_until -> Nullable<DbTime>,
        drafted_by -> DbUuid,
        created_at -> DbTime,
        revoked_at -> Nullable<DbTime>,
        revoked_by -> Nullable<DbUuid>,
        revocation_reason -> Nullable<Text>,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    certificate_signatures (id) {
        id -> DbUuid,
        certificate_id -> DbUuid,
        signer_id -> DbUuid,
        side -> Text,
        meaning -> Text,
        printed_name -> Text,
        time_zone -> Text,
        signed_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    gacc_registrations (id) {
        id -> DbUuid,
        exporter_id -> DbUuid,
        register_number -> Text,
        commodity_id -> Nullable<DbUuid>,
        hs_heading -> Nullable<Text>,
        valid_from -> Text,
        valid_to -> Nullable<Text>,
        withdrawn_at -> Nullable<DbTime>,
        withdrawn_by -> Nullable<DbUuid>,
        created_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    declarations (id) {
        id -> DbUuid,
        code -> Text,
        limit_set_id -> DbUuid,
        commodity_id -> Nullable<DbUuid>,
        text_en -> Text,
        text_ru -> Text,
        text_kk -> Text,
        text_zh -> Text,
        active -> Bool,
        demo -> Bool,
        created_at -> DbTime,
        updated_at -> DbTime,
        version -> Integer,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    border_checks (id) {
        id -> DbUuid,
        certificate_id -> DbUuid,
        post_id -> DbUuid,
        inspector_id -> DbUuid,
        outcome -> Text,
        note -> Text,
        declared_post_id -> DbUuid,
        declared_transport -> Text,
        observed_transport -> Text,
        warnings -> Text,
        checked_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    api_tokens (id) {
        id -> DbUuid,
        user_id -> DbUuid,
        name -> Text,
        secret_hash -> Text,
        scope -> Text,
        created_at -> DbTime,
        last_used_at -> Nullable<DbTime>,
        revoked_at -> Nullable<DbTime>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    outbox (id) {
        id -> DbUuid,
        user_id -> Nullable<DbUuid>,
        to_address -> Text,
        language -> Text,
        kind -> Text,
        subject -> Text,
        body_text -> Text,
        body_html -> Text,
        attachment_certificate_id -> Nullable<DbUuid>,
        attachment_name -> Nullable<Text>,
        attempts -> Integer,
        next_attempt_at -> DbTime,
        leased_until -> Nullable<DbTime>,
        sent_at -> Nullable<DbTime>,
        parked_at -> Nullable<DbTime>,
        last_error -> Nullable<Text>,
        created_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    notifications (id) {
        id -> DbUuid,
        user_id -> DbUuid,
        kind -> Text,
        link -> Text,
        params -> Text,
        created_at -> DbTime,
        read_at -> Nullable<DbTime>,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    password_resets (token_hash) {
        token_hash -> Text,
        user_id -> DbUuid,
        expires_at -> DbTime,
        used_at -> Nullable<DbTime>,
        created_at -> DbTime,
    }
}

diesel::table! {
    use diesel::sql_types::*;
    use crate::db::types::{DbTime, DbUuid};

    mail_opt_outs (user_id, kind) {
        user_id -> DbUuid,
        kind -> Text,
        created_at -> DbTime,
    }
}

diesel::joinable!(users -> exporters (exporter_id));
diesel::joinable!(users -> border_posts (border_post_id));
diesel::joinable!(sessions -> users (user_id));

diesel::joinable!(limits -> limit_sets (limit_set_id));
diesel::joinable!(limits -> commodities (commodity_id));
diesel::joinable!(limits -> test_methods (test_method_id));
diesel::joinable!(panel_tests -> commodities (commodity_id));
diesel::joinable!(panel_tests -> test_methods (test_method_id));
diesel::joinable!(applications -> exporters (exporter_id));
diesel::joinable!(applications -> commodities (commodity_id));
diesel::joinable!(applications -> border_posts (border_post_id));
diesel::joinable!(consignments -> exporters (exporter_id));
diesel::joinable!(consignments -> commodities (commodity_id));
diesel::joinable!(consignments -> border_posts (border_post_id));
diesel::joinable!(samples -> consignments (consignment_id));
diesel::joinable!(sample_portions -> samples (sample_id));
diesel::joinable!(custody_events -> samples (sample_id));
diesel::joinable!(tests -> samples (sample_id));
diesel::joinable!(tests -> test_methods (test_method_id));
diesel::joinable!(discrepancies -> samples (sample_id));

diesel::joinable!(certificates -> consignments (consignment_id));
diesel::joinable!(certificate_signatures -> certificates (certificate_id));
diesel::joinable!(gacc_registrations -> exporters (exporter_id));
diesel::joinable!(declarations -> limit_sets (limit_set_id));
diesel::joinable!(border_checks -> certificates (certificate_id));
diesel::joinable!(border_checks -> users (inspector_id));
diesel::joinable!(api_tokens -> users (user_id));
diesel::joinable!(notifications -> users (user_id));
diesel::joinable!(password_resets -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    border_posts,
    exporters,
    users,
    sessions,
    audit_events,
    commodities,
    test_methods,
    limit_sets,
    limits,
    panel_tests,
    code_counters,
    applications,
    consignments,
    samples,
    sample_portions,
    custody_events,
    tests,
    discrepancies,
    certificates,
    certificate_signatures,
    gacc_registrations,
    declarations,
    border_checks,
    api_tokens,
    outbox,
    notifications,
    password_resets,
    mail_opt_outs,
);
