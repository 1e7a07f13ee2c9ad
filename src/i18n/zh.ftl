### 简体中文目录。en.ftl 中的每个键在此也必须存在（有测试检查）。
### 请使用 ../shared/GLOSSARY.md 中的术语。

## app
app-name = jointlab

## layout
layout-skip = 跳到主要内容
layout-language = 语言
layout-main_nav = 主导航
layout-sign_out = 退出登录
layout-footer = 中哈动植物检疫联合实验室 · 霍尔果斯 · 多斯特克

## nav
nav-home = 首页
nav-users = 用户
nav-catalog = 目录
nav-audit = 审计日志
nav-applications = 检测申请
nav-consignments = 货物批次
nav-samples = 样品
nav-exporters = 出口商
nav-bench = 检测台
nav-review = 审核

## role
role-admin = 管理员
role-registrar = 样品登记员
role-analyst = 检测员
role-reviewer = 审核员
role-certifier = 签证官
role-exporter = 出口商
role-inspector = 查验员
role-auditor = 审计员

## side
side-kz = 哈方
side-cn = 中方

## tz
tz-almaty = 哈萨克斯坦时间（UTC+5）
tz-beijing = 北京时间（UTC+8）

## error
error-home = 返回首页

## error.bad_request
error-bad_request-title = 无法读取请求
error-bad_request-text = 请求格式有误。请返回检查表单后重试。

## error.forbidden
error-forbidden-title = 当前角色无权访问
error-forbidden-text = 此页面属于其他角色。如工作需要，请联系管理员。

## error.csrf
error-csrf-title = 表单已过期
error-csrf-text = 表单提交时缺少有效的安全令牌，可能是页面打开时间过长，或已在其他地方登录。请刷新页面后重新提交。

## error.not_found
error-not_found-title = 未找到
error-not_found-text = 该页面或记录不存在，或无权查看。

## error.payload_too_large
error-payload_too_large-title = 数据量过大
error-payload_too_large-text = 表单提交的数据超过了服务器允许的大小。请缩短输入的文字后重新提交。

## error.request_timeout
error-request_timeout-title = 请求超时
error-request_timeout-text = 表单未能按时送达，可能是网络连接较慢或已中断。请重新提交。

## error.too_many_connections
error-too_many_connections-title = 连接数过多
error-too_many_connections-text = 您的地址同时与服务器建立了过多连接。请关闭部分标签页或稍候片刻，然后刷新页面。

## error.internal
error-busy-title = 系统繁忙
error-busy-text = 当前所有数据库连接都在使用中。您提交的内容没有丢失：请几秒钟后重试。
error-internal-title = 系统出现错误
error-internal-text = 错误已记录。请一分钟后重试；如问题仍然存在，请联系管理员。

## login
login-title = 登录
login-lead = 联合实验室的实验室信息系统。请使用管理员提供的电子邮箱和密码登录。
login-submit = 登录
login-invalid = 电子邮箱或密码错误，或失败次数过多：请稍候再试。
login-signed_out = 已退出登录。

## field
field-email = 电子邮箱
field-password = 密码
field-display_name = 姓名
field-role = 角色
field-side = 所属方
field-exporter = 所属出口商
field-border_post = 口岸
field-language = 语言
field-time_zone = 时区
field-bin = 商业识别号
field-required = 此项为必填项。
field-email_invalid = 请输入电子邮箱地址，例如 name@example.kz。
field-bin_format = 商业识别号须为 12 位数字。
field-bin_checksum = 商业识别号校验位错误，请核对号码。
field-too_long = 内容过长。
field-invalid = 该值包含不允许的字符。
field-unsafe_characters = 该值包含控制字符或不可见的文字方向标记：请去掉后重新输入。
field-drawn_at_range = 样品的采样时间须在近两年内，且不能晚于当前时间。
field-planned_date_range = 计划过境日期须在今天前后一年以内。
field-password_short = 密码至少需要 12 个字符。
field-password_weak = 密码至少需要包含 4 个不同的字符。
field-password_mismatch = 两次输入的密码不一致。
field-password_common = 该密码属于最常见或已泄露的密码。请另选一个，例如由几个词组成的短语。
field-password_personal = 密码不得包含电子邮件的用户名或您的姓名。
field-password_reused = 新密码必须与当前密码不同。
field-side_required = 实验室人员须属于哈方或中方，请选择其一。
field-side_not_allowed = 仅实验室人员有所属方，此角色请留空。
field-exporter_required = 出口商用户须隶属于某一出口商，请选择。
field-exporter_not_allowed = 仅出口商用户隶属于企业，此角色请留空。
field-post_required = 查验员须隶属于某一口岸，请选择。
field-post_not_allowed = 仅查验员隶属于口岸，此角色请留空。
field-choose = 请从选项中选择一项。
field-email_taken = 该电子邮箱已被其他账户使用。
field-date_invalid = 请按 YYYY-MM-DD 格式输入日期。
field-datetime_invalid = 请输入日期和时间，例如 2026-11-24T09:30。
field-hs_code = HS编码为6至10位数字。
field-number = 请输入数字，例如 12.5（数字和一个小数点）。
field-number_range = 数值超出范围（整数部分最多12位，小数部分最多9位）。
field-positive = 请输入大于零的数。

