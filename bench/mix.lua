-- mix.lua - wrk script of bench/bench_server.sh: 9 in 10 requests for pages
-- that are cached, 1 in 10 uncached or cache-busting: a search for a word
-- that is in no trip, a page of the trips API at a random offset, or a
-- cached page with a random unknown parameter (?x=N, which no longer
-- bypasses the cache).
local pages = {"/", "/o/gm0034", "/o/gm0034/2015", "/o/gm9001/2020", "/o/gm9002",
	"/vergelijking", "/open-data", "/countries/JP", "/search?q=laadpalen"}
math.randomseed(os.time())
request = function()
	local r = math.random(10)
	if r == 1 then
		local k = math.random(3)
		if k == 1 then
			return wrk.format("GET", "/search?q=woord" .. math.random(1, 100000000))
		elseif k == 2 then
			return wrk.format("GET", "/api/v1/trips?limit=20&offset=" .. math.random(0, 9000))
		end
		local p = pages[math.random(#pages)]
		local sep = p:find("?", 1, true) and "&" or "?"
		return wrk.format("GET", p .. sep .. "x=" .. math.random(1, 100000000))
	end
	return wrk.format("GET", pages[math.random(#pages)])
end
