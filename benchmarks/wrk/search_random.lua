-- GET /api/customers?search=<5 random lowercase letters> (page 1, limit 20 by default).
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
setup = common.setup
done = common.done

function init(args)
  common.seed()
end

local letters = {}
function request()
  for i = 1, 5 do letters[i] = string.char(96 + math.random(26)) end
  return wrk.format("GET", "/api/customers?search=" .. table.concat(letters))
end