## form
form-save = 保存
form-any = 全部
form-filter = 筛选
form-next_page = 下一页
form-choose = 请选择…
form-none = 无
form-has_errors = 部分字段需要更正，请查看下方提示。
form-stale = 打开表单后，此记录已被他人修改。已填写的内容保留在下方，请与当前记录核对后重新保存。
form-yes = 是
form-no = 否

## home
home-title = 首页
home-greeting = 欢迎，{ $name }
home-accounts = 账户
home-active_accounts = 已启用账户
home-recent_events = 最近事件

## home.duties
home-duties-admin = 负责管理用户、基础目录和口岸。不录入检测结果，也不签署证书。
home-duties-registrar = 负责登记货物批次和样品，对样品施加封识并分样，打印标签，记录样品交接及本方接收情况。
home-duties-analyst = 负责录入本方实验室的检测结果。
home-duties-reviewer = 负责审核或驳回本方的检测结果（本人录入的结果除外），安排复检，处理结果不一致。
home-duties-certifier = 负责本方证书的起草、会签、替换和撤销。
home-duties-exporter = 可提交检测申请，跟踪本企业每个货物批次的进展，并下载其证书。
home-duties-inspector = 在所在口岸扫描证书二维码，核实证书是否真实、有效，并记录口岸查验决定。
home-duties-auditor = 可查看本方权限范围内的全部内容，包括审计日志，但不能作任何修改。

## account
account-title = 我的账户
account-preferences = 语言和时区
account-change_password = 修改密码
account-current_password = 当前密码
account-new_password = 新密码
account-confirm_password = 确认新密码
account-password_hint = 至少 12 个字符。由几个词组成的短语既好记又难猜。
account-current_wrong = 当前密码错误。
account-password_changed = 密码已修改，其他会话均已退出登录。
account-preferences_saved = 设置已保存。
account-must_change = 您使用一次性密码登录，请先设置自己的密码再继续。

## users
users-title = 用户
users-new = 新建用户
users-edit = 编辑用户
users-search = 姓名或电子邮箱
users-none = 没有符合筛选条件的用户。
users-status = 状态
users-active = 已启用
users-inactive = 已停用
users-locked = 已锁定
users-side_hint = 样品登记员、检测员、审核员、签证官和审计员均隶属于某一方。
users-exporter_hint = 仅限出口商用户：企业的商业识别号，12 位数字。
users-post_hint = 仅限查验员。
users-create = 创建用户
users-open_sessions = 活动会话
users-created_at = 创建时间
users-must_change = 下次登录时须设置密码
users-deactivate = 停用
users-activate = 重新启用
users-reset_password = 重置密码
users-reset_hint = 重置后将生成新的一次性密码，解除锁定，并使该用户在所有设备上退出登录。
users-throttles = 登录失败
users-no_throttles = 当前没有登录失败记录。
users-throttle_address = 客户端地址
users-throttle_failures = 失败次数
users-throttled_until = 限制至
users-throttle_all_addresses = 所有地址
users-clear_throttles = 清除
users-throttles_hint = 失败记录在首次失败一小时后清除；失败数次后，每次验证的等待时间会加倍。清除将结束该账户的所有等待。
users-throttles_cleared = 登录失败记录已清除。
users-one_time_title = 一次性密码
users-created = 用户已创建
users-password_reset_done = 密码已重置
users-one_time_password = 一次性密码
users-one_time_hint = 此密码仅显示一次。请当面或通过电话告知用户；用户首次登录时须设置自己的密码。
users-back_to_user = 返回用户详情
users-saved = 用户已保存。
users-deactivated_notice = 该用户已停用，并已在所有设备上退出登录。
users-activated_notice = 该用户已重新启用。
users-cannot_deactivate_self = 不能停用自己的账户。
users-cannot_demote_self = 不能取消自己账户的管理员角色。

