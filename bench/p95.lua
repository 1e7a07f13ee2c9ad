-- wrk prints p50, p75, p90 and p99; the budgets are set at p95.
done = function(summary, latency, requests)
  io.write(string.format("p95 %.2fms\n", latency:percentile(95) / 1000))
end
