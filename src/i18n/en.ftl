### English catalog. Every key here must exist in kk.ftl, ru.ftl and zh.ftl too (tested).
### Use the words of ../shared/GLOSSARY.md.

## app
app-name = jointlab

## layout
layout-skip = Skip to content
layout-language = Language
layout-main_nav = Main navigation
layout-sign_out = Sign out
layout-footer = Joint Kazakh–Chinese phyto-veterinary laboratory · Khorgos · Dostyk

## nav
nav-home = Home
nav-users = Users
nav-catalog = Catalogs
nav-audit = Audit log
nav-applications = Applications
nav-consignments = Consignments
nav-samples = Samples
nav-exporters = Exporters
nav-bench = Bench
nav-review = Review

## role
role-admin = Administrator
role-registrar = Registrar
role-analyst = Analyst
role-reviewer = Reviewer
role-certifier = Certifier
role-exporter = Exporter
role-inspector = Inspector
role-auditor = Auditor

## side
side-kz = Kazakh side
side-cn = Chinese side

## tz
tz-almaty = Kazakhstan time (UTC+5)
tz-beijing = China time (UTC+8)

## error
error-home = Go to the home page

## error.bad_request
error-bad_request-title = The request could not be read
error-bad_request-text = Something in the request was malformed. Go back, check the form and try again.

## error.forbidden
error-forbidden-title = Not available to your role
error-forbidden-text = This page belongs to another role. If you need it for your work, ask the administrator.

## error.csrf
error-csrf-title = The form has expired
error-csrf-text = The form was sent without a valid security token, perhaps because it was open too long or you signed in elsewhere. Reload the page and send it again.

## error.not_found
error-not_found-title = Not found
error-not_found-text = There is no such page or record, or it is not yours to see.

## error.payload_too_large
error-payload_too_large-title = Too much data
error-payload_too_large-text = The form sent more data than the server accepts. Shorten the text you entered and send it again.

## error.request_timeout
error-request_timeout-title = The request took too long
error-request_timeout-text = The form did not arrive in time, perhaps because the connection is slow or was interrupted. Send it again.

## error.too_many_connections
error-too_many_connections-title = Too many connections
error-too_many_connections-text = Your address has too many connections open to the server at once. Close some tabs or wait a moment, then reload the page.

## error.internal
error-busy-title = The system is busy
error-busy-text = Every connection to the database is in use right now. Nothing you sent was lost: try again in a few seconds.
error-internal-title = Something went wrong on our side
error-internal-text = The error has been logged. Try again in a minute; if it persists, tell the administrator.

## login
login-title = Sign in
login-lead = Laboratory information system of the joint laboratory. Sign in with the e-mail and password your administrator gave you.
login-submit = Sign in
login-invalid = The e-mail or password is wrong, or there were too many failed attempts: wait a little and try again.
login-signed_out = You have signed out.

## field
field-email = E-mail
field-password = Password
field-display_name = Name
field-role = Role
field-side = Side
field-exporter = Exporter company
field-border_post = Border post
field-language = Language
field-time_zone = Time zone
field-bin = BIN
field-required = This field is required.
field-email_invalid = Enter an e-mail address such as name@example.kz.
field-bin_format = A BIN has exactly 12 digits.
field-bin_checksum = This BIN's check digit is wrong: check the number.
field-too_long = This is too long.
field-invalid = This value contains characters that are not allowed.
field-unsafe_characters = This value contains control characters or invisible direction marks: retype it without them.
field-drawn_at_range = A sample is drawn within the last two years and not in the future.
field-planned_date_range = The planned crossing date must be within one year of today.
field-password_short = The password needs at least 12 characters.
field-password_weak = The password needs at least 4 different characters.
field-password_mismatch = The two passwords differ.
field-password_common = This password is among the most common or leaked passwords. Choose another, such as a phrase of several words.
field-password_personal = The password must not contain your e-mail name or your own name.
field-password_reused = The new password must differ from the current one.
field-side_required = Lab staff belong to the Kazakh or the Chinese side: choose one.
field-side_not_allowed = Only lab staff have a side: leave it empty for this role.
field-exporter_required = An exporter user belongs to an exporter company: choose one.
field-exporter_not_allowed = Only exporter users belong to a company: leave it empty for this role.
field-post_required = An inspector belongs to a border post: choose one.
field-post_not_allowed = Only inspectors belong to a border post: leave it empty for this role.
field-choose = Choose one of the options.
field-email_taken = Another account already uses this e-mail.
field-date_invalid = Enter a date as YYYY-MM-DD.
field-datetime_invalid = Enter a date and time such as 2026-11-24T09:30.
field-hs_code = An HS code has 6 to 10 digits.
field-number = Enter a number such as 12.5 (digits, one decimal point).
field-number_range = This number is out of range (at most 12 digits before and 9 after the point).
field-positive = Enter a number greater than zero.

