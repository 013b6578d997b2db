-- wrk -s queue.lua: pollers that receive up to 10 messages from a queue and acknowledge them in one batch.
-- CASEWAY_BENCH_KEY is the client's API key; CASEWAY_BENCH_QUEUE the queue's name.
local key = os.getenv("CASEWAY_BENCH_KEY")
if not key then error("CASEWAY_BENCH_KEY is not set") end
local queue = os.getenv("CASEWAY_BENCH_QUEUE") or "bench-queue"
local base = "/v1/queues/" .. queue .. "/messages"
local pending = {}   -- receipts received and not yet acknowledged (shared by this thread's connections)
local failures = 0

request = function()
  local headers = { ["Authorization"] = "Bearer " .. key }
  if #pending > 0 then
    local batch = {}
    for i = 1, math.min(#pending, 100) do batch[i] = '"' .. table.remove(pending) .. '"' end
    headers["Content-Type"] = "application/json"
    return wrk.format("POST", base .. "/ack", headers, '{"receipts":[' .. table.concat(batch, ",") .. ']}')
  end
  return wrk.format("GET", base .. "?max=10&visibility=60", headers)
end

response = function(status, headers, body)
  if status ~= 200 then failures = failures + 1 return end
  -- Only a receive's answer carries new receipts (an ack's answer echoes the ones it settled).
  if string.sub(body, 1, 12) ~= '{"messages":' then return end
  for receipt in string.gmatch(body, '"receipt":"([^"]+)"') do pending[#pending + 1] = receipt end
end

done = function(summary, latency, requests)
  io.stderr:write(string.format("non-200 responses: %d\n", failures))
end
