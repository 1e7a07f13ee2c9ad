# 样品检测记录单、按实验室习惯填写的结果、错误汇总。

worksheet-title = 检测记录单
worksheet-lead = 本方对该样品的全部检测项目。结果一并保存或全部不保存；留空的项目仍留在待检队列中。
worksheet-open = 检测记录单
worksheet-open_for = 样品 { $code } 的检测记录单
worksheet-unit = 单位
worksheet-lod = 检出限
worksheet-loq = 定量限
worksheet-no_limit = 目的国无限量要求
worksheet-instrument = 仪器
worksheet-analysed_on = 检测日期
worksheet-comment = 备注
worksheet-reading_hint = 例如 12.5、12,5、< 0.01、< LOQ 或 未检出。
worksheet-empty = 本方对该样品没有等待结果的检测项目。
worksheet-save = 保存全部结果
worksheet-date_future = 检测日期不能晚于今天。
entry-errors_title = 有错误，未保存任何内容：
entry-choose = — 请选择 —
entry-qualitative_hint = 请为每个样品选择“未检出”或“检出”。未选择的行仍留在待检队列中。
entry-quantitative_hint = 按实验室习惯以 { $unit } 填写各结果：12.5 或 12,5、< 0.01、< LOQ 或 未检出。留空的行仍留在待检队列中。
entry-planned_date_past = 计划过境日期已过，请核对后再提交。
