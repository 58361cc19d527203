-- wrk script for POST /api/v1/bookings: a burst of REQUESTS bookings for one slot, spread over the
-- users of the tokens file (BENCH_TOKENS, one bearer token per line), each with its own
-- Idempotency-Key (BENCH_TAG makes a burst's keys its own). Each thread sends its share, touches a file
-- in BENCH_DONE (if set) and stops; done() prints one line starting with "RESULT": requests, status
-- counts, the burst's own duration (first send to last answer), p50/p99.
--
--   BENCH_TOKENS=tokens.txt BENCH_SLOT=1 BENCH_REQUESTS=5000 wrk -t2 -c64 -d60s -s book.lua http://127.0.0.1:18080
--   (the floor: BENCH_MODE=get, any URL; then each request is a plain GET of the URL's path)

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local shared = require("wrk_threads") -- now_us(), and setup() numbering the threads (tid) into `threads`
local now_us, threads = shared.now_us, shared.threads

local thread_count = 1
local tokens = {}
local share = 0
local sent_n = 0
local slot = "1"
local mode = "book"
local tag = ""
ok = 0
conflict = 0
other = 0
answered = 0
first_us = 0
last_us = 0

function init(args)
  mode = os.getenv("BENCH_MODE") or "book"
  -- setup() counted the threads in the main Lua state; each thread's own state learns it here
  thread_count = tonumber(os.getenv("BENCH_THREADS") or "1")
  local total = tonumber(os.getenv("BENCH_REQUESTS") or "5000")
  share = math.floor(total / thread_count)
  if tid <= total % thread_count then share = share + 1 end
  slot = os.getenv("BENCH_SLOT") or "1"
  tag = os.getenv("BENCH_TAG") or slot -- makes the Idempotency-Keys of a burst its own
  if mode == "book" then
    for line in io.lines(os.getenv("BENCH_TOKENS") or "tokens.txt") do
      table.insert(tokens, line)
    end
  end
end

function request()
  if first_us == 0 then first_us = now_us() end
  sent_n = sent_n + 1
  if mode ~= "book" then
    return wrk.format("GET", wrk.path)
  end
  -- users interleave across threads: thread t sends for users t, t+T, t+2T, ...
  local user = ((sent_n - 1) * thread_count + (tid - 1)) % #tokens + 1
  local headers = {
    ["Authorization"] = "Bearer " .. tokens[user],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "bench-" .. tag .. "-" .. tid .. "-" .. sent_n,
  }
  return wrk.format("POST", "/api/v1/bookings", headers, '{"slotId":' .. slot .. '}')
end

function response(status, headers, body)
  answered = answered + 1
  if status == 200 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1 else other = other + 1 end
  last_us = now_us()
  if answered >= share then
    local dir = os.getenv("BENCH_DONE") -- tells the caller this thread is through (see bench/lib.sh)
    local f = dir and io.open(dir .. "/" .. tid, "w")
    if f then f:write("done\n"); f:close() end
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local n, o, c, x = 0, 0, 0, 0
  local first, last = nil, 0
  for _, t in ipairs(threads) do
    n = n + t:get("answered")
    o = o + t:get("ok")
    c = c + t:get("conflict")
    x = x + t:get("other")
    local f = t:get("first_us")
    if f > 0 and (first == nil or f < first) then first = f end
    if t:get("last_us") > last then last = t:get("last_us") end
  end
  local seconds = (last - (first or last)) / 1e6
  io.write(string.format("RESULT requests=%d ok=%d conflict=%d other=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    n, o, c, x, seconds, seconds > 0 and n / seconds or 0, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000))
end
