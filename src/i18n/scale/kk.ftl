# Queues at scale: a queue page shows the oldest tests of each method.

scale-oldest_shown = Мұнда { $total } сынақтың ең ескі { $shown } сынағы көрсетілген; барлығы әдіс бетінде.