## exporters
exporters-title = 出口商
exporters-new = 新建出口商
exporters-create = 登记出口商
exporters-search = 名称或商业识别号
exporters-none = 没有符合条件的出口商。
exporters-name = 企业名称
exporters-address = 地址
exporters-contact_email = 联系电子邮箱
exporters-bin_hint = 12 位数字，最后一位为校验位。
exporters-bin_taken = 已有使用该商业识别号的企业登记。
exporters-saved = 出口商信息已保存。
exporters-users = 出口商用户
exporters-no_users = 该出口商尚无用户。
exporters-users_hint = 管理员在用户页面将出口商用户关联到其所属企业。

## intake
intake-search = 编号、封识、商业识别号或企业名称
intake-status = 状态
intake-commodity = 货物
intake-exporter = 出口商
intake-sort = 排序
intake-newest = 最新在前
intake-oldest = 最早在前
intake-none = 没有符合筛选条件的记录。
intake-code = 编号
intake-submitted_at = 提交时间
intake-created_at = 登记时间
intake-quantity = 数量
intake-unit = 单位
intake-lots = 批号、车皮或车辆
intake-lots_hint = 批号、车皮号或车牌号，用逗号分隔。
intake-origin = 原产地
intake-region = 州
intake-district = 区
intake-producer = 生产者
intake-consignee = 中国境内收货人
intake-transport = 运输方式
intake-planned_date = 计划过境日期
intake-destination = 目的国
intake-hs = HS编码
intake-history = 历史记录

## applications
applications-already_decided = 该申请已作出决定。
applications-title = 检测申请
applications-one = 申请
applications-new = 新建检测申请
applications-lead = 请填写待检货物批次的信息。联合实验室将受理申请，或说明理由后退回。
applications-exporter_bin = 出口商商业识别号
applications-exporter_bin_hint = 企业的商业识别号，12 位数字；找到后此处显示企业名称。
field-no_company_with_bin = 没有以此商业识别号登记的企业。
applications-submit = 提交申请
applications-decide = 处理决定
applications-accept = 受理并生成货物批次
applications-accept_hint = 将生成货物批次，随后在其页面登记样品。
applications-return = 退回出口商
applications-reason = 退回理由（出口商可见）
applications-returned_because = 已退回：
applications-decided_at = 处理时间

## applications.status
applications-status-submitted = 已提交
applications-status-accepted = 已受理
applications-status-returned = 已退回

## consignments
consignments-title = 货物批次
consignments-one = 货物批次

## consignments.status
consignments-status-registered = 已登记
consignments-status-sampled = 已采样
consignments-status-in_testing = 检测中
consignments-status-tested = 检测完毕
consignments-status-closed = 已关闭

## samples
samples-already_replaced = 该样品的替代样品已登记。
samples-replacement_other_consignment = 替代样品必须来自同一批货物。
samples-rejected_note = 该样品的一个分样被判定不合格而拒收：该样品不能出证，对方未完成的检测已撤回。
samples-replaced_by = 已被替代为
samples-replaces = 替代
samples-draw_replacement = 补采替代样品
samples-replacement_lead = 该样品的一个分样被判定不合格而拒收，因此不能据此出证。请从同一批货物补采替代样品，它将与本样品关联。
samples-replacement_title = 替代样品
samples-title = 样品
samples-one = 样品
samples-register = 登记样品
samples-register_lead = 样品将获得本年度的下一个编号，并分为哈方分样、中方分样和留样。
samples-none_yet = 尚未登记样品。
samples-seal = 封识号
samples-mass = 重量
samples-storage = 储存条件
samples-drawn_at = 采样时间
samples-drawn_by = 采样人
samples-split_hint = 每份分样在接收时施加封识，并有各自的标签。
samples-portions = 分样
samples-drawn_in_future = 采样时间不能晚于当前时间。