## form
form-save = Save
form-any = Any
form-filter = Filter
form-next_page = Next page
form-choose = Choose…
form-none = None
form-has_errors = Some fields need correcting: see the messages below.
form-stale = Someone else changed this record after you opened the form. Your entries are kept below; check them against the current record and save again.
form-yes = Yes
form-no = No

## home
home-title = Home
home-greeting = Welcome, { $name }
home-accounts = Accounts
home-active_accounts = Active accounts
home-recent_events = Recent events

## home.duties
home-duties-admin = You manage users, catalogs and border posts. You never enter results or sign certificates.
home-duties-registrar = You register consignments and samples, seal and split samples, print labels and record custody hand-overs and your side's receipts.
home-duties-analyst = You enter the results of your side's tests on the bench.
home-duties-reviewer = You verify or reject your side's results (never your own entries), order retests and resolve discrepancies.
home-duties-certifier = You draft, co-sign, replace and revoke certificates for your side.
home-duties-exporter = You apply for testing, follow each consignment of your company and download its certificates.
home-duties-inspector = You scan a certificate's QR code at your border post, see whether it is authentic and valid, and record the border decision.
home-duties-auditor = You read everything your side may see, including the audit log. You change nothing.

## account
account-title = My account
account-preferences = Language and time zone
account-change_password = Change password
account-current_password = Current password
account-new_password = New password
account-confirm_password = New password again
account-password_hint = At least 12 characters. A phrase of several words is easy to remember and hard to guess.
account-current_wrong = The current password is wrong.
account-password_changed = Your password has been changed. Your other sessions have been signed out.
account-preferences_saved = Your preferences have been saved.
account-must_change = You signed in with a one-time password. Choose your own password to continue.

## users
users-title = Users
users-new = New user
users-edit = Edit user
users-search = Name or e-mail
users-none = No users match these filters.
users-status = Status
users-active = Active
users-inactive = Deactivated
users-locked = Locked
users-side_hint = Registrars, analysts, reviewers, certifiers and auditors belong to one side.
users-exporter_hint = Exporter users only: the company's BIN, 12 digits.
users-post_hint = Inspectors only.
users-create = Create user
users-open_sessions = Open sessions
users-created_at = Created
users-must_change = Must choose a password at next sign-in
users-deactivate = Deactivate
users-activate = Reactivate
users-reset_password = Reset password
users-reset_hint = Resetting gives a new one-time password, lifts any lockout and signs the user out everywhere.
users-throttles = Failed sign-ins
users-no_throttles = No failed sign-ins are being counted.
users-throttle_address = Client address
users-throttle_failures = Failures
users-throttled_until = Throttled until
users-throttle_all_addresses = all addresses
users-clear_throttles = Clear
users-throttles_hint = Failures are forgotten an hour after the first; past a few, each check waits longer. Clearing ends every wait for this account.
users-throttles_cleared = The failed sign-ins were cleared.
users-one_time_title = One-time password
users-created = User created
users-password_reset_done = Password reset
users-one_time_password = One-time password
users-one_time_hint = This password is shown only once. Give it to the user in person or by phone; they must choose their own at first sign-in.
users-back_to_user = Back to the user
users-saved = The user has been saved.
users-deactivated_notice = The user has been deactivated and signed out everywhere.
users-activated_notice = The user has been reactivated.
users-cannot_deactivate_self = You cannot deactivate your own account.
users-cannot_demote_self = You cannot take the administrator role from your own account.

