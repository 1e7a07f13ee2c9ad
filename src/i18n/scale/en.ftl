# Queues at scale: a queue page shows the oldest tests (of each method).

scale-oldest_shown = The { $shown } oldest of { $total } are shown; the next ones appear as these are done.
