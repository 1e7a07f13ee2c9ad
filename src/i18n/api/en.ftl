## The JSON API: its errors (problem details), personal tokens on the account page, and the
## documentation page.

error-unauthorized-title = Not signed in
error-unauthorized-text = This needs a valid API token in the Authorization header (Bearer). The token may be unknown or revoked.
error-rate_limited-title = Too many requests
error-rate_limited-text = This token has made too many requests in the current window. Wait until the window ends (see Retry-After) and try again.
error-conflict-title = Changed meanwhile
error-conflict-text = The record changed since you read it, or a parallel request did the same first. Read it again before deciding.
error-unprocessable-title = Refused
error-unprocessable-text = The request was understood but a rule refuses it.

api-read_only_token = This token may only read. Make a read and write token on your account page to change anything.
api-password_change_required = The token's owner must choose a new password on the account page first.
api-invalid_fields = Some fields are wrong; see errors.
api-token_name_required = Give the token a name, so that you recognise it later.
api-token_name_too_long = A token name has at most 80 characters.

api-tokens-title = API tokens
api-tokens-lead = A personal token lets a program (your ERP, a broker's system) use the API as you, with your role and your access. Revoke a token you no longer use.
api-tokens-copy_now = copy this token now. It is shown only once and cannot be read again.
api-tokens-secret = Token
api-tokens-name = Name
api-tokens-scope = Access
api-token_scope-read = Read only
api-token_scope-write = Read and write
api-tokens-created = Created
api-tokens-last_used = Last used
api-tokens-state = State
api-tokens-revoked = Revoked
api-tokens-revoke = Revoke
api-tokens-create = Create token
api-tokens-created_notice = The token has been created.
api-tokens-revoked_notice = The token has been revoked: it no longer works.

api-docs-title = API documentation
api-docs-lead = The JSON API gives programs the consignments, samples, certificates and border checks that the token's owner sees on the pages, and lets exporters file applications and inspectors record border checks.
api-docs-tokens = Authentication: send a personal token as “Authorization: Bearer jl_…”. Make one on your account page:
api-docs-errors = Errors are RFC 9457 problem details (application/problem+json); a record outside your access answers 404, like one that does not exist.
api-docs-pages = Lists are paginated: pass the “next” value of a page as “cursor” to get the following one.
api-docs-limits = Each token may make a limited number of requests per minute; the RateLimit and RateLimit-Policy headers say how many remain.
api-docs-document = The machine-readable description
api-docs-operations = Operations
api-docs-method = Method
api-docs-path = Path
api-docs-summary = What it does
api-docs-access = Access
api-docs-public = Public
api-docs-read_token = Any token
api-docs-write_token = Read and write token

api-op-list_consignments = List the consignments you may see, with filters
api-op-show_consignment = Read one consignment
api-op-list_samples = List the samples you may see, with filters
api-op-show_sample = Read one sample and the results you may see
api-op-file_application = File a testing application
api-op-show_application = Read one testing application
api-op-list_certificates = List certificates and notices
api-op-show_certificate = Read a certificate and its current status
api-op-list_border_checks = List a certificate's border checks
api-op-record_border_check = Record a border check at your post
api-op-verify_token = Verify a certificate's QR token (no token needed)
api-op-openapi_document = This API's OpenAPI 3.1 document
api-op-api_docs = This page
