//! The administrator's user pages: create (with its refusals), edit (with the stale-form
//! check), deactivate / reactivate, reset password, who may open them, and the list filters.

use jointlab::domain::{Role, Side};
use jointlab::i18n::Lang;
use jointlab::models::{BorderPost, User, UserId};

use crate::helpers::*;

/// The one-time password shown on the "user created" / "password reset" page.
fn one_time_password(res: &Resp) -> String {
    let marker = r#"<code class="secret" id="one-time-password">"#;
    let start = res
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no one-time password on the page: {}", res.body))
        + marker.len();
    let end = start + res.body[start..].find("</code>").unwrap();
    res.body[start..end].to_owned()
}

/// The fields of the user form, every one present as a browser sends them.
fn user_form<'a>(
    email: &'a str,
    name: &'a str,
    role: &'a str,
    side: &'a str,
    exporter: &'a str,
    border_post: &'a str,
) -> Vec<(&'a str, &'a str)> {
    vec![
        ("email", email),
        ("display_name", name),
        ("role", role),
        ("side", side),
        ("exporter", exporter),
        ("border_post", border_post),
        ("language", "en"),
    ]
}

fn create(admin: &Client, fields: &[(&str, &str)]) -> Resp {
    admin.post_from("/admin/users/new", "/admin/users", fields)
}

fn find(app: &TestApp, email: &str) -> Option<User> {
    User::find_by_email(&mut app.conn(), email).unwrap()
}

fn stored(app: &TestApp, id: UserId) -> User {
    User::find(&mut app.conn(), id)
        .unwrap()
        .expect("the account exists")
}

#[track_caller]
fn assert_shows(res: &Resp, text: &str) {
    assert!(
        res.body.contains(text),
        "{text:?} is not on the page: {}",
        res.body
    );
}

/// The answer sent a signed-out browser to the login page.
fn to_login(res: &Resp) -> bool {
    res.status == 303 && res.location().is_some_and(|l| l.starts_with("/login"))
}

const NEW: &str = "Steppe-wind-over-Khorgos";

