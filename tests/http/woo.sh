#!/bin/sh
# HTTP test of the register's place in the national infrastructure, on the
# seeds' register (gm0034: seeds 000, 001, 004; pv26: seeds 002, 003) plus
# an unpublished trip that cites a document of its own:
# - Woo publication: robots.txt names a DiWoo sitemap index per information
#   category; each index, sitemap and DiWoo record is well-formed XML,
#   checked field by field; every <loc> answers 200; exactly the public
#   documents appear (those whose page answers an anonymous visitor);
# - the DCAT-AP-DONL catalogue as JSON-LD and RDF/XML, every dataset of
#   every publishing body, every distribution answering 200;
# - feeds for any search (/zoeken.atom, /search.atom);
# - serve --base-url: absolute links in feeds, sitemaps and the catalogue.
. "$(dirname "$0")/../cli/lib.sh"
. "$(dirname "$0")/fixtures/serve_lib.sh"

command -v xmllint >/dev/null || { notok "xmllint is needed (apt-get install libxml2-utils)"; exit 0; }
DB="${RR_TEST_DB:-$T/woo.db}"
seed_register "$DB" || exit 0
# An unpublished trip to Shenzhen whose letter no public record cites.
cat >"$T/secret.json" <<'JSON'
{"documents":[{"id":"woo-geheime-brief","organisation":"gm0034","title":"Brief over een geheime missie",
  "kind":"letter","date":"2024-03-01","public":true,"text":"Geheime missie naar Shenzhen."}],
 "trips":[{"id":"gm0034-2024-geheim","organisation":"gm0034","title":"Geheime missie naar Shenzhen",
  "kind":"dienstreis","direction":"out","status":"requested","public":false,
  "planned_start":"2024-04-01","planned_end":"2024-04-03","destinations":[{"country":"CN","city":"Shenzhen"}],
  "sources":[{"document":"woo-geheime-brief","spans":[{"field":"title","start":0,"end":7}]}]}]}
JSON
expect_exit 0 "load an unpublished trip citing its own letter" -- "$RR_BIN" load --db "$DB" "$T/secret.json"
"$RR_BIN" export --db "$DB" >"$T/export.json"
start_server "$DB" || { notok "server starts"; exit 1; }

wellformed() { # FILE NAME
	if xmllint --noout "$1" 2>"$T/xmlerr"; then ok "$2"; else notok "$2" "$(cat "$T/xmlerr")"; fi
}
# xp FILE XPATH: the string value (namespaces by local-name())
xp() { xmllint --xpath "string($2)" "$1" 2>/dev/null; }
xcount() { xmllint --xpath "count($2)" "$1" 2>/dev/null; }
matches() { # VALUE REGEX NAME
	if printf '%s' "$1" | grep -Eq "$2"; then ok "$3"; else notok "$3" "'$1' does not match $2"; fi
}
L() { printf "*[local-name()='%s']" "$1"; }

# ---- robots.txt and the sitemap indexes
get /robots.txt
status_is 200 "robots.txt answers"
cp "$T/body" "$T/robots.txt"
contains "$T/robots.txt" "Disallow: /beheer" "robots.txt keeps crawlers out of /beheer"
grep '^Sitemap: ' "$T/robots.txt" | sed 's/^Sitemap: //' >"$T/indexes"
if [ -s "$T/indexes" ]; then ok "robots.txt lists sitemap indexes"; else notok "robots.txt lists sitemap indexes" "$(cat "$T/robots.txt")"; fi
bad=; while read -r u; do
	case $u in "$BASE"/sitemapindex-diwoo-infocat[0-9][0-9][0-9].xml) ;; *) bad="$bad $u" ;; esac
done <"$T/indexes"
[ -z "$bad" ] && ok "each index is an absolute sitemapindex-diwoo-infocatNNN.xml" || notok "index names" "$bad"

