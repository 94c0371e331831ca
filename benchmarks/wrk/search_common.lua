-- GET /api/customers?search=<a common first name> (BENCH_SEARCH_TERM, letters only), every request the same.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
done = common.done
wrk.path = "/api/customers?search=" .. (os.getenv("BENCH_SEARCH_TERM") or error("BENCH_SEARCH_TERM is not set"))
