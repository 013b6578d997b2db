-- wrk -s intake.lua: POST the reference service request to /v1/cases as an authenticated client.
-- CASEWAY_BENCH_BODY names the body file; CASEWAY_BENCH_KEY is the client's API key.
local path = os.getenv("CASEWAY_BENCH_BODY")
if not path then error("CASEWAY_BENCH_BODY is not set") end
local key = os.getenv("CASEWAY_BENCH_KEY")
if not key then error("CASEWAY_BENCH_KEY is not set") end
local f = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.path = "/v1/cases"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. key

local non202 = 0
response = function(status, headers, body)
  if status ~= 202 then non202 = non202 + 1 end
end

done = function(summary, latency, requests)
  io.stderr:write(string.format("non-202 responses: %d\n", non202))
end