## samples.status
samples-status-registered = 已登记
samples-status-received = 已接收
samples-status-in_testing = 检测中
samples-status-tested = 检测完毕
samples-status-closed = 已关闭
samples-status-rejected = 拒收
samples-status-cancelled = 已作废

## unit
unit-t = 吨
unit-kg = 千克
unit-g = 克
unit-head = 头
unit-pcs = 件

## transport
transport-rail = 铁路运输
transport-road = 公路运输

## storage
storage-ambient = 常温
storage-chilled = 冷藏（0…+4 °C）
storage-frozen = 冷冻（−18 °C）

## portion
portion-kz = 哈方分样
portion-cn = 中方分样
portion-counter = 留样

## portion_status
portion_status-sealed = 已封识
portion_status-handed_over = 已移交
portion_status-received = 已接收
portion_status-rejected = 拒收
portion_status-disposed = 已处置

## custody
custody-confirm_cancel = 作废此样品？原因：{ $reason }
custody-confirm_dispose = 处置{ $portion }？原因：{ $reason }
custody-already_replaced = 已补采替代样品。
custody-not_rejected = 只有分样被判定不合格而拒收的样品才能补采。
custody-cancel_after_receipt = 已有实验室接收了分样：样品不能再作废。
custody-portion_under_test = 该分样仍有检测在进行：暂不能处置。
custody-counter_kept_for_arbitration = 存在待仲裁的差异时，必须保留备份样品。
custody-held_by_other_side = 该分样由对方实验室保管：只有对方登记员可以处理。
custody-already_disposed = 该分样已被处置。
custody-already_received = 该分样已被接收。
custody-not_your_portion = 您方只能登记本方分样的接收。
custody-not_at_reception = 只能移交仍在接收处封存的分样。
custody-sample_closed = 样品已作废、拒收或关闭：不能再进行保管操作。
custody-title = 样品流转
custody-record = 记录流转环节
custody-hand_over = 移交
custody-receive = 接收
custody-record_receipt = 登记接收
custody-dispose = 处置
custody-cancel = 作废样品
custody-portion = 分样
custody-holder = 保管方
custody-seal_intact = 封识完好
custody-temperature = 接收时温度，°C
custody-decision = 处理决定
custody-accept = 接收并检测
custody-reject = 不符合要求，拒收
custody-reason = 原因
custody-reason_required = 请填写拒收该分样的原因。
custody-not_possible = 该分样当前状态下无法执行此操作。
custody-from = 自
custody-to = 至

## custody.party
custody-party-reception = 联合实验室收样处
custody-party-kz = 哈方实验室
custody-party-cn = 中方实验室
custody-party-counter_store = 留样室

## custody.kind
custody-kind-drawn = 已采样
custody-kind-sealed = 已封识
custody-kind-handed_over = 已移交
custody-kind-received = 已接收
custody-kind-accepted = 准予检测
custody-kind-rejected = 拒收
custody-kind-disposed = 已处置
custody-kind-cancelled = 已作废

## labels

## time
time-days = 天
time-hours = 小时
time-minutes = 分钟

## bench
bench-withdrawn = 已撤回的检测
bench-sample_closed = 样品已作废、拒收或关闭：不再接受其结果。
bench-title = 检测台
bench-lead = 等待本方录入结果的检测项目，按检测方法分组，等待最久的排在最前。
bench-empty = 暂无等待录入结果的检测项目。
bench-enter_results = 录入结果
bench-waiting = 等待时长
bench-result = 检测结果
bench-qualitative_hint = 请为每个样品输入 not_detected 或 detected。某行留空，该项目即保留在检测台上。
bench-quantitative_hint = 请以 { $unit } 为单位输入各数值，或输入 < LOQ，未检出输入 nd。某行留空，该项目即保留在检测台上。
bench-save_all = 保存检测结果
bench-returned = 审核员退回
bench-nothing_entered = 未录入任何结果，请至少输入一个值。
bench-conflict = 其中部分结果已由他人先行保存。本次未保存任何内容；页面显示检测台的当前状态以及您已输入的内容。
bench-not_pending = 该检测项目已不再等待录入结果。

