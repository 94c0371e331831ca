-- GET /api/customers?page=<BENCH_DEEP_PAGE>&limit=20: a page deep in tenant 'default' (OFFSET (page-1)*20).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
done = common.done
wrk.path = "/api/customers?page=" .. (os.getenv("BENCH_DEEP_PAGE") or error("BENCH_DEEP_PAGE is not set")) .. "&limit=20"
