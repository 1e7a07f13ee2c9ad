## Lists: sorting by column, CSV downloads, the exporter search field, home tiles that open a filtered list.

lists-exporter_hint = 名称或商业识别号
lists-by_column = 按所选列
lists-download_csv = 下载 CSV
lists-too_many_title = 一次下载的行数过多
lists-too_many_text = 一次下载最多 { $max } 行。请缩小筛选范围（状态、日期、出口商）后重新下载。
lists-back_to_list = 返回列表
lists-tile_discrepancies =
    { $count ->
       *[other] 个样品存在未解决的结果不一致
    }
lists-tile_applications_waiting =
    { $count ->
       *[other] 份检测申请待决定
    }
lists-tile_applications_returned =
    { $count ->
       *[other] 份检测申请已退回修改
    }
lists-only_to_receive = 仅显示本方待接收份样的样品。
lists-only_discrepancies = 仅显示两实验室结果不一致尚未解决的样品。
lists-show_all = 显示全部