## review
review-title = 审核
review-lead = 本方检测员录入的检测结果，可逐条或批量审核通过或驳回。本人录入的结果不能由本人审核。
review-empty = 暂无待审核的检测结果。
review-select = 选择
review-limit = 限量
review-conformity = 判定
review-entered_by = 录入人
review-own_entry_short = 本人录入
review-reason = 驳回原因（驳回时必填）
review-verify = 审核通过所选
review-reject = 驳回所选
review-done = 操作已完成。
review-none_selected = 请至少选择一个检测结果。
review-own_entry = 其中有一个结果是您本人录入的，须由另一名审核员审核。未作任何更改。
review-not_entered = 其中有一个结果已不再等待审核。未作任何更改。
review-select_all = 全选

## reading
reading-value = 数值
reading-below_loq = 低于定量限
reading-not_detected = 未检出
reading-detected = 检出

## rule
rule-not_detected = 未检出

## conformity
conformity-conforms = 合格
conformity-does_not_conform = 不合格
conformity-inconclusive = 无法判定

## tests
tests-withdrawn = 已撤回
tests-confirm_invalidate = 作废此已核准结果？将安排复检。原因：{ $reason }
tests-portion_not_received = 您方实验室尚未接收该样品的分样。
tests-title = 检测项目
tests-none = 暂无可查看的检测项目。
tests-method = 检测方法
tests-manage = 管理检测项目
tests-manage_lead = 本方对该样品的检测项目。可删除待检项目，或将已审核结果作废（复检项目将进入检测台）——均须说明原因。
tests-note = 备注
tests-change = 变更
tests-retest = 复检
tests-remove = 删除
tests-invalidate = 作废
tests-add = 添加检测项目
tests-already_running = 本方已对该样品开展此检测项目。
tests-not_removable = 只能删除等待结果的检测项目。
tests-not_verified = 只能作废已审核的结果。

## tests.status
tests-status-pending = 待录入结果
tests-status-entered = 已录入，未审核
tests-status-verified = 已审核
tests-status-invalidated = 已判无效
tests-status-removed = 已移除

## dashboard
dashboard-title = 本方今日概况
dashboard-to_receive =
    { $count ->
       *[other] 个分样待接收
    }
dashboard-on_bench =
    { $count ->
       *[other] 个检测项目待检
    }
dashboard-to_review =
    { $count ->
       *[other] 个检测结果待审核
    }
dashboard-discrepancies =
    { $count ->
       *[other] 个结果不一致待处理
    }
dashboard-oldest = 检测台最长等待时间

## discrepancy
discrepancy-closed_by_retest = 已关闭：复检结果一致
discrepancy-reopened = 重新打开：复检结果再次不一致
discrepancy-contradicted = 双方的处理意见结论不同：在双方一致之前差异保持未决。任何一方都可以修改其处理意见。
discrepancy-closed = 该差异已关闭。
discrepancy-title = 实验室间结果不一致
discrepancy-lead = 双方均已审核同一检测方法的结果，一方合格而另一方不合格。在双方审核员给出相同结论（留样仲裁检测结果，或采信其中一方的结果），或复检使双方结果一致之前，该货物批次不能出证。
discrepancy-flagged = 发现时间
discrepancy-resolved = 处理完毕时间
discrepancy-resolution = 处理决定
discrepancy-reason = 理由
discrepancy-awaiting = 尚未记录
discrepancy-record = 记录本方的处理决定
discrepancy-record_hint = 本方只记录一次处理决定；双方给出相同结论时差异即关闭。若双方处理决定相互矛盾，任何一方都可以修改本方的决定。
discrepancy-outcome_label = 处理决定
discrepancy-reason_label = 理由（必填）
discrepancy-submit = 记录处理决定
discrepancy-already_recorded = 本方已记录处理决定，对方尚未答复。未作任何更改。
discrepancy-resolution_recorded = 本方处理决定已记录，等待对方记录。

