## 口岸手机：菜单收在一个按钮后，列表筛选条件默认折叠。

phone-menu = 菜单
phone-filters = 筛选条件
phone-filters_active = 筛选条件（已启用）
