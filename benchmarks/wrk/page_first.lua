-- GET /api/customers?page=1&limit=20 (newest first: the default sort), every request the same.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
done = common.done
wrk.path = "/api/customers?page=1&limit=20"
