-- wrk script for a steady stream of one GET, for bench/inbox.sh: BENCH_PATH, with the bearer token
-- BENCH_TOKEN when set (none for the floor), until wrk's -d runs out. done() prints one line starting
-- with "RESULT": requests, 200s and others (the last other status), rps over the run, p50 and p99.
--
--   BENCH_TOKEN=abc BENCH_PATH='/api/v1/inbox?page=1&size=20' wrk -t1 -c16 -d20s -s get.lua URL

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local shared = require("wrk_threads") -- setup() numbering the threads (tid) into `threads`
local threads = shared.threads

local req
ok = 0
other = 0
other_status = 0

function init(args)
  local headers = {}
  local token = os.getenv("BENCH_TOKEN")
  if token and #token > 0 then headers["Authorization"] = "Bearer " .. token end
  req = wrk.format("GET", os.getenv("BENCH_PATH") or "/", headers)
end

function request()
  return req
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 else other = other + 1; other_status = status end
end

function done(summary, latency, requests)
  local o, x, xs = 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    x = x + t:get("other")
    if t:get("other_status") > 0 then xs = t:get("other_status") end
  end
  local n = o + x
  io.write(string.format("RESULT requests=%d ok=%d other=%d other_status=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    n, o, x, xs, n / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