#[test]
fn bad_input_is_refused_field_by_field_and_the_typed_values_are_kept() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let company = app.exporters[0].id.to_string();
    // (role, side, company, the wrong field, its message); the first case has a bad e-mail.
    let cases = [
        ("analyst", "kz", "", "email", "field.email_invalid"),
        ("analyst", "", "", "side", "field.side_required"),
        ("exporter", "", "", "exporter", "field.exporter_required"),
        ("inspector", "", "", "border_post", "field.post_required"),
        ("admin", "kz", "", "side", "field.side_not_allowed"),
        (
            "analyst",
            "cn",
            company.as_str(),
            "exporter",
            "field.exporter_not_allowed",
        ),
    ];

    for (i, (role, side, company, field, key)) in cases.into_iter().enumerate() {
        let email = match field {
            "email" => "aliya.bekova-at-example.kz".to_owned(),
            _ => format!("person.{i}@example.kz"),
        };
        let name = format!("Person No. {i}");
        let res = create(&admin, &user_form(&email, &name, role, side, company, ""));

        let case = format!("{role}/{side}/{field}");
        assert_eq!(res.status, 422, "{case}: {}", res.body);
        let message = format!(r#"id="{field}-error">{}</p>"#, en(key));
        assert_shows(&res, &message);
        assert_shows(&res, &en("form.has_errors"));
        assert_eq!(field_value(&res.body, "display_name"), Some(name), "{case}");
        assert_shows(&res, &format!(r#"value="{email}""#));
        assert_shows(&res, &format!(r#"<option value="{role}" selected>"#));
        assert!(find(&app, &email).is_none(), "{case}: created");
    }
}

#[test]
fn a_created_user_signs_in_with_the_one_time_password_and_must_choose_their_own() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let email = "aliya.bekova@example.kz";

    let res = create(
        &admin,
        &user_form(email, "Aliya Bekova", "analyst", "kz", "", ""),
    );

    assert_eq!(res.status, 200, "{}", res.body);
    assert_shows(&res, &en("users.created"));
    let one_time = one_time_password(&res);
    assert!(one_time.len() >= 16, "{one_time}");
    let user = find(&app, email).expect("the account exists");
    assert!(user.must_change_password && user.active);
    assert_eq!((user.role, user.side), (Role::Analyst, Some(Side::Kz)));

    let client = app.client();
    let res = client.login(email, &one_time);
    assert_eq!((res.status, res.location()), (303, Some("/account")));
    for path in ["/", "/admin/users", "/admin/audit"] {
        let res = client.get(path);
        assert_eq!(
            (res.status, res.location()),
            (303, Some("/account")),
            "{path}"
        );
    }
    assert_shows(&client.get("/account"), &en("account.must_change"));

    let new = [
        ("current", one_time.as_str()),
        ("new", NEW),
        ("confirm", NEW),
    ];
    let res = client.post("/account/password", &new);
    assert_eq!(res.status, 303, "{}", res.body);
    assert_eq!(client.get("/").status, 200);
    assert!(!find(&app, email).unwrap().must_change_password);
}

#[test]
fn exporter_and_inspector_accounts_are_linked_to_their_company_and_post() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let company = &app.exporters[1];
    let post = BorderPost::find_by_code(&mut app.conn(), "DST").unwrap();
    let post = post.expect("Dostyk is seeded");
    let (company_id, post_id) = (company.id.to_string(), post.id.to_string());
    let exporter = user_form("bolat@meat.kz", "Bolat", "exporter", "", &company_id, "");
    let inspector = user_form("timur@post.kz", "Timur", "inspector", "", "", &post_id);

    let exporter = create(&admin, &exporter);
    let inspector = create(&admin, &inspector);

    assert_eq!(exporter.status, 200, "{}", exporter.body);
    assert_eq!(inspector.status, 200, "{}", inspector.body);
    let exporter = find(&app, "bolat@meat.kz").unwrap();
    assert_eq!(
        (exporter.exporter_id, exporter.border_post_id),
        (Some(company.id), None)
    );
    let inspector = find(&app, "timur@post.kz").unwrap();
    assert_eq!(
        (inspector.exporter_id, inspector.border_post_id),
        (None, Some(post.id))
    );
}

#[test]
fn an_exporter_account_names_its_company_by_bin_not_from_a_list_of_every_company() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let company = &app.exporters[1];
    let page = admin.get("/admin/users/new");
    assert!(
        page.body
            .contains("id=\"exporter\" name=\"exporter\" value=\"\"")
    );
    assert!(!page.body.contains("<select id=\"exporter\""));
    let unknown = unregistered_bin(&app);
    for (typed, key) in [
        (unknown.as_str(), "field.no_company_with_bin"),
        ("1234567", "field.bin_format"),
    ] {
        let res = create(
            &admin,
            &user_form("dana@grain.kz", "Dana", "exporter", "", typed, ""),
        );
        assert_eq!(res.status, 422, "{typed}");
        assert_shows(&res, &en(key));
        assert_shows(&res, &format!("name=\"exporter\" value=\"{typed}\""));
        assert_shows(&res, "value=\"dana@grain.kz\"");
    }
    let res = create(
        &admin,
        &user_form("dana@grain.kz", "Dana", "exporter", "", &company.bin, ""),
    );
    assert_eq!(res.status, 200, "{}", res.body);
    let dana = find(&app, "dana@grain.kz").unwrap();
    assert_eq!(dana.exporter_id, Some(company.id));
    // Editing the account shows the company's BIN, with its name beside the field.
    let edit = admin.get(&format!("/admin/users/{}", dana.id));
    assert_shows(
        &edit,
        &format!("name=\"exporter\" value=\"{}\"", company.bin),
    );
    assert_shows(&edit, &format!("id=\"exporter-hint\">{}</p>", company.name));
}

#[test]
fn an_e_mail_already_in_use_is_refused() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let before = User::count(&mut app.conn()).unwrap();

    // The same address, written differently: e-mails are compared lower-cased.
    let email = " Analyst.KZ@Test.Jointlab.Local";
    let res = create(
        &admin,
        &user_form(email, "Second Analyst", "analyst", "kz", "", ""),
    );

    assert_eq!(res.status, 422, "{}", res.body);
    let message = format!(r#"id="email-error">{}</p>"#, en("field.email_taken"));
    assert_shows(&res, &message);
    assert_shows(&res, r#"name="display_name" value="Second Analyst""#);
    assert_eq!(User::count(&mut app.conn()).unwrap(), before);

    // Renaming another account to a taken address is refused the same way.
    let other = app.user("analyst_cn");
    let path = format!("/admin/users/{}", other.id);
    let version = other.version.to_string();
    let taken = &app.user("analyst_kz").email;
    let mut fields = user_form(taken, "Test analyst_cn", "analyst", "cn", "", "");
    fields.push(("version", &version));
    let res = admin.post_from(&path, &path, &fields);
    assert_eq!(res.status, 422, "{}", res.body);
    assert_shows(&res, &message);
    assert_eq!(stored(&app, other.id).email, other.email);
}

#[test]
fn a_stale_edit_is_refused_with_the_typed_values_kept_and_the_first_save_stands() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let target = app.user("analyst_cn");
    let path = format!("/admin/users/{}", target.id);
    let page = admin.get(&path);
    assert_eq!(page.status, 200);
    let old_version = field_value(&page.body, "version").expect("a hidden version field");
    let token = page.csrf_token();
    let edit = |name: &'static str| {
        let mut fields = user_form(&target.email, name, "analyst", "cn", "", "");
        fields.push(("version", &old_version));
        fields.push(("csrf_token", &token));
        admin.post_raw(&path, &fields)
    };

    let first = edit("Li Na (first save)");
    let second = edit("Li Na (second save)");

    assert_eq!(first.status, 303, "{}", first.body);
    assert_eq!(
        first.location(),
        Some(format!("{path}?saved=updated").as_str())
    );
    assert_eq!(second.status, 409, "{}", second.body);
    assert_shows(&second, &en("form.stale"));
    assert_shows(
        &second,
        r#"name="display_name" value="Li Na (second save)""#,
    );
    let now = stored(&app, target.id);
    assert_eq!(now.display_name, "Li Na (first save)");
    assert_eq!(now.version, old_version.parse::<i32>().unwrap() + 1);
    // The form now carries the current version: saving again is a knowing overwrite.
    assert_eq!(
        field_value(&second.body, "version"),
        Some(now.version.to_string())
    );
}

