## border: inspectors' checks at the border posts
nav-post = My post
border-post_title = Border post
border-verify_link = Check a certificate by number and code
border-expected = Consignments expected here
border-expected_window = Planned crossing from { $from } to { $to }.
border-none_expected = No consignment is expected at this post in these days.
border-no_certificate = No certificate issued yet
border-released_at = Released at { $post }
border-checked_today = Checked here today
border-none_today = Nothing has been checked at this post today.
border-list_cut = Only the first 100 are listed.
border-tile_expected = { $count ->
    [one] consignment expected at your post
   *[other] consignments expected at your post
}
border-tile_checked = { $count ->
    [one] check recorded at your post today
   *[other] checks recorded at your post today
}
border-history = Border checks
border-no_checks = No border check has been recorded for this certificate.
border-recorded = The border check is recorded.
border-declared = Declared
border-observed = Seen
border-confirmed = Warnings confirmed
border-check_title = Border check
border-check_link = Open the certificate and record the border check
border-verdict_lead = You are signed in as an inspector: see the certificate with the laboratory results, and record your decision at your post.
border-your_post = Your post
border-declared_post = Border post declared
border-declared_transport = Transport mode declared
border-warnings_lead = Read before you decide:
border-only_hold_or_refuse = This certificate cannot be released: only holding or refusing the consignment can be recorded.
border-outcome = Decision
border-outcome-released = Released
border-outcome-held = Held
border-outcome-refused = Refused
border-observed_transport = Transport mode you see
border-note = Note (required to hold or refuse)
border-acknowledge = I have read the warnings above
border-record = Record the border check
border-outcome_required = Choose released, held or refused.
border-transport_required = Choose the transport mode you see.
border-note_required = Write why the consignment is held or refused.
border-acknowledge_required = Confirm that you have read the warnings before you record the check.
border-already_released = This certificate has already been released: a certificate is released only once. Record held or refused instead.
border-not_releasable = A revoked, replaced or expired certificate, or a non-conformity notice, cannot be released. Record held or refused instead.
border-no_post = Your account has no border post: ask the administrator to assign one.
border-stale = Another check of this certificate was recorded while you had this page open. Read the checks and the warnings again, then record yours.
border-warning-released_elsewhere = Already released at { $post } on { $at }.
border-warning-released_here = Already released at your post ({ $post }) on { $at }.
border-warning-revoked = REVOKED: this certificate was revoked before this scan.
border-warning-replaced = REPLACED: this certificate was replaced by a correction before this scan; ask for the replacement.
border-warning-expired = EXPIRED: the validity of this certificate has passed.
border-warning-notice = This is a non-conformity notice, not a certificate: the consignment did not pass the tests.
border-warning-other_post = Border post declared: { $declared_post }, not your post.
border-warning-other_transport = Transport mode declared: { $declared_transport }, not the one you see.
border-warning_short-released_elsewhere = already released at another post
border-warning_short-released_here = already released at this post
border-warning_short-revoked = revoked
border-warning_short-replaced = replaced
border-warning_short-expired = expired
border-warning_short-notice = non-conformity notice
border-warning_short-other_post = another border post declared
border-warning_short-other_transport = another transport mode declared
border_check-recorded = Border check recorded
