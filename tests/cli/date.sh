#!/bin/sh
# date.sh - black-box tests of 'reisregister date'.
. "$(dirname "$0")/lib.sh"

# json CASE_NAME WANT_JSON -- ARGS...: exit 0 and exactly this JSON line
json() {
	jname=$1; jwant=$2; shift 3
	expect_exit 0 "$jname: exit 0" -- "$RR_BIN" date --json "$@"
	printf '%s\n' "$jwant" > "$T/want"
	same_files "$T/out" "$T/want" "$jname: json"
}

json "day range t/m" '{"start":"2014-11-15","end":"2014-11-21","precision":"day","text":"15 t/m 21 november 2014"}' \
	-- De handelsmissie van 15 t/m 21 november 2014 naar Shenzhen
json "range across months" '{"start":"2016-05-29","end":"2016-06-03","precision":"day","text":"29 mei-3 juni 2016"}' \
	-- "Vertrekdatum en duur van de reis: 29 mei-3 juni 2016"
json "en-dash range" '{"start":"2023-09-28","end":"2023-09-29","precision":"day","text":"28 – 29 september 2023"}' \
	-- "Helsinki van 28 – 29 september 2023"
json "across years" '{"start":"2016-12-30","end":"2017-01-02","precision":"day","text":"30 december 2016 - 2 januari 2017"}' \
	-- 30 december 2016 - 2 januari 2017
json "vertrek retour" '{"start":"2023-05-13","end":"2023-05-19","precision":"day","text":"13 mei 2023, retour 19 mei 2023"}' \
	-- "Vertrek 13 mei 2023, retour 19 mei 2023"
json "single day" '{"start":"2023-02-21","end":null,"precision":"day","text":"21 februari 2023"}' \
	-- "Vergaderdatum: 21 februari 2023"
json "month" '{"start":"1996-10","end":null,"precision":"month","text":"Oktober 1996"}' \
	-- "- Oktober 1996 Missie o.l.v. CvdK naar Guangdong"
json "month range" '{"start":"2006-02","end":"2006-03","precision":"month","text":"Feb/ maart 2006"}' \
	-- "Feb/ maart 2006 Missie parlementariërs"
json "year" '{"start":"2001","end":null,"precision":"year","text":"2001"}' -- in 2001
json "decade" '{"start":"1980","end":"1989","precision":"year","text":"jaren 80"}' -- Medio jaren 80
json "quarter" '{"start":"2019-07","end":"2019-09","precision":"month","text":"derde kwartaal 2019"}' \
	-- in het derde kwartaal 2019
json "footnote" '{"start":"2015","end":null,"precision":"year","text":"2015"}' -- in 20151 werd
json "ref gives the year" '{"start":"2023-04-18","end":null,"precision":"day","text":"dinsdag 18 april"}' \
	-- --ref 2023-05-01 op dinsdag 18 april
json "jl." '{"start":"2015-12-19","end":null,"precision":"day","text":"19 december jl."}' \
	-- --ref=2016-07-10 De gemeenteraad stelde 19 december jl. vast
json "quotes in text are escaped" '{"start":"2020-01","end":null,"precision":"month","text":"januari 2020"}' \
	-- 'het "plan" van januari 2020'

expect_exit 0 "human output: exit 0" -- "$RR_BIN" date 15 t/m 21 november 2014
contains "$T/out" "2014-11-15 .. 2014-11-21 (day): 15 t/m 21 november 2014" "human output: range line"
expect_exit 0 "human output single: exit 0" -- "$RR_BIN" date Oktober 1996
contains "$T/out" "1996-10 (month): Oktober 1996" "human output: single line"

expect_exit 1 "no year without --ref" -- "$RR_BIN" date op 18 april
contains "$T/err" "give --ref" "no year: message names --ref"
lacks "$T/out" "april" "no year: nothing on stdout"
expect_exit 1 "jl. without --ref" -- "$RR_BIN" date 12 maart jl.
expect_exit 1 "no date" -- "$RR_BIN" date om 10.30 uur kost het € 10.900
contains "$T/err" "no date found" "no date: message"
expect_exit 1 "impossible day" -- "$RR_BIN" date 30 februari 2023
contains "$T/err" "does not exist" "impossible day: message"

expect_exit 2 "no text" -- "$RR_BIN" date
expect_exit 2 "only options" -- "$RR_BIN" date --json
expect_exit 2 "bad --ref" -- "$RR_BIN" date --ref 2023-02-30 18 april
expect_exit 2 "--ref without value" -- "$RR_BIN" date --ref
expect_exit 2 "unknown option" -- "$RR_BIN" date --frobnicate 2020
expect_exit 0 "--help" -- "$RR_BIN" date --help
contains "$T/out" "usage: reisregister date" "--help prints usage"
