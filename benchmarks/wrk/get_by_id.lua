-- GET /api/customers/{id}, a random id of tenant 'default' per request, drawn from the sample that
-- run.sh exported (BENCH_IDS_FILE, one id a line; the same ids pgbench draws from bench.ids).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
setup = common.setup
done = common.done

local ids = {}

function init(args)
  common.seed()
  for line in io.lines(os.getenv("BENCH_IDS_FILE")) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  if #ids == 0 then error("no ids in " .. os.getenv("BENCH_IDS_FILE")) end
end

function request()
  return wrk.format("GET", "/api/customers/" .. ids[math.random(#ids)])
end
