-- wrk script for a redemption burst: exactly TOTAL requests of POST /api/v1/redemptions, spread over
-- the threads, each thread with ONE connection (so a response belongs to the request just sent), each
-- request from user (j mod #tokens) with its own Idempotency-Key, all for one reward.
--
--   wrk -t32 -c32 -d60s -s redeem.lua http://127.0.0.1:18080 -- 32 3000
--   env: BENCH_TOKENS (file, one bearer token a line), BENCH_REWARD (id), BENCH_TAG (key prefix),
--        BENCH_DONE (a directory: each thread touches a file there when its share is answered, so the
--        caller can end wrk with SIGINT at once instead of waiting out -d)
--
-- A thread whose share is answered stops (wrk.thread:stop()); should wrk ask it for one more request
-- meanwhile, it sends one without a token (answered 401 by the security filter), which is not counted. Latency is from the
-- send of each request to its response (CLOCK_MONOTONIC); throughput is answered requests per second
-- from the first send of any thread to the last answer of any thread.
-- done() prints one machine-readable line starting with "RESULT".

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local shared = require("wrk_threads") -- now_us(), and setup() numbering the threads (tid) into `threads`
local now_us, threads = shared.now_us, shared.threads

local mine = {}
local idx = 0
local sent = nil
local noop = nil
-- shared with done() through thread:get()
lat = {}
ok = 0
conflict = 0
other = 0
first_us = 0
last_us = 0

function init(args)
  local nthreads = tonumber(args[1])
  local total = tonumber(args[2])
  local tokens = {}
  for line in assert(io.open(os.getenv("BENCH_TOKENS"), "r")):lines() do
    if #line > 0 then table.insert(tokens, line) end
  end
  local reward = os.getenv("BENCH_REWARD")
  local tag = os.getenv("BENCH_TAG")
  local body = '{"rewardId":' .. reward .. ',"quantity":1}'
  for j = tid - 1, total - 1, nthreads do
    local token = tokens[(j % #tokens) + 1]
    table.insert(mine, wrk.format("POST", "/api/v1/redemptions", {
      ["Authorization"] = "Bearer " .. token,
      ["Idempotency-Key"] = tag .. "-" .. j,
      ["Content-Type"] = "application/json",
    }, body))
  end
  noop = wrk.format("POST", "/api/v1/redemptions", { ["Content-Type"] = "application/json" }, body)
end

local verified = false

function request()
  -- wrk calls request() once on the first thread's state to check the script, before any connection
  -- exists: answer it without taking a request off the list
  if tid == 1 and not verified then
    verified = true
    return mine[1] or noop
  end
  if idx < #mine then
    idx = idx + 1
    sent = now_us()
    if first_us == 0 then first_us = sent end
    return mine[idx]
  end
  sent = nil
  return noop
end

function response(status, headers, body)
  if sent == nil then return end
  local t = now_us()
  table.insert(lat, t - sent)
  last_us = t
  sent = nil
  if status == 200 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1 else other = other + 1 end
  if ok + conflict + other == #mine then
    local f = io.open(os.getenv("BENCH_DONE") .. "/" .. tid, "w")
    if f then f:write("done\n"); f:close() end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local all = {}
  local n_ok, n_conflict, n_other, first, last = 0, 0, 0, nil, 0
  for _, thread in ipairs(threads) do
    for _, v in ipairs(thread:get("lat")) do table.insert(all, v) end
    n_ok = n_ok + thread:get("ok")
    n_conflict = n_conflict + thread:get("conflict")
    n_other = n_other + thread:get("other")
    local f, l = thread:get("first_us"), thread:get("last_us")
    if f > 0 and (first == nil or f < first) then first = f end
    if l > last then last = l end
  end
  table.sort(all)
  local function pct(p)
    if #all == 0 then return 0 end
    local i = math.max(1, math.ceil(#all * p))
    return all[i] / 1000
  end
  local secs = (first and last > first) and (last - first) / 1000000 or 0
  local rps = secs > 0 and #all / secs or 0
  io.write(string.format("RESULT answered=%d ok=%d conflict=%d other=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    #all, n_ok, n_conflict, n_other, secs, rps, pct(0.5), pct(0.9), pct(0.99), pct(1.0)))
end