## exporters
exporters-title = Exporter companies
exporters-new = New company
exporters-create = Register company
exporters-search = Name or BIN
exporters-none = No companies match.
exporters-name = Company name
exporters-address = Address
exporters-contact_email = Contact e-mail
exporters-bin_hint = 12 digits; the last one is the check digit.
exporters-bin_taken = A company with this BIN is already registered.
exporters-saved = The company has been saved.
exporters-users = Exporter users
exporters-no_users = No users belong to this company yet.
exporters-users_hint = The administrator links exporter users to their company on the user page.

## intake
intake-search = Code, seal, BIN or company
intake-status = Status
intake-commodity = Commodity
intake-exporter = Exporter
intake-sort = Order
intake-newest = Newest first
intake-oldest = Oldest first
intake-none = Nothing matches these filters.
intake-code = Code
intake-submitted_at = Submitted
intake-created_at = Registered
intake-quantity = Quantity
intake-unit = Unit
intake-lots = Lots, wagons or vehicles
intake-lots_hint = Numbers of the lots, wagons or vehicles, separated by commas.
intake-origin = Origin
intake-region = Region
intake-district = District
intake-producer = Producer
intake-consignee = Consignee in China
intake-transport = Transport
intake-planned_date = Planned crossing date
intake-destination = Destination market
intake-hs = HS
intake-history = History

## applications
applications-already_decided = This application has already been decided.
applications-title = Testing applications
applications-one = Application
applications-new = New testing application
applications-lead = Describe the consignment to be tested. The joint laboratory will accept it or return it with a reason.
applications-exporter_bin = Exporter's BIN
applications-exporter_bin_hint = The company's BIN, 12 digits; its name appears here once it is found.
field-no_company_with_bin = No company is registered with this BIN.
applications-submit = Submit application
applications-decide = Decision
applications-accept = Accept into a consignment
applications-accept_hint = Creates the consignment; samples are then registered on its page.
applications-return = Return to the exporter
applications-reason = Reason for returning (the exporter sees it)
applications-returned_because = Returned:
applications-decided_at = Decided

## applications.status
applications-status-submitted = Submitted
applications-status-accepted = Accepted
applications-status-returned = Returned

## consignments
consignments-title = Consignments
consignments-one = Consignment

## consignments.status
consignments-status-registered = Registered
consignments-status-sampled = Sampled
consignments-status-in_testing = In testing
consignments-status-tested = Tested
consignments-status-closed = Closed

## samples
samples-already_replaced = A replacement for this sample has already been registered.
samples-replacement_other_consignment = A replacement must come from the same consignment.
samples-rejected_note = A portion of this sample was rejected as unfit: the sample cannot be certified, and the other side's unfinished tests on it were withdrawn.
samples-replaced_by = Replaced by
samples-replaces = Replaces
samples-draw_replacement = Draw a replacement sample
samples-replacement_lead = A portion of this sample was rejected as unfit, so it can no longer be certified. Draw a replacement sample from the same consignment; it is linked to this one.
samples-replacement_title = Replacement sample
samples-title = Samples
samples-one = Sample
samples-register = Register a sample
samples-register_lead = The sample gets the next code of the year and is split into a Kazakh portion, a Chinese portion and a counter-sample.
samples-none_yet = No samples registered yet.
samples-seal = Seal number
samples-mass = Mass
samples-storage = Storage
samples-drawn_at = Drawn at
samples-drawn_by = Drawn by
samples-split_hint = Each portion is sealed at reception and gets its own label.
samples-portions = Portions
samples-drawn_in_future = The sampling time cannot be in the future.