: >"$T/locs"
n=0
while read -r u; do
	n=$((n + 1))
	code=$(curl -s -o "$T/index$n.xml" -w '%{http_code}' "$u")
	[ "$code" = 200 ] || notok "index $u answers 200" "status $code"
	wellformed "$T/index$n.xml" "index $n is well-formed XML"
	[ "$(xp "$T/index$n.xml" "name(/*)")" = sitemapindex ] && ok "index $n: root sitemapindex" || notok "index $n: root sitemapindex"
	[ "$(xp "$T/index$n.xml" "namespace-uri(/*)")" = "http://www.sitemaps.org/schemas/sitemap/0.9" ] &&
		ok "index $n: the sitemap namespace" || notok "index $n: the sitemap namespace"
	xmllint --xpath "//$(L sitemap)/$(L loc)/text()" "$T/index$n.xml" 2>/dev/null | tr ' ' '\n' | grep . >"$T/maps$n"
	[ -s "$T/maps$n" ] && ok "index $n names a sitemap" || notok "index $n names a sitemap" "$(cat "$T/index$n.xml")"
	m=0
	while read -r s; do
		m=$((m + 1)); f="$T/map$n-$m.xml"
		code=$(curl -s -o "$f" -w '%{http_code}' "$s")
		[ "$code" = 200 ] && ok "sitemap $s answers 200" || notok "sitemap $s answers 200" "status $code"
		wellformed "$f" "sitemap $n.$m is well-formed XML"
		[ "$(xp "$f" "name(/*)")" = urlset ] && ok "sitemap $n.$m: root urlset" || notok "sitemap $n.$m: root urlset"
		cat_uri=
		urls=$(xcount "$f" "/*/$(L url)")
		[ "${urls:-0}" -gt 0 ] && ok "sitemap $n.$m has urls" || notok "sitemap $n.$m has urls"
		i=1
		while [ "$i" -le "${urls:-0}" ]; do
			U="/*/$(L url)[$i]"; D="$U/$(L Document)/$(L DiWoo)"
			loc=$(xp "$f" "$U/$(L loc)")
			echo "$loc" >>"$T/locs"
			matches "$loc" "^$BASE/documenten/[a-z0-9][a-z0-9._-]*\$" "url $n.$m.$i: loc is a document page"
			[ "$(xp "$f" "$D/$(L identifiers)/$(L identifier)[1]")" = "$loc" ] &&
				ok "url $n.$m.$i: identifier is its address" || notok "url $n.$m.$i: identifier"
			matches "$(xp "$f" "$D/$(L publisher)/@resource")" \
				'^https://identifier\.overheid\.nl/tooi/id/(gemeente|provincie)/(gm|pv)[0-9]+$' "url $n.$m.$i: publisher is a TOOI URI"
			[ -n "$(xp "$f" "$D/$(L publisher)")" ] && ok "url $n.$m.$i: publisher named" || notok "url $n.$m.$i: publisher named"
			matches "$(xp "$f" "$D/$(L verantwoordelijke)/@resource")" \
				'^https://identifier\.overheid\.nl/tooi/id/(gemeente|provincie)/(gm|pv)[0-9]+$' "url $n.$m.$i: verantwoordelijke is a TOOI URI"
			[ -n "$(xp "$f" "$D/$(L titelcollectie)/$(L officieleTitel)")" ] &&
				ok "url $n.$m.$i: officieleTitel" || notok "url $n.$m.$i: officieleTitel"
			ic=$(xp "$f" "$D/$(L classificatiecollectie)/$(L informatiecategorieen)/$(L informatiecategorie)/@resource")
			matches "$ic" '^https://identifier\.overheid\.nl/tooi/def/thes/kern/c_[0-9a-f]{8}$' "url $n.$m.$i: informatiecategorie is a TOOI URI"
			[ -z "$cat_uri" ] && cat_uri=$ic
			[ "$ic" = "$cat_uri" ] && ok "url $n.$m.$i: one category per sitemap" || notok "url $n.$m.$i: one category per sitemap"
			matches "$(xp "$f" "$D/$(L language)/@resource")" '^http://publications\.europa\.eu/resource/authority/language/NLD$' "url $n.$m.$i: language"
			matches "$(xp "$f" "$D/$(L format)/@resource")" '^http://publications\.europa\.eu/resource/authority/file-type/' "url $n.$m.$i: format"
			matches "$(xp "$f" "$D/$(L documenthandelingen)/$(L documenthandeling)/$(L soortHandeling)/@resource")" \
				'^https://identifier\.overheid\.nl/tooi/def/thes/kern/c_[0-9a-f]{8}$' "url $n.$m.$i: documenthandeling"
			cd_=$(xp "$f" "$D/$(L creatiedatum)")
			[ -z "$cd_" ] || matches "$cd_" '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' "url $n.$m.$i: creatiedatum is a date"
			# the document page answers, and its DiWoo record says the same
			id=${loc##*/}
			code=$(curl -s -o "$T/doc.html" -w '%{http_code}' "$loc")
			[ "$code" = 200 ] && ok "url $n.$m.$i: $loc answers 200" || notok "url $n.$m.$i: $loc answers 200" "status $code"
			code=$(curl -s -o "$T/doc.xml" -w '%{http_code}' "$BASE/woo/documenten/$id.xml")
			[ "$code" = 200 ] && ok "url $n.$m.$i: DiWoo record answers" || notok "url $n.$m.$i: DiWoo record answers" "status $code"
			wellformed "$T/doc.xml" "url $n.$m.$i: DiWoo record well-formed"
			[ "$(xp "$T/doc.xml" "/$(L Document)/$(L DiWoo)/$(L titelcollectie)/$(L officieleTitel)")" = \
			  "$(xp "$f" "$D/$(L titelcollectie)/$(L officieleTitel)")" ] &&
				ok "url $n.$m.$i: DiWoo record has the same title" || notok "url $n.$m.$i: DiWoo record has the same title"
			contains "$T/doc.html" "href=\"/woo/documenten/$id.xml\"" "url $n.$m.$i: the document page links its DiWoo record"
			i=$((i + 1))
		done
	done <"$T/maps$n"
done <"$T/indexes"

# ---- exactly the public documents
jq -r '.documents[].id' "$T/export.json" | sort >"$T/alldocs"
: >"$T/public"
while read -r id; do
	[ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/documenten/$id")" = 200 ] && echo "$id" >>"$T/public"
done <"$T/alldocs"
sed 's|.*/||' "$T/locs" | sort >"$T/listed"
sort "$T/public" >"$T/public.s"
same_files "$T/public.s" "$T/listed" "the sitemaps list exactly the documents an anonymous visitor may read"
[ -s "$T/listed" ] && ok "the seeds' register publishes documents" || notok "the seeds' register publishes documents"
lacks "$T/listed" "woo-geheime-brief" "the letter behind an unpublished trip is in no sitemap"
get /woo/documenten/woo-geheime-brief.xml
status_is 404 "its DiWoo record is not found"
get /woo/documenten/nergens.xml
status_is 404 "an unknown document's DiWoo record is not found"
get /woo/sitemaps/infocat999.xml
status_is 404 "an unknown category's sitemap is not found"

# ---- the DCAT-AP-DONL catalogue
get /catalogus
status_is 200 "the catalogue answers"
cp "$T/body" "$T/cat.json"
if jq -e . "$T/cat.json" >/dev/null 2>&1; then ok "the catalogue parses as JSON"; else notok "the catalogue parses as JSON"; fi
[ "$(jq -r '."@type"' "$T/cat.json")" = dcat:Catalog ] && ok "it is a dcat:Catalog" || notok "it is a dcat:Catalog"
for code in gm0034 pv26; do
	for ds in reizen kostenposten geschenken partnerschappen resultaten; do
		if jq -e --arg id "$BASE/catalogus#$code-$ds" '[."dcat:dataset"[] | select(."@id" == $id)] | length == 1' "$T/cat.json" >/dev/null; then
			ok "dataset $code $ds is listed"; else notok "dataset $code $ds is listed"; fi
	done
done
if jq -e '(."dcat:dataset" | length) as $n | [."dcat:dataset"[] | select((."dct:publisher"."@id" | test("^https://identifier\\.overheid\\.nl/tooi/id/(gemeente|provincie)/")) and
	(."dct:accrualPeriodicity"."@id" | startswith("http://publications.europa.eu/resource/authority/frequency/")) and
	(."dcat:contactPoint"."vcard:hasURL"."@id" | length > 0) and (."dct:title"."@value" | length > 0) and
	([."dcat:distribution"[] | select(."dct:license"."@id" == "http://creativecommons.org/publicdomain/zero/1.0/deed.nl")] | length > 0))] |
	length == $n and $n > 0' "$T/cat.json" >/dev/null 2>&1
then ok "every dataset has a TOOI publisher, frequency, contact, title and CC0 distributions"
else notok "every dataset has a TOOI publisher, frequency, contact, title and CC0 distributions"; fi
jq -r '."dcat:dataset"[]."dcat:distribution"[]."dcat:downloadURL"."@id"' "$T/cat.json" | sort -u >"$T/dists"
bad=; while read -r u; do
	c=$(curl -s -o /dev/null -w '%{http_code}' "$u"); [ "$c" = 200 ] || bad="$bad $u:$c"
done <"$T/dists"
[ -z "$bad" ] && ok "all $(wc -l <"$T/dists") distribution URLs answer 200" || notok "distribution URLs answer 200" "$bad"
for f in JSON CSV XLSX ATOM; do
	grep -q . "$T/dists" && jq -e --arg f "http://publications.europa.eu/resource/authority/file-type/$f" \
		'[."dcat:dataset"[]."dcat:distribution"[] | select(."dct:format"."@id" == $f)] | length > 0' "$T/cat.json" >/dev/null &&
		ok "a distribution in $f" || notok "a distribution in $f"
done
get /catalogus.rdf
status_is 200 "the RDF/XML catalogue answers"
cp "$T/body" "$T/cat.rdf"
wellformed "$T/cat.rdf" "the RDF/XML catalogue is well-formed XML"
[ "$(xcount "$T/cat.rdf" "//$(L Dataset)")" = "$(jq '."dcat:dataset" | length' "$T/cat.json")" ] &&
	ok "RDF/XML and JSON-LD list the same datasets" || notok "RDF/XML and JSON-LD list the same datasets"
[ "$(xcount "$T/cat.rdf" "//$(L Distribution)")" = "$(jq '[."dcat:dataset"[]."dcat:distribution"[]] | length' "$T/cat.json")" ] &&
	ok "and the same distributions" || notok "and the same distributions"

# ---- feeds for any search
jq -r '.trips[] | select(.public == true and (.title + " " + (.purpose // "") + ([.destinations[]?.city] | join(" ")) | test("Shenzhen"))) | .id' \
	"$T/export.json" | sort >"$T/shenzhen_trips"
for feed in /zoeken.atom /search.atom; do
	get "$feed?q=Shenzhen"
	status_is 200 "$feed?q=Shenzhen answers"
	cp "$T/body" "$T/feed.xml"
	wellformed "$T/feed.xml" "$feed is well-formed XML"
	grep -o 'urn:reisregister:trip:[^<]*' "$T/feed.xml" | sed 's/.*://' | sort >"$T/feed_ids"
	missing=$(comm -23 "$T/shenzhen_trips" "$T/feed_ids")
	[ -z "$missing" ] && ok "$feed lists every public Shenzhen trip" || notok "$feed lists every public Shenzhen trip" "missing: $missing"
	grep -q '^gm0034-' "$T/feed_ids" && grep -q '^pv26-' "$T/feed_ids" &&
		ok "$feed: trips of both bodies" || notok "$feed: trips of both bodies" "$(cat "$T/feed_ids")"
	lacks "$T/feed.xml" "gm0034-2024-geheim" "$feed leaves out the unpublished trip"
done
LONGQ=$(i=0; while [ $i -lt 30 ]; do printf 'Shenzhen+'; i=$((i + 1)); done)Shenzhen
get "/zoeken.atom?q=$LONGQ"
contains "$T/body" "<title>Reisregister: zoeken naar" "a search word of any length is kept, as on /zoeken"
get "/zoeken.atom?organisation=pv26&country=cn"
grep -o 'urn:reisregister:trip:[^<]*' "$T/body" | sed 's/.*://' >"$T/ids"
[ -s "$T/ids" ] && ! grep -qv '^pv26-' "$T/ids" && ok "filters without q: only pv26's trips to China" || notok "filters without q" "$(cat "$T/ids")"
contains "$T/body" 'href="/zoeken.atom?organisation=pv26&amp;country=CN"' "the feed's self link keeps the filters, escaped"
get "/zoeken?q=Shenzhen"
contains "$T/body" 'href="/zoeken.atom?q=Shenzhen"' "the search page links its feed"
get /api/openapi.json
cp "$T/body" "$T/openapi.json"
for p in /zoeken.atom /catalogus /catalogus.rdf /robots.txt /woo/documenten/{id}; do
	jq -e --arg p "$p" '.paths[$p].get' "$T/openapi.json" >/dev/null && ok "openapi.json describes $p" || notok "openapi.json describes $p"
done

# ---- serve --base-url
stop_server
expect_exit 2 "--base-url must be http(s)" -- "$RR_BIN" serve --db "$DB" --base-url "javascript:alert(1)"
expect_exit 2 "--base-url without a trailing slash" -- "$RR_BIN" serve --db "$DB" --base-url "https://reizen.example.nl/"
start_server "$DB" --base-url https://reizen.example.nl --licence https://creativecommons.org/licenses/by/4.0/ ||
	{ notok "server starts with --base-url"; exit 1; }
get /o/gm0034/feed.atom
contains "$T/body" 'href="https://reizen.example.nl/reizen/' "the body's feed links absolutely"
contains "$T/body" 'rel="self" type="application/atom+xml" href="https://reizen.example.nl/o/gm0034/feed.atom"' "its self link too"
get "/zoeken.atom?q=Shenzhen"
contains "$T/body" 'href="https://reizen.example.nl/reizen/' "the search feed links absolutely"
get /robots.txt
contains "$T/body" "Sitemap: https://reizen.example.nl/sitemapindex-diwoo-infocat" "robots.txt names the sitemaps at the base URL"
get /catalogus
jq -e '[."dcat:dataset"[]."dcat:distribution"[] | select((."dcat:downloadURL"."@id" | startswith("https://reizen.example.nl/")) and
	."dct:license"."@id" == "https://creativecommons.org/licenses/by/4.0/")] | length > 0' "$T/body" >/dev/null &&
	ok "the catalogue uses the base URL and the configured licence" || notok "the catalogue uses the base URL and the configured licence"