## discrepancy.status
discrepancy-status-open = 待处理
discrepancy-status-resolved = 已处理

## discrepancy.outcome
discrepancy-outcome-arbitration_conforms = 留样仲裁检测：合格
discrepancy-outcome-arbitration_does_not_conform = 留样仲裁检测：不合格
discrepancy-outcome-accept_kz = 采信哈方结果
discrepancy-outcome-accept_cn = 采信中方结果

## discrepancy.agreed
discrepancy-agreed-does_not_conform = 一致结论：不合格。
discrepancy-agreed-conforms = 一致结论：合格。

## discrepancy.closed_by
discrepancy-closed_by-retest = 复检使双方结果一致
discrepancy-closed_by-reviewers = 双方审核员给出了相同结论

## audit
audit-title = 审计日志
audit-lead = 全部变更，按时间倒序排列。每个事件通过哈希值与前一事件相链接；`jointlab verify-audit` 可校验整条链。
audit-action = 操作
audit-entity = 记录类型
audit-actor = 操作人
audit-from = 起始日期
audit-to = 截止日期
audit-none = 没有符合筛选条件的事件。
audit-at = 时间
audit-change = 变更
audit-before = 变更前
audit-after = 变更后
audit-hidden = 数值已隐藏：对方未审核的数据。

## catalog
catalog-title = 目录
catalog-lead = 实验室检测什么、依据什么限量：商品、检测方法、各目的国的限量以及双方默认开展的检测项目。标有“演示”的条目来自演示目录：使用前请对照现行标准核实。
catalog-part = 目录
catalog-entries = 条目数
catalog-what = 内容
catalog-demo = 演示
catalog-active = 启用
catalog-inactive = 停用
catalog-status = 状态
catalog-actions = 操作
catalog-remove = 删除

## catalog.commodities
catalog-commodities-title = 商品
catalog-commodities-lead = 实验室出具证书的商品及其HS编码；商品类别决定证书类型（植物检疫证书或兽医卫生证书）。
catalog-commodities-new = 新增商品
catalog-commodities-edit = 编辑商品
catalog-commodities-create = 添加商品
catalog-commodities-none = 目录中尚无商品。

## catalog.methods
catalog-methods-title = 检测方法
catalog-methods-lead = 各检测项目的检测方式：结果类型、单位、检出限和定量限，以及双方各自采用的方法标准。
catalog-methods-new = 新增检测方法
catalog-methods-edit = 编辑检测方法
catalog-methods-create = 添加检测方法
catalog-methods-none = 目录中尚无检测方法。

## catalog.limit_sets
catalog-limit_sets-title = 限量标准集
catalog-limit_sets-lead = 各目的国的限量：检测结果依据货物批次目的国的限量标准集判定。
catalog-limit_sets-limits = 限量
catalog-limit_sets-limits_lead = 按商品和检测项目规定的最大或最小限量，或“未检出”。
catalog-limit_sets-none = 尚无限量标准集。
catalog-limit_sets-no_limits = 该限量标准集尚无限量。
catalog-limit_sets-add = 添加限量
catalog-limit_sets-new = 新建限量标准集
catalog-limit_sets-create = 添加限量标准集
catalog-limit_sets-code_hint = 2至8个大写拉丁字母，例如 CN 或 EAEU。
catalog-limit_sets-code_format = 请使用2至8个大写拉丁字母。
catalog-limit_sets-code_taken = 已存在该代码的限量标准集。

## catalog.panels
catalog-panels-title = 默认检测项目
catalog-panels-lead = 双方对该商品样品默认开展的检测项目。
catalog-panels-open = 打开默认检测项目
catalog-panels-none = 该方没有默认检测项目。
catalog-panels-add = 添加默认检测项目

## catalog.notice
catalog-notice-created = 条目已添加。
catalog-notice-updated = 修改已保存。
catalog-notice-added = 条目已添加。
catalog-notice-removed = 条目已删除。

