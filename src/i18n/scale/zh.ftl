# Queues at scale: a queue page shows the oldest tests of each method.

scale-oldest_shown = 此处显示 { $total } 项中最早的 { $shown } 项；全部见该方法的页面。