## samples.status
samples-status-registered = Registered
samples-status-received = Received
samples-status-in_testing = In testing
samples-status-tested = Tested
samples-status-closed = Closed
samples-status-rejected = Rejected
samples-status-cancelled = Cancelled

## unit
unit-t = t
unit-kg = kg
unit-g = g
unit-head = head
unit-pcs = pcs

## transport
transport-rail = Rail
transport-road = Road

## storage
storage-ambient = Ambient
storage-chilled = Chilled (0…+4 °C)
storage-frozen = Frozen (−18 °C)

## portion
portion-kz = Kazakh portion
portion-cn = Chinese portion
portion-counter = Counter-sample

## portion_status
portion_status-sealed = Sealed
portion_status-handed_over = Handed over
portion_status-received = Received
portion_status-rejected = Rejected
portion_status-disposed = Disposed of

## custody
custody-confirm_cancel = Cancel this sample? Reason: { $reason }
custody-confirm_dispose = Dispose of the { $portion }? Reason: { $reason }
custody-already_replaced = A replacement sample has already been drawn.
custody-not_rejected = A replacement is drawn only for a sample whose portion was rejected as unfit.
custody-cancel_after_receipt = A laboratory has already received its portion: the sample can no longer be cancelled.
custody-portion_under_test = Tests of this portion are still on the bench: it cannot be disposed of yet.
custody-counter_kept_for_arbitration = The counter-sample is kept while a discrepancy waits for arbitration.
custody-held_by_other_side = The other side's laboratory holds this portion: only its registrar can move it.
custody-already_disposed = This portion has already been disposed of.
custody-already_received = This portion has already been received.
custody-not_your_portion = Your side records the receipt of its own portion only.
custody-not_at_reception = Only a portion still sealed at reception can be handed over.
custody-sample_closed = The sample is cancelled, rejected or closed: no further custody steps.
custody-title = Chain of custody
custody-record = Record a custody step
custody-hand_over = Hand over
custody-receive = Receipt
custody-record_receipt = Record receipt
custody-dispose = Dispose of
custody-cancel = Cancel the sample
custody-portion = Portion
custody-holder = Held by
custody-seal_intact = Seal intact
custody-temperature = Temperature on receipt, °C
custody-decision = Decision
custody-accept = Accept for testing
custody-reject = Reject as unfit
custody-reason = Reason
custody-reason_required = Give the reason for rejecting the portion.
custody-not_possible = This step is not possible in the portion's present state.
custody-from = from
custody-to = to

## custody.party
custody-party-reception = Joint lab reception
custody-party-kz = Kazakh laboratory
custody-party-cn = Chinese laboratory
custody-party-counter_store = Counter-sample store

## custody.kind
custody-kind-drawn = Drawn
custody-kind-sealed = Sealed
custody-kind-handed_over = Handed over
custody-kind-received = Received
custody-kind-accepted = Accepted
custody-kind-rejected = Rejected
custody-kind-disposed = Disposed of
custody-kind-cancelled = Cancelled

## labels

## time
time-days = d
time-hours = h
time-minutes = min

## bench
bench-withdrawn = Withdrawn tests
bench-sample_closed = The sample is cancelled, rejected or closed: no results are taken on it.
bench-title = Bench
bench-lead = Tests waiting for your side's results, by method, the longest waiting first.
bench-empty = Nothing waits on the bench.
bench-enter_results = Enter results
bench-waiting = Waiting
bench-result = Result
bench-qualitative_hint = For each sample enter not_detected or detected. Leave a row empty to keep it on the bench.
bench-quantitative_hint = Enter each value in { $unit }, or < LOQ, or nd for not detected. Leave a row empty to keep it on the bench.
bench-save_all = Save results
bench-returned = Returned by the reviewer
bench-nothing_entered = No result was entered: type at least one value.
bench-conflict = Someone else saved some of these results first. Nothing was saved; the page shows the bench as it is now, with what you typed.
bench-not_pending = This test is no longer waiting for a result.