#[test]
fn a_deactivated_user_is_signed_out_and_cannot_sign_in_until_reactivated() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let user = app.user("analyst_kz");
    let signed_in = app.signed_in("analyst_kz");
    assert_eq!(signed_in.get("/").status, 200);

    let res = admin.post(&format!("/admin/users/{}/deactivate", user.id), &[]);

    assert_eq!(res.status, 303, "{}", res.body);
    assert!(to_login(&signed_in.get("/")), "the session survived");
    assert!(!stored(&app, user.id).active);
    assert_eq!(app.client().login(&user.email, PASSWORD).status, 422);

    let res = admin.post(&format!("/admin/users/{}/activate", user.id), &[]);
    assert_eq!(res.status, 303, "{}", res.body);
    let client = app.client();
    assert_eq!(client.login(&user.email, PASSWORD).status, 303);
    assert_eq!(client.get("/").status, 200);
}

#[test]
fn an_administrator_cannot_deactivate_themselves() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let id = app.user("admin").id;

    let page = admin.get(&format!("/admin/users/{id}"));
    assert_eq!(page.status, 200);
    assert!(
        !page.body.contains(&format!("/admin/users/{id}/deactivate")),
        "the page offers what the server refuses"
    );
    let res = admin.post(&format!("/admin/users/{id}/deactivate"), &[]);

    assert_eq!(res.status, 422, "{}", res.body);
    assert!(res.body.contains(&en("users.cannot_deactivate_self")));
    assert!(stored(&app, id).active);
    assert_eq!(admin.get("/admin/users").status, 200);
}

