-- wrk script for a steady stream of one POST, for bench/cpu-per-request.sh: BENCH_PATH with the JSON
-- body BENCH_BODY, each request from the next user of BENCH_TOKENS (one bearer token a line) with its
-- own Idempotency-Key (BENCH_TAG, by default the run's start second, keeps a run's keys its own), until
-- wrk's -d runs out. done() prints one line starting with "RESULT":
-- requests, status counts, rps over the run.
--
--   BENCH_TOKENS=tokens.txt BENCH_PATH=/api/v1/bookings BENCH_BODY='{"slotId":1}' wrk -t1 -c16 -d20s -s post.lua URL

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local shared = require("wrk_threads") -- setup() numbering the threads (tid) into `threads`
local threads = shared.threads

local tokens = {}
local path, body = "/", "{}"
local tag = "" -- a run's keys are its own (a key seen before could be answered from what was kept)
local sent_n = 0
ok = 0
conflict = 0
other = 0
other_status = 0 -- the last status that was neither 200 nor 409, to say what "other" was

function init(args)
  for line in io.lines(os.getenv("BENCH_TOKENS") or "tokens.txt") do
    if #line > 0 then table.insert(tokens, line) end
  end
  path = os.getenv("BENCH_PATH") or path
  body = os.getenv("BENCH_BODY") or body
  tag = os.getenv("BENCH_TAG") or tostring(os.time())
end

function request()
  sent_n = sent_n + 1
  return wrk.format("POST", path, {
    ["Authorization"] = "Bearer " .. tokens[(sent_n - 1) % #tokens + 1],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = "cpu-" .. tag .. "-" .. tid .. "-" .. sent_n, -- 8-64 characters
  }, body)
end

function response(status, headers, body)
  if status == 200 then ok = ok + 1 elseif status == 409 then conflict = conflict + 1
  else other = other + 1; other_status = status end
end

function done(summary, latency, requests)
  local o, c, x, xs = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    o = o + t:get("ok")
    c = c + t:get("conflict")
    x = x + t:get("other")
    if t:get("other_status") > 0 then xs = t:get("other_status") end
  end
  local n = o + c + x
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d ok=%d conflict=%d other=%d other_status=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f\n",
    n, o, c, x, xs, n / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
