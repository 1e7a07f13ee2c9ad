# Queues at scale: a queue page shows the oldest tests (of each method).

scale-oldest_shown = { $total } сынақтың ең ескі { $shown } сынағы көрсетілген; келесілері осылар өңделгенде шығады.
