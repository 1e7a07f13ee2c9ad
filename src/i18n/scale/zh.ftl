# Queues at scale: a queue page shows the oldest tests (of each method).

scale-oldest_shown = 显示 { $total } 项中最早的 { $shown } 项；处理完这些后将显示后续各项。
