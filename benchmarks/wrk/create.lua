-- POST /api/customers with a unique email and external id per request: run tag (BENCH_RUN_TAG, one per
-- wrk run) + thread number + a per-thread counter. The same row shape as pgbench/create.sql.
local common = dofile(os.getenv("BENCH_WRK_DIR") .. "/common.lua")
common.authorize()
wrk.headers["Content-Type"] = "application/json"
setup = common.setup
done = common.done

local tag = os.getenv("BENCH_RUN_TAG") or error("BENCH_RUN_TAG is not set")
local counter = 0

function init(args)
  common.seed()
end

function request()
  counter = counter + 1
  local unique = tag .. "." .. thread_no .. "." .. counter
  local body = '{"email":"wrk.' .. unique .. '@loadtest.example",' ..
               '"name":"Amara Okafor",' ..
               '"externalId":"wrk_' .. unique .. '",' ..
               '"country":"UG","currency":"UGX",' ..
               '"metadata":{"source":"bench","plan":"pro","seats":3,"marketingOptIn":true}}'
  return wrk.format("POST", "/api/customers", nil, body)
end
