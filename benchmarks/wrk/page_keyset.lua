-- GET /api/customers?startingAfter=<BENCH_CURSOR_ID>&limit=20: the keyset page right after the cursor
-- customer (the row before the deep page, ~450,000 rows in at the default size), every request the same.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
done = common.done
wrk.path = "/api/customers?startingAfter=" .. (os.getenv("BENCH_CURSOR_ID") or error("BENCH_CURSOR_ID is not set")) .. "&limit=20"
