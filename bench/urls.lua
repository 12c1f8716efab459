-- wrk script for `manage.py bench`: cycles through the request paths listed in a file, one per
-- line, and prints the figures as JSON at the end.
--
--   wrk -t2 -c8 -d10s -s bench/urls.lua http://127.0.0.1:8000 -- paths.txt 2
--
-- The arguments after "--" are the file of paths and the number of threads (-t). Each thread
-- starts at its own offset in the list, so the threads do not ask for the same page at the same
-- time; the connections of a thread take the thread's paths in turn.
--
-- Every request says it came through a TLS proxy (X-Forwarded-Proto: https), as production's
-- requests do, so the site's HTTPS settings stay on and nothing is redirected.
--
-- The last line of output is "BENCH_RESULT " and a JSON object: the run's duration, requests and
-- bytes, wrk's error counts (status counts responses of 400 and above) and the latency
-- percentiles in microseconds.

local prepared = {}
local position = 1
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
end

function init(args)
  local file = args[1] or os.getenv("BENCH_PATHS")
  if not file then
    error("urls.lua needs the file of paths: wrk ... -s urls.lua URL -- FILE THREADS")
  end
  local threads = tonumber(args[2]) or 1
  wrk.headers["X-Forwarded-Proto"] = "https"
  for line in io.lines(file) do
    local path = line:match("^%s*(.-)%s*$")
    if path ~= "" then
      prepared[#prepared + 1] = wrk.format("GET", path)
    end
  end
  if #prepared == 0 then
    error("no paths in " .. file)
  end
  position = math.floor(#prepared * (id or 0) / threads) % #prepared + 1
end

function request()
  local r = prepared[position]
  position = position % #prepared + 1
  return r
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"duration_us": %.0f, "requests": %.0f, "bytes": %.0f, '
      .. '"errors": {"connect": %.0f, "read": %.0f, "write": %.0f, "status": %.0f, '
      .. '"timeout": %.0f}, "latency_us": {"min": %.0f, "p50": %.0f, "p90": %.0f, '
      .. '"p99": %.0f, "max": %.0f, "mean": %.1f}}\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency.min, latency:percentile(50), latency:percentile(90),
    latency:percentile(99), latency.max, latency.mean
  ))
end