## review
review-title = Review
review-lead = Results your side's analysts entered. Verify or reject them, several at once. Your own entries are not yours to verify.
review-empty = Nothing waits for review.
review-select = Select
review-limit = Limit
review-conformity = Conformity
review-entered_by = Entered by
review-own_entry_short = your entry
review-reason = Reason for rejecting (required to reject)
review-verify = Verify selected
review-reject = Reject selected
review-done = Done.
review-none_selected = Select at least one result.
review-own_entry = You entered one of these results yourself: a second reviewer must verify it. Nothing was changed.
review-not_entered = One of these results is no longer waiting for review. Nothing was changed.
review-select_all = Select all

## reading
reading-value = value
reading-below_loq = below the limit of quantification
reading-not_detected = not detected
reading-detected = detected

## rule
rule-not_detected = not detected

## conformity
conformity-conforms = conforms
conformity-does_not_conform = does not conform
conformity-inconclusive = inconclusive

## tests
tests-withdrawn = Withdrawn
tests-confirm_invalidate = Invalidate this verified result? A retest goes on the bench. Reason: { $reason }
tests-portion_not_received = Your laboratory has not received its portion of this sample.
tests-title = Tests
tests-none = No tests visible yet.
tests-method = Method
tests-manage = Manage tests
tests-manage_lead = Your side's tests of this sample. Remove a pending test, or invalidate a verified result (a retest goes on the bench); always with a reason.
tests-note = Note
tests-change = Change
tests-retest = retest
tests-remove = Remove
tests-invalidate = Invalidate
tests-add = Add a test
tests-already_running = Your side already runs this test on this sample.
tests-not_removable = Only a test waiting for a result can be removed.
tests-not_verified = Only a verified result can be invalidated.

## tests.status
tests-status-pending = Waiting for a result
tests-status-entered = Entered, not verified
tests-status-verified = Verified
tests-status-invalidated = Invalidated
tests-status-removed = Removed

## dashboard
dashboard-title = Your side today
dashboard-to_receive =
    { $count ->
        [one] portion waiting to be received
       *[other] portions waiting to be received
    }
dashboard-on_bench =
    { $count ->
        [one] test on the bench
       *[other] tests on the bench
    }
dashboard-to_review =
    { $count ->
        [one] result to review
       *[other] results to review
    }
dashboard-discrepancies =
    { $count ->
        [one] open discrepancy
       *[other] open discrepancies
    }
dashboard-oldest = longest wait on the bench

