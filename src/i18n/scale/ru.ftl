# Queues at scale: a queue page shows the oldest tests (of each method).

scale-oldest_shown = Показаны { $shown } самых давних из { $total }; следующие появятся, когда эти будут обработаны.
