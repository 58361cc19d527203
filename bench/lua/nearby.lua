-- wrk script for GET /api/v1/stations/nearby: cycles through the queries file (BENCH_QUERIES,
-- lines "lat lng path", written by gen_stations.py), each wrk thread from its own offset.
--
--   closed loop (as fast as the server answers):
--     wrk -t1 -c32 -d30s -s nearby.lua http://127.0.0.1:18080
--   fixed rate, coordinated-omission-aware (plain wrk 4.x has no -R):
--     wrk -t32 -c32 -d30s -s nearby.lua http://127.0.0.1:18080 -- 2000 32
--     (args: total req/s, number of threads; use exactly one connection per thread)
--
-- Fixed-rate mode paces each connection on its own schedule (rate/threads req/s, phases spread
-- across threads) with delay(). Latency is measured from the *intended* send time of a request, so
-- a server stall that holds the connection back shows up in the latencies of the requests that
-- queued behind it (as wrk2 does), instead of those requests silently not being sent. The time
-- from the actual send is reported too, as "service time". Times come from CLOCK_MONOTONIC via
-- LuaJIT's FFI.
--
-- done() prints one machine-readable line starting with "RESULT".

package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local shared = require("wrk_threads") -- now_us(), and setup() numbering the threads (tid) into `threads`
local now_us, threads = shared.now_us, shared.threads

local reqs = {}
local idx = 0
local nthreads = 1
local interval = 0    -- microseconds between two requests of this thread's connection
local next_slot = nil
local intended = nil
local sent = nil
-- shared with done() through thread:get()
rate = 0              -- total req/s in fixed-rate mode, 0 = closed loop
lat = {}              -- from intended time (fixed-rate mode), microseconds
svc = {}              -- from actual send (fixed-rate mode), microseconds
n = 0
non200 = 0
totals = 0            -- sum of "total" (stations matched) over sampled responses
sampled = 0

function init(args)
  local file = os.getenv("BENCH_QUERIES") or "queries.txt"
  local f = assert(io.open(file, "r"), "cannot open queries file " .. file)
  for line in f:lines() do
    local path = line:match("^%S+%s+%S+%s+(%S+)$")
    if path then
      reqs[#reqs + 1] = wrk.format("GET", path)
    end
  end
  f:close()
  assert(#reqs > 0, "no queries in " .. file)
  idx = ((tid or 1) * 97) % #reqs
  rate = tonumber(args[1] or "0") or 0
  nthreads = tonumber(args[2] or "1") or 1
  if rate > 0 then
    interval = 1000000 * nthreads / rate
  else
    delay = nil -- closed loop: no pacing at all
  end
end

function delay()
  local t = now_us()
  if next_slot == nil then
    -- spread the threads' first requests over one interval
    next_slot = t + interval * ((tid or 1) - 1) / nthreads
  end
  intended = next_slot
  next_slot = next_slot + interval
  local d = (intended - t) / 1000
  if d <= 0 then
    return 0
  end
  return math.floor(d) -- wrk's timers have millisecond resolution: never fire late by rounding up
end

function request()
  idx = idx % #reqs + 1
  sent = now_us()
  return reqs[idx]
end

function response(status, headers, body)
  local t = now_us()
  if status ~= 200 then
    non200 = non200 + 1
  end
  if rate > 0 and sent ~= nil then
    -- sent early (timer rounding): count from the send; sent late (queued): from the intended time
    local start = sent
    if intended ~= nil and intended < sent then
      start = intended
    end
    n = n + 1
    lat[n] = t - start
    svc[n] = t - sent
    intended = nil
  end
  if (rate > 0 or (n + non200) % 16 == 0) and status == 200 then
    local total = body:match('"total":(%d+)')
    if total then
      totals = totals + tonumber(total)
      sampled = sampled + 1
    end
  end
  if rate <= 0 then
    n = n + 1
  end
end

local function pct(sorted, p)
  if #sorted == 0 then
    return 0
  end
  local i = math.ceil(p / 100 * #sorted)
  if i < 1 then i = 1 end
  return sorted[i]
end

function done(summary, latency, requests)
  local all_lat, all_svc = {}, {}
  local bad, tot, smp = 0, 0, 0
  local r = 0
  for _, t in ipairs(threads) do
    bad = bad + (t:get("non200") or 0)
    tot = tot + (t:get("totals") or 0)
    smp = smp + (t:get("sampled") or 0)
    r = tonumber(t:get("rate") or 0) or 0
    if r > 0 then
      for _, v in ipairs(t:get("lat")) do all_lat[#all_lat + 1] = v end
      for _, v in ipairs(t:get("svc")) do all_svc[#all_svc + 1] = v end
    end
  end
  local secs = summary.duration / 1000000
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.timeout
  local mode, p50, p90, p99, p999, pmax, s50, s99
  if r > 0 then
    mode = "fixed"
    table.sort(all_lat)
    table.sort(all_svc)
    p50, p90, p99, p999, pmax = pct(all_lat, 50), pct(all_lat, 90), pct(all_lat, 99), pct(all_lat, 99.9), pct(all_lat, 100)
    s50, s99 = pct(all_svc, 50), pct(all_svc, 99)
  else
    mode = "closed"
    p50, p90, p99, p999, pmax = latency:percentile(50), latency:percentile(90), latency:percentile(99),
        latency:percentile(99.9), latency.max
    s50, s99 = p50, p99
  end
  io.write(string.format(
      "RESULT mode=%s target_rps=%d requests=%d duration_s=%.2f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f " ..
      "p999_ms=%.2f max_ms=%.2f svc_p50_ms=%.2f svc_p99_ms=%.2f non200=%d socket_errors=%d avg_matched=%.1f\n",
      mode, r, summary.requests, secs, summary.requests / secs, p50 / 1000, p90 / 1000, p99 / 1000, p999 / 1000,
      pmax / 1000, s50 / 1000, s99 / 1000, bad, errors, smp > 0 and tot / smp or 0))
end
