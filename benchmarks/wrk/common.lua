-- Shared by the scenario scripts (loaded with dofile). Environment, set by run.sh:
--   BENCH_API_KEY   the bearer secret of tenant 'default'
--   BENCH_WRK_DIR   this directory
local common = {}

common.api_key = os.getenv("BENCH_API_KEY") or error("BENCH_API_KEY is not set")

-- wrk.headers go with every request wrk builds (also with wrk.format(method, path, nil, body))
function common.authorize()
  wrk.headers["Authorization"] = "Bearer " .. common.api_key
end

-- Numbers each thread (setup runs in the main Lua state, once per thread, before init) so that each
-- thread can seed its generator and make unique values.
local threads = 0
function common.setup(thread)
  threads = threads + 1
  thread:set("thread_no", threads)
end

function common.seed()
  math.randomseed(os.time() * 1000 + (thread_no or 0) * 7919 + math.floor(os.clock() * 1000000))
end

-- One parseable line for run.sh (latency in microseconds). errors.status counts HTTP statuses > 399.
function common.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "WRK_RESULT requests=%d duration_us=%d rps=%.2f p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.1f " ..
    "status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean,
    e.status, e.connect, e.read, e.write, e.timeout))
end

return common
