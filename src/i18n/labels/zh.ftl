## 标签页：每份分样一张双语标签，A4 纸或 58 × 40 毫米标签打印机。

labels-title = 标签页
labels-print = 打印标签
labels-sizes = 标签尺寸
labels-size-a4 = A4 纸
labels-size-58x40 = 标签打印机 58 × 40 毫米
labels-print_hint-a4 = 用 A4 纸打印本页（Ctrl+P），沿虚线裁开：每份分样一张标签。
labels-print_hint-58x40 = 用 58 × 40 毫米标签打印机打印本页（Ctrl+P）：每份分样一张标签。
labels-seal = 封识
