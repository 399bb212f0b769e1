#!/bin/sh
# Generates N synthetic trips as one canonical JSON document on stdout:
# bodies gm0034 (Almere, with the examples' organisation record) and 20
# synthetic municipalities, years 2000-2025, destinations, travellers,
# costs, a purpose and a report text with a few searchable words.
# Usage: bench/gen.sh N > trips.json
set -eu
N=${1:?usage: bench/gen.sh N}
python3 - "$N" <<'PY'
import json, random, sys
n = int(sys.argv[1])
rnd = random.Random(42)
bodies = ["gm0034"] + ["gm%04d" % (9000 + i) for i in range(20)]
orgs = [{"id": "gm0034", "name": "Gemeente Almere", "kind": "municipality", "country": "NL"}]
orgs += [{"id": b, "name": "Synthetische gemeente %s" % b[2:], "kind": "municipality", "country": "NL"} for b in bodies[1:]]
cities = [("JP", "Osaka"), ("JP", "Tokio"), ("CN", "Shenzhen"), ("DE", "Berlijn"), ("FI", "Helsinki"),
          ("ES", "Madrid"), ("US", "Boston"), ("KR", "Seoul"), ("BE", "Brussel"), ("FR", "Lyon")]
words = ("laadpalen waterstof havens onderwijs innovatie cultuur toerisme investeringen "
         "duurzaamheid mobiliteit woningbouw zorg energie circulair data logistiek").split()
kinds = ["dienstreis", "handelsmissie", "studiereis", "werkbezoek", "conferentie"]
trips = []
for i in range(n):
    b = bodies[i % len(bodies)]
    y = 2000 + rnd.randrange(26)
    m = 1 + rnd.randrange(12)
    d = 1 + rnd.randrange(24)
    cc, city = cities[rnd.randrange(len(cities))]
    w = rnd.sample(words, 4)
    trips.append({
        "id": "%s-%d-gen-%06d" % (b, y, i), "organisation": b,
        "title": "Werkbezoek %s over %s" % (city, w[0]), "kind": rnd.choice(kinds),
        "direction": "out" if rnd.random() < 0.8 else "in",
        "status": "reported", "public": rnd.random() < 0.95,
        "start": "%04d-%02d-%02d" % (y, m, d), "end": "%04d-%02d-%02d" % (y, m, d + 3),
        "destinations": [{"country": cc, "city": city}],
        "travellers": [{"name": "Wethouder %d" % rnd.randrange(200), "role": "wethouder"}],
        "accompanying_officials": rnd.randrange(4),
        "purpose": "Kennis delen over %s en %s met partners in %s." % (w[1], w[2], city),
        "costs": [{"category": "Reis en verblijf", "amount_eur": rnd.randrange(500, 20000),
                   "kind": "estimate", "paid_by": b}],
        "report": {"submitted": "%04d-%02d-%02d" % (y, m, d + 4),
                   "text": "Het bezoek ging over %s. Afspraken over %s en %s." % (w[3], w[0], w[1])},
    })
json.dump({"organisations": orgs, "trips": trips}, sys.stdout)
PY