## discrepancy
discrepancy-closed_by_retest = Closed by a retest that agrees
discrepancy-reopened = Reopened: a retest disagrees again
discrepancy-contradicted = The two sides' resolutions name different outcomes: the discrepancy stays open until they agree. Either side may change its resolution.
discrepancy-closed = This discrepancy is closed.
discrepancy-title = Discrepancies between the labs
discrepancy-lead = Both sides verified a result of the same method, and one conforms while the other does not. The consignment cannot be certified until the reviewers of both sides name the same outcome (the arbitration test on the counter-sample, or one side's result), or a retest brings both sides to the same result.
discrepancy-flagged = Flagged
discrepancy-resolved = Resolved
discrepancy-resolution = Resolution
discrepancy-reason = Reason
discrepancy-awaiting = Not recorded yet
discrepancy-record = Record your side's resolution
discrepancy-record_hint = Your side records its resolution once; the discrepancy closes when both sides name the same outcome. While the two resolutions contradict each other, either side may change its own.
discrepancy-outcome_label = Resolution
discrepancy-reason_label = Reason (required)
discrepancy-submit = Record the resolution
discrepancy-already_recorded = Your side has already recorded its resolution and the other side has not answered yet. Nothing was changed.
discrepancy-resolution_recorded = Your side's resolution is recorded; the other side's is awaited.

## discrepancy.status
discrepancy-status-open = Open
discrepancy-status-resolved = Resolved

## discrepancy.outcome
discrepancy-outcome-arbitration_conforms = Arbitration test on the counter-sample: conforms
discrepancy-outcome-arbitration_does_not_conform = Arbitration test on the counter-sample: does not conform
discrepancy-outcome-accept_kz = Accept the Kazakh side's result
discrepancy-outcome-accept_cn = Accept the Chinese side's result

## discrepancy.agreed
discrepancy-agreed-does_not_conform = Agreed outcome: does not conform.
discrepancy-agreed-conforms = Agreed outcome: conforms.

## discrepancy.closed_by
discrepancy-closed_by-retest = a retest brought both sides to the same result
discrepancy-closed_by-reviewers = both sides' reviewers named the same outcome

## audit
audit-title = Audit log
audit-lead = Every change, newest first. Each event is chained to the one before it by its hash; `jointlab verify-audit` checks the whole chain.
audit-action = Action
audit-entity = Record type
audit-actor = Who
audit-from = From
audit-to = To
audit-none = No events match these filters.
audit-at = When
audit-change = Change
audit-before = before
audit-after = after
audit-hidden = Values hidden: unverified data of the other side.

## catalog
catalog-title = Catalogs
catalog-lead = What the laboratory tests and against which limits: commodities, test methods, the limit sets of each destination market, and the tests each side runs by default. Entries tagged “demo” come from the demo catalog: check them against the current standards before relying on them.
catalog-part = Catalog
catalog-entries = Entries
catalog-what = What it holds
catalog-demo = demo
catalog-active = Active
catalog-inactive = Inactive
catalog-status = Status
catalog-actions = Actions
catalog-remove = Remove

## catalog.commodities
catalog-commodities-title = Commodities
catalog-commodities-lead = Goods the laboratory certifies, with their HS code; the kind decides the certificate (phytosanitary or veterinary).
catalog-commodities-new = New commodity
catalog-commodities-edit = Edit commodity
catalog-commodities-create = Add commodity
catalog-commodities-none = The catalog has no commodities yet.

## catalog.methods
catalog-methods-title = Test methods
catalog-methods-lead = How each test is performed: result kind, unit, limits of detection and quantification, and the method standard of each side.
catalog-methods-new = New test method
catalog-methods-edit = Edit test method
catalog-methods-create = Add test method
catalog-methods-none = The catalog has no test methods yet.

## catalog.limit_sets
catalog-limit_sets-title = Limit sets
catalog-limit_sets-lead = The limits of each destination market: results are judged against the limit set of the consignment's destination.
catalog-limit_sets-limits = Limits
catalog-limit_sets-limits_lead = Maximum or minimum permitted levels, or “not detected”, per commodity and test.
catalog-limit_sets-none = There are no limit sets yet.
catalog-limit_sets-no_limits = This limit set has no limits yet.
catalog-limit_sets-add = Add a limit
catalog-limit_sets-new = New limit set
catalog-limit_sets-create = Add limit set
catalog-limit_sets-code_hint = 2 to 8 capital letters, e.g. CN or EAEU.
catalog-limit_sets-code_format = Use 2 to 8 capital Latin letters.
catalog-limit_sets-code_taken = A limit set with this code exists already.

## catalog.panels
catalog-panels-title = Default panels
catalog-panels-lead = The tests each side runs by default on a sample of this commodity.
catalog-panels-open = Open the default panels
catalog-panels-none = This side runs no tests by default.
catalog-panels-add = Add a test to a panel

## catalog.notice
catalog-notice-created = The entry has been added.
catalog-notice-updated = The changes have been saved.
catalog-notice-added = The entry has been added.
catalog-notice-removed = The entry has been removed.

## catalog.field
catalog-field-names = Name in four languages
catalog-field-name = Name
catalog-field-name_en = Name in English
catalog-field-name_ru = Name in Russian
catalog-field-name_kk = Name in Kazakh
catalog-field-name_zh = Name in Chinese
catalog-field-hs_code = HS code
catalog-field-kind = Kind
catalog-field-active = Active (can be chosen in new records)
catalog-field-code = Code
catalog-field-discipline = Discipline
catalog-field-result_kind = Result kind
catalog-field-unit = Unit
catalog-field-lod = Limit of detection (LOD)
catalog-field-loq = Limit of quantification (LOQ)
catalog-field-lod_loq = LOD / LOQ
catalog-field-standard_kz = Method standard, Kazakh side
catalog-field-standard_cn = Method standard, Chinese side
catalog-field-standards = Method standards
catalog-field-standard = Method standard
catalog-field-commodity = Commodity
catalog-field-test_method = Test method
catalog-field-rule = Rule
catalog-field-value = Limit value
catalog-field-reference = Reference (standard, clause)

## catalog.hint
catalog-hint-hs_code = 6 to 10 digits, e.g. 100199 for wheat; spaces and dots are ignored.
catalog-hint-kind = Plant products get a phytosanitary certificate, animal products a veterinary certificate.
catalog-hint-active = Untick to retire an entry: it stays in the catalog and in existing records but cannot be chosen any more.
catalog-hint-code = Short and unique: letters, digits, “.”, “-” or “_”, e.g. AFB1.
catalog-hint-result_kind = Quantitative: a value with a unit. Qualitative: detected or not detected.
catalog-hint-unit = Required for a quantitative method (e.g. mg/kg, µg/kg, Bq/kg); leave empty for a qualitative one.
catalog-hint-lod = Optional, in the method's unit; the limit of quantification may not be below it.
catalog-hint-standard_kz = ST RK or GOST, e.g. ГОСТ 30711-2001.
catalog-hint-standard_cn = GB or GB/T, e.g. GB 5009.22-2016.
catalog-hint-value = In the method's unit; required for a maximum or minimum, empty for “not detected”.
catalog-hint-reference = Optional: the standard and clause the limit comes from.

## catalog.kind
catalog-kind-plant = Plant product
catalog-kind-animal = Animal product

## catalog.discipline
catalog-discipline-quarantine_pest = Quarantine pest
catalog-discipline-mycotoxin = Mycotoxins
catalog-discipline-heavy_metal = Heavy metals
catalog-discipline-pesticide_residue = Pesticide residues
catalog-discipline-microbiology = Microbiology
catalog-discipline-veterinary_drug_residue = Veterinary drug residues
catalog-discipline-radionuclide = Radionuclides
catalog-discipline-veterinary_disease = Veterinary disease

## catalog.result_kind
catalog-result_kind-quantitative = Quantitative
catalog-result_kind-qualitative = Qualitative

## catalog.rule
catalog-rule-max = Maximum
catalog-rule-min = Minimum
catalog-rule-not_detected = Not detected

## catalog.error
catalog-error-code_format = A code has only letters, digits, “.”, “-” and “_”.
catalog-error-code_taken = Another test method already has this code.
catalog-error-unit_required = A quantitative method needs a unit.
catalog-error-unit_not_allowed = A qualitative method has no unit: leave this empty.
catalog-error-qualitative_no_lod = A qualitative method has no detection or quantification limit in a unit: leave this empty.
catalog-error-loq_below_lod = The limit of quantification cannot be below the limit of detection.
catalog-error-rule_needs_quantitative = Only a quantitative method can have a maximum or minimum: choose “not detected”.
catalog-error-value_required = A maximum or minimum needs a value.
catalog-error-value_not_allowed = “Not detected” has no value: leave this empty.
catalog-error-limit_taken = This limit set already has a limit for this commodity and test method: remove it first to replace it.
catalog-error-panel_taken = This side already runs this test by default for this commodity.

## policy
policy-not_your_company = You can apply only for your own company.
policy-other_side = This belongs to the other side's laboratory.
policy-not_your_role = Your role cannot do this.

## confirm
confirm-back = No, go back
confirm-yes = Yes, do it
confirm-cannot_undo = This cannot be undone.
confirm-title = Please confirm
