## JSON API：错误（problem details）、账户页面上的个人令牌和文档页面。

error-unauthorized-title = 未登录
error-unauthorized-text = 需要在 Authorization 请求头（Bearer）中提供有效的 API 令牌。该令牌未知或已被撤销。
error-rate_limited-title = 请求过多
error-rate_limited-text = 此令牌在当前时间窗口内的请求过多。请等待窗口结束（见 Retry-After）后重试。
error-conflict-title = 记录已更改
error-conflict-text = 该记录在您读取后已被更改，或并行请求已先完成了同样的操作。请重新读取后再作决定。
error-unprocessable-title = 已拒绝
error-unprocessable-text = 请求可以理解，但被规则拒绝。

api-read_only_token = 此令牌只能读取。如需更改，请在账户页面创建读写令牌。
api-password_change_required = 令牌所有者须先在账户页面设置新密码。
api-invalid_fields = 部分字段有误；请见 errors。
api-token_name_required = 请为令牌命名，以便日后识别。
api-token_name_too_long = 令牌名称最多 80 个字符。

api-tokens-title = API 令牌
api-tokens-lead = 个人令牌让程序（您的 ERP、报关行的系统）以您的身份、角色和权限使用 API。不再使用的令牌请撤销。
api-tokens-copy_now = 请立即复制此令牌。它只显示一次，之后无法再次读取。
api-tokens-secret = 令牌
api-tokens-name = 名称
api-tokens-scope = 权限
api-token_scope-read = 只读
api-token_scope-write = 读写
api-tokens-created = 创建时间
api-tokens-last_used = 最近使用
api-tokens-state = 状态
api-tokens-revoked = 已撤销
api-tokens-revoke = 撤销
api-tokens-create = 创建令牌
api-tokens-created_notice = 令牌已创建。
api-tokens-revoked_notice = 令牌已撤销，不再有效。

api-docs-title = API 文档
api-docs-lead = JSON API 向程序提供令牌所有者在页面上可见的货物批次、样品、证书和边境检查，并允许出口商提交申请、检查员记录边境检查。
api-docs-tokens = 认证：以“Authorization: Bearer jl_…”发送个人令牌。请在账户页面创建：
api-docs-errors = 错误采用 RFC 9457 问题详情格式（application/problem+json）；超出您权限的记录与不存在的记录一样返回 404。
api-docs-pages = 列表分页：将某页的“next”值作为“cursor”传入即可获取下一页。
api-docs-limits = 每个令牌每分钟的请求数有限；RateLimit 和 RateLimit-Policy 响应头显示剩余次数。
api-docs-document = 机器可读的描述
api-docs-operations = 操作
api-docs-method = 方法
api-docs-path = 路径
api-docs-summary = 作用
api-docs-access = 权限
api-docs-public = 公开
api-docs-read_token = 任意令牌
api-docs-write_token = 读写令牌

api-op-list_consignments = 列出您可见的货物批次（可筛选）
api-op-show_consignment = 读取一个货物批次
api-op-list_samples = 列出您可见的样品（可筛选）
api-op-show_sample = 读取一个样品及您可见的结果
api-op-file_application = 提交检测申请
api-op-show_application = 读取一份检测申请
api-op-list_certificates = 列出证书和通知
api-op-show_certificate = 读取证书及其当前状态
api-op-list_border_checks = 列出证书的边境检查
api-op-record_border_check = 在您的口岸记录边境检查
api-op-verify_token = 验证证书的二维码令牌（无需 API 令牌）
api-op-openapi_document = 本 API 的 OpenAPI 3.1 文档
api-op-api_docs = 本页面
