# Queues at scale: a queue page shows the oldest tests of each method.

scale-oldest_shown = Здесь показаны { $shown } самых давних из { $total }; все — на странице метода.
