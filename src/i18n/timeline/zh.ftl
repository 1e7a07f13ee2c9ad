## timeline: the exporter's desk on a consignment, and correcting a returned application
timeline-title = 进度时间线
timeline-party-exporter = 贵公司
timeline-party-registry = 登记处
timeline-party-kz = 哈方实验室
timeline-party-cn = 中方实验室
timeline-party-joint = 联合实验室
timeline-application_filed = 已提交检测申请 { $code }
timeline-application_returned = 申请已退回修改：{ $reason }
timeline-application_resubmitted = 修改后的申请已重新提交
timeline-application_accepted = 申请已受理；货物批次已登记
timeline-consignment_registered = 货物批次已登记
timeline-sample_drawn = 样品 { $code } 已登记：于 { $drawn } 抽取并加施封识
timeline-sample_cancelled = 样品 { $code } 已作废
timeline-portion_received = { $lab }已接收样品 { $code } 的本方分样
timeline-portion_rejected = { $lab }拒收样品 { $code } 的本方分样（不适于检测）
timeline-testing_progress =
    { $count ->
       *[other] { $lab }：{ $count } 个检测项目中已审核 { $verified } 个
    }
timeline-discrepancy_opened = 两个实验室对样品 { $code } 的检测结果不一致：已登记结果不一致
timeline-discrepancy_resolved = 样品 { $code } 的结果不一致已解决
timeline-certificate_issued = 已签发{ $document } { $number }
timeline-certificate_replaced = 证书 { $number } 已被证书 { $replacement } 替换
timeline-certificate_replaced_plain = 证书 { $number } 已替换
timeline-certificate_revoked = 证书 { $number } 已撤销：{ $reason }
timeline-notice_issued = 已签发不合格通知书 { $number }
timeline-open_document = 查看
timeline-download_pdf = 下载 PDF
timeline-conformity_title = 各样品合格情况
timeline-no_verified_results = 尚无已审核的检测结果。
timeline-sample_conforms = 全部检测项目合格
timeline-sample_does_not_conform = 部分检测项目不合格
timeline-laboratory = 实验室
timeline-correct = 修改并重新提交
timeline-correct_title = 修改被退回的申请
timeline-correct_lead = 按登记处的要求修改后重新提交申请：申请将重新进入登记处的待办队列。
timeline-resubmit = 重新提交
timeline-copy = 复制为新申请
timeline-copy_lead = 本表单复制自申请 { $code }。请核对各项内容并选择计划过境日期。
timeline-not_returned = 只有被退回的申请才能修改并重新提交。
timeline-party-border = 口岸查验
timeline-border_check = { $post }口岸：证书 { $number } — { $outcome }