## catalog.field
catalog-field-names = 四种语言的名称
catalog-field-name = 名称
catalog-field-name_en = 英文名称
catalog-field-name_ru = 俄文名称
catalog-field-name_kk = 哈萨克文名称
catalog-field-name_zh = 中文名称
catalog-field-hs_code = HS编码
catalog-field-kind = 类别
catalog-field-active = 启用（可在新记录中选择）
catalog-field-code = 代码
catalog-field-discipline = 专业类别
catalog-field-result_kind = 结果类型
catalog-field-unit = 单位
catalog-field-lod = 检出限（LOD）
catalog-field-loq = 定量限（LOQ）
catalog-field-lod_loq = 检出限 / 定量限
catalog-field-standard_kz = 方法标准（哈方）
catalog-field-standard_cn = 方法标准（中方）
catalog-field-standards = 方法标准
catalog-field-standard = 方法标准
catalog-field-commodity = 商品
catalog-field-test_method = 检测方法
catalog-field-rule = 判定规则
catalog-field-value = 限量值
catalog-field-reference = 依据（标准、条款）

## catalog.hint
catalog-hint-hs_code = 6至10位数字，例如小麦为100199；空格和点号将被忽略。
catalog-hint-kind = 植物产品出具植物检疫证书，动物产品出具兽医卫生证书。
catalog-hint-active = 取消勾选即停用该条目：条目仍保留在目录和已有记录中，但不能再被选择。
catalog-hint-code = 简短且唯一：字母、数字、“.”、“-”或“_”，例如AFB1。
catalog-hint-result_kind = 定量：带单位的数值。定性：检出或未检出。
catalog-hint-unit = 定量方法必填（例如mg/kg、µg/kg、Bq/kg）；定性方法请留空。
catalog-hint-lod = 选填，采用方法的单位；定量限不得低于检出限。
catalog-hint-standard_kz = 哈萨克斯坦标准（ST RK）或GOST，例如ГОСТ 30711-2001。
catalog-hint-standard_cn = GB或GB/T，例如GB 5009.22-2016。
catalog-hint-value = 采用方法的单位；最大或最小限量必填，“未检出”请留空。
catalog-hint-reference = 选填：限量所依据的标准和条款。

## catalog.kind
catalog-kind-plant = 植物产品
catalog-kind-animal = 动物产品

## catalog.discipline
catalog-discipline-quarantine_pest = 检疫性有害生物
catalog-discipline-mycotoxin = 真菌毒素
catalog-discipline-heavy_metal = 重金属
catalog-discipline-pesticide_residue = 农药残留
catalog-discipline-microbiology = 微生物
catalog-discipline-veterinary_drug_residue = 兽药残留
catalog-discipline-radionuclide = 放射性核素
catalog-discipline-veterinary_disease = 动物疫病

## catalog.result_kind
catalog-result_kind-quantitative = 定量
catalog-result_kind-qualitative = 定性

## catalog.rule
catalog-rule-max = 不得超过
catalog-rule-min = 不得低于
catalog-rule-not_detected = 未检出

## catalog.error
catalog-error-code_format = 代码只能包含字母、数字、“.”、“-”和“_”。
catalog-error-code_taken = 该代码已被其他检测方法使用。
catalog-error-unit_required = 定量方法必须填写单位。
catalog-error-unit_not_allowed = 定性方法没有单位：请留空。
catalog-error-qualitative_no_lod = 定性方法没有带单位的检出限或定量限：请留空。
catalog-error-loq_below_lod = 定量限不得低于检出限。
catalog-error-rule_needs_quantitative = 只有定量方法才能设定最大或最小限量：请选择“未检出”。
catalog-error-value_required = 最大或最小限量必须填写数值。
catalog-error-value_not_allowed = “未检出”没有数值：请留空。
catalog-error-limit_taken = 该限量标准集已有该商品和检测方法的限量：如需替换，请先删除原限量。
catalog-error-panel_taken = 该方已将此检测项目列为该商品的默认检测项目。

## policy
policy-not_your_company = 您只能为本公司提交申请。
policy-other_side = 这属于对方实验室。
policy-not_your_role = 您的角色无权执行此操作。

## confirm
confirm-back = 返回
confirm-yes = 确认执行
confirm-cannot_undo = 此操作无法撤销。
confirm-title = 请确认
