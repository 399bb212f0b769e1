// Generates N synthetic trips as one canonical JSON document on stdout:
// Almere (gm0034) and 20 synthetic municipalities, years 2000-2025,
// destinations, travellers, costs, a purpose and a report with a few
// searchable words. Deterministic (seeded). Usage: node bench/gen.mjs N
const n = Number(process.argv[2]);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: node bench/gen.mjs N');
  process.exit(2);
}
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo));
const pad = (x) => String(x).padStart(2, '0');
const bodies = ['gm0034', ...Array.from({ length: 20 }, (_, i) => `gm${9000 + i}`)];
const organisations = bodies.map((b, i) => ({
  id: b, name: i ? `Synthetische gemeente ${b.slice(2)}` : 'Gemeente Almere',
  kind: 'municipality', country: 'NL',
}));
const cities = [['JP', 'Osaka'], ['JP', 'Tokio'], ['CN', 'Shenzhen'], ['DE', 'Berlijn'],
  ['FI', 'Helsinki'], ['ES', 'Madrid'], ['US', 'Boston'], ['KR', 'Seoul'], ['BE', 'Brussel'],
  ['FR', 'Lyon']];
const words = ('laadpalen waterstof havens onderwijs innovatie cultuur toerisme investeringen ' +
  'duurzaamheid mobiliteit woningbouw zorg energie circulair data logistiek').split(' ');
const kinds = ['dienstreis', 'handelsmissie', 'studiereis', 'werkbezoek', 'conferentie'];
const out = process.stdout;
out.write(`{"organisations":${JSON.stringify(organisations)},"trips":[`);
for (let i = 0; i < n; i++) {
  const b = bodies[i % bodies.length];
  const y = 2000 + int(0, 26), m = int(1, 13), d = int(1, 25);
  const [cc, city] = pick(cities);
  const w = [...words].sort(() => rnd() - 0.5).slice(0, 4);
  const date = (dd) => `${y}-${pad(m)}-${pad(dd)}`;
  const trip = {
    id: `${b}-${y}-gen-${String(i).padStart(6, '0')}`, organisation: b,
    title: `Werkbezoek ${city} over ${w[0]}`, kind: pick(kinds),
    direction: rnd() < 0.8 ? 'out' : 'in', status: 'reported', public: rnd() < 0.95,
    start: date(d), end: date(d + 3), destinations: [{ country: cc, city }],
    travellers: [{ name: `Wethouder ${int(0, 200)}`, role: 'wethouder' }],
    accompanying_officials: int(0, 4),
    purpose: `Kennis delen over ${w[1]} en ${w[2]} met partners in ${city}.`,
    costs: [{ category: 'Reis en verblijf', amount_eur: int(500, 20000), kind: 'estimate', paid_by: b }],
    report: { submitted: date(d + 4), text: `Het bezoek ging over ${w[3]}. Afspraken over ${w[0]} en ${w[1]}.` },
  };
  out.write((i ? ',' : '') + JSON.stringify(trip));
}
out.write(']}\n');