#[test]
fn a_password_reset_gives_a_new_one_time_password_and_retires_the_old_one() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let user = app.user("certifier_kz");
    let earlier_session = app.signed_in("certifier_kz");

    let res = admin.post(&format!("/admin/users/{}/reset-password", user.id), &[]);

    assert_eq!(res.status, 200, "{}", res.body);
    assert_shows(&res, &en("users.password_reset_done"));
    let one_time = one_time_password(&res);
    assert!(to_login(&earlier_session.get("/")), "the session survived");
    assert_eq!(app.client().login(&user.email, PASSWORD).status, 422);
    let client = app.client();
    let res = client.login(&user.email, &one_time);
    assert_eq!((res.status, res.location()), (303, Some("/account")));
    let res = client.get("/");
    assert_eq!((res.status, res.location()), (303, Some("/account")));
}

#[test]
fn other_roles_may_neither_see_nor_create_users() {
    let app = spawn_app();
    for (key, role, _) in ACCOUNTS.iter().filter(|(_, role, _)| *role != Role::Admin) {
        let client = app.signed_in(key);
        let email = format!("intruder.{}@example.kz", key.replace('_', "."));

        let list = client.get("/admin/users");
        let fields = user_form(&email, "Intruder", "admin", "", "", "");
        let res = client.post("/admin/users", &fields);

        assert_eq!(list.status, 403, "{key} ({role}) sees the user list");
        assert_eq!(res.status, 403, "{key} ({role}) creates users");
        assert!(find(&app, &email).is_none(), "{key} created an account");
    }
}

#[test]
fn the_list_filters_by_role_and_searches_by_e_mail() {
    let app = spawn_app();
    let admin = app.signed_in("admin");

    let analysts = admin.get("/admin/users?role=analyst");
    let found = admin.get("/admin/users?q=REVIEWER.c");
    let none = admin.get("/admin/users?q=%25");

    assert_eq!(analysts.status, 200);
    assert_shows(&analysts, "analyst.kz@test.jointlab.local");
    assert_shows(&analysts, "analyst.cn@test.jointlab.local");
    assert!(!analysts.body.contains("admin@test.jointlab.local"));
    assert!(!analysts.body.contains("reviewer.kz@test.jointlab.local"));
    assert_shows(&analysts, r#"<option value="analyst" selected>"#);
    assert_eq!(found.status, 200);
    assert_shows(&found, "reviewer.cn@test.jointlab.local");
    assert!(!found.body.contains("reviewer.kz@test.jointlab.local"));
    assert!(!found.body.contains("admin@test.jointlab.local"));
    assert_shows(&found, r#"value="REVIEWER.c""#);
    // `%` is searched for literally, not as a wildcard.
    assert_eq!(none.status, 200);
    assert_shows(&none, &en("users.none"));
}

#[test]
fn the_list_finds_a_cyrillic_name_as_typed_or_in_lower_case() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let email = "aigerim.sadykova@example.kz";
    let user = user_form(email, "Айгерим Садыкова", "analyst", "kz", "", "");
    assert_eq!(create(&admin, &user).status, 200);

    // "Айгерим" and "айгерим", percent-encoded.
    let as_typed = admin.get("/admin/users?q=%D0%90%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC");
    let lower = admin.get("/admin/users?q=%D0%B0%D0%B9%D0%B3%D0%B5%D1%80%D0%B8%D0%BC");

    assert_shows(&as_typed, email);
    assert_shows(&lower, email);
}

#[test]
fn an_edit_form_loaded_before_the_user_changed_language_is_stale() {
    let app = spawn_app();
    let admin = app.signed_in("admin");
    let target = app.user("analyst_kz");
    let path = format!("/admin/users/{}", target.id);
    let page = admin.get(&path);
    let version = field_value(&page.body, "version").unwrap();
    let token = page.csrf_token();
    // Meanwhile the user saves Kazakh as their language.
    let saved = app.signed_in("analyst_kz").post(
        "/account/preferences",
        &[("language", "kk"), ("time_zone", "almaty")],
    );
    assert_eq!(saved.status, 303);

    let mut fields = user_form(&target.email, "Renamed Analyst", "analyst", "kz", "", "");
    fields.push(("version", &version));
    fields.push(("csrf_token", &token));
    let res = admin.post_raw(&path, &fields);

    assert_eq!(
        stored(&app, target.id).language,
        Lang::Kk,
        "the choice was reverted"
    );
    assert_eq!(res.status, 409, "{}", res.body);
}
