-- What the wrk scripts (book.lua, redeem.lua, nearby.lua) share: a microsecond CLOCK_MONOTONIC clock
-- through LuaJIT's FFI, and wrk's setup(), which numbers the threads (each thread's "tid", from 1)
-- and keeps them in `threads` for done() to sum up. A script loads it with
--   package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
--   local shared = require("wrk_threads")

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clk_id, bench_timespec *tp);
]]
local ts = ffi.new("bench_timespec")

local M = { threads = {} }

function M.now_us()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

-- wrk calls the global setup() in its main Lua state, once per thread, before the threads start
function setup(thread)
  table.insert(M.threads, thread)
  thread:set("tid", #M.threads)
end

return M
