-- GET /api/customers?page=1&limit=20 (newest first: the default sort), every request the same.
-- BENCH_PAGE_LIMIT (optional, default 20; run.sh leaves it unset) changes the limit: the JVM's cost per request
-- against its cost per row (docs/benchmarks.md "Start, eleventh look").
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
done = common.done
wrk.path = "/api/customers?page=1&limit=" .. (os.getenv("BENCH_PAGE_LIMIT") or "20")
