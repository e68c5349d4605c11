-- wrk's report as one JSON line (bench/api.py reads it): requests per second, latency
-- percentiles in milliseconds, and errors (connect, read, write and timeout failures plus
-- answers other than 2xx and 3xx).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout + summary.errors.status
  io.write(string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.2f, "p50": %.2f, "p95": %.2f, "p99": %.2f, "errors": %d, "timeouts": %d, "non_2xx_3xx": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    errors, summary.errors.timeout, summary.errors.status))
end
