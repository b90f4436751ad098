-- wrk script for every HTTP-only measure of bench/run.
-- BENCH_IDS: file of customer ids, one a line; when set each request reads the status of a random one.
-- BENCH_TOKEN: x-connectfi-token sent with every request (one token, reused, as an integrator does).
-- done() prints one JSON line that bench/run stores as the measure's result.

local ids = {}
local token = os.getenv("BENCH_TOKEN")
local ids_file = os.getenv("BENCH_IDS")
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("seed", thread_count)
end

function init(args)
  math.randomseed(os.time() * 1000 + seed)
  if ids_file and ids_file ~= "" then
    for line in io.lines(ids_file) do
      if line ~= "" then ids[#ids + 1] = line end
    end
  end
  if token and token ~= "" then wrk.headers["x-connectfi-token"] = token end
end

function request()
  if #ids > 0 then
    return wrk.format("GET", "/akepa/status/" .. ids[math.random(#ids)])
  end
  return wrk.format("GET", wrk.path)
end

function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    '{"requests":%d,"durationS":%.3f,"throughput":%.1f,"errors":%d,"p50Ms":%.3f,"p99Ms":%.3f,' ..
    '"errorKinds":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, seconds, summary.requests / seconds,
    e.connect + e.read + e.write + e.status + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    e.connect, e.read, e.write, e.status, e.timeout))
end
