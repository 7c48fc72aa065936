-- wrk script: GET every page of the generated site in turn (bench/work/site/pages.txt).
--   wrk -t2 -c64 -d10s -s bench/wrk_pages.lua http://127.0.0.1:18080 -- bench/work/site/pages.txt
-- Each wrk thread has its own Lua state; threads start at different offsets of the list.
local paths = {}
local idx = 1

local function load(file)
  local f = io.open(file, "r")
  if not f then error("cannot open page list " .. tostring(file)) end
  for line in f:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  f:close()
  if #paths == 0 then error("empty page list " .. file) end
end

local thread_no = 0
function setup(thread)
  thread:set("thread_no", thread_no)
  thread_no = thread_no + 1
end

function init(args)
  load(args[1] or "bench/work/site/pages.txt")
  idx = ((thread_no or 0) * 7919) % #paths + 1
end

function request()
  local p = paths[idx]
  idx = idx % #paths + 1
  return wrk.format("GET", p)
end
