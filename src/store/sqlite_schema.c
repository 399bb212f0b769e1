/* sqlite_schema.c - the SQLite schema, as numbered migrations.
 *
 * Each record kind has a table holding the canonical JSON (doc) and the
 * columns it is queried by; child tables index the lists inside a trip.
 * A migration, once released, is never edited: add a new one. */
#include "agg_sql.h"
#include "sqlite_fts_sql.h"
#include "sqlite_int.h"

const char *const rr_sqlite_migrations[] = {
	/* 1: the register */
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"INSERT INTO meta VALUES ('generation', 0);"
	"CREATE TABLE organisation ("
	"  id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT, country TEXT,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE TABLE person ("
	"  id TEXT PRIMARY KEY, name TEXT NOT NULL, organisation TEXT,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE TABLE partnership ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  type TEXT NOT NULL, partner_name TEXT NOT NULL, partner_country TEXT NOT NULL,"
	"  since TEXT, public INTEGER NOT NULL, year INTEGER,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE TABLE document ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  title TEXT NOT NULL, kind TEXT, sha256 TEXT, public INTEGER NOT NULL, year INTEGER,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE TABLE trip ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  title TEXT NOT NULL, kind TEXT, direction TEXT NOT NULL, status TEXT NOT NULL,"
	"  public INTEGER NOT NULL, start_date TEXT, end_date TEXT, year INTEGER,"
	"  partnership TEXT REFERENCES partnership(id) DEFERRABLE INITIALLY DEFERRED,"
	"  third_party_paid INTEGER NOT NULL DEFAULT 0,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX trip_org_year ON trip(organisation, year);"
	"CREATE INDEX trip_start ON trip(start_date);"
	"CREATE TABLE trip_destination ("
	"  trip TEXT NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
	"  country TEXT NOT NULL, city TEXT, PRIMARY KEY (trip, seq));"
	"CREATE INDEX trip_destination_country ON trip_destination(country);"
	"CREATE TABLE trip_traveller ("
	"  trip TEXT NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
	"  name TEXT NOT NULL, role TEXT, person TEXT, PRIMARY KEY (trip, seq));"
	"CREATE INDEX trip_traveller_person ON trip_traveller(person);"
	"CREATE INDEX trip_traveller_name ON trip_traveller(name);"
	"CREATE TABLE trip_cost ("
	"  trip TEXT NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq INTEGER NOT NULL,"
	"  category TEXT NOT NULL, amount_cents INTEGER, kind TEXT NOT NULL, paid_by TEXT,"
	"  PRIMARY KEY (trip, seq));"
	"CREATE TABLE trip_theme ("
	"  trip TEXT NOT NULL REFERENCES trip(id) ON DELETE CASCADE, theme TEXT NOT NULL,"
	"  PRIMARY KEY (trip, theme));"
	"CREATE TABLE result ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  type TEXT NOT NULL, theme TEXT, amount_cents INTEGER, jobs INTEGER, date TEXT,"
	"  year INTEGER,"
	"  trip TEXT REFERENCES trip(id) DEFERRABLE INITIALLY DEFERRED,"
	"  partnership TEXT REFERENCES partnership(id) DEFERRABLE INITIALLY DEFERRED,"
	"  public INTEGER NOT NULL, doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX result_partnership ON result(partnership);"
	"CREATE INDEX result_trip ON result(trip);"
	"CREATE TABLE gift ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  date TEXT NOT NULL, year INTEGER, value_cents INTEGER,"
	"  trip TEXT REFERENCES trip(id) DEFERRABLE INITIALLY DEFERRED,"
	"  public INTEGER NOT NULL, doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"CREATE INDEX gift_org_year ON gift(organisation, year);",

	/* 2: accounts, sessions, failed logins, and the audit log */
	"CREATE TABLE user ("
	"  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, password_hash TEXT NOT NULL,"
	"  disabled INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL);"
	"CREATE TABLE user_role ("
	"  user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  organisation TEXT NOT NULL, role TEXT NOT NULL CHECK (role IN"
	"  ('beheerder', 'redacteur', 'secretaris', 'lezer')),"
	"  PRIMARY KEY (user, organisation, role));"
	"CREATE TABLE session ("
	"  token_hash TEXT PRIMARY KEY, user INTEGER NOT NULL REFERENCES user(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL, created INTEGER NOT NULL, last_seen INTEGER NOT NULL);"
	"CREATE INDEX session_user ON session(user);"
	"CREATE TABLE login_failure (key TEXT NOT NULL, at INTEGER NOT NULL);"
	"CREATE INDEX login_failure_key ON login_failure(key, at);"
	"CREATE TABLE audit ("
	"  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL,"
	"  action TEXT NOT NULL, kind TEXT NOT NULL, record TEXT NOT NULL, organisation TEXT,"
	"  before TEXT, after TEXT);"
	"CREATE INDEX audit_record ON audit(kind, record);"
	"CREATE TRIGGER audit_append_only_u BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
	"CREATE TRIGGER audit_append_only_d BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;",
	/* 3: Dutch full-text search of trips (sqlite_fts.c), rebuilt for the
	 * trips already present; the column text as in sqlite_fts.c */
	"CREATE TABLE trip_search ("
	"  docid INTEGER PRIMARY KEY,"
	"  trip TEXT NOT NULL UNIQUE REFERENCES trip(id) ON DELETE CASCADE);"
	"CREATE VIRTUAL TABLE trip_fts USING fts5(title, purpose, report, sources,"
	"  tokenize = 'rr_dutch');"
	"INSERT INTO trip_search (trip) SELECT id FROM trip ORDER BY id;"
	FTS_FILL,

	/* 4: the index also holds the unstemmed words, for compound prefixes */
	"DELETE FROM trip_fts;" FTS_FILL,

	/* 5: the original file of an imported document (sqlite_public.c) */
	"CREATE TABLE IF NOT EXISTS document_file ("
	"  document TEXT PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,"
	"  name TEXT NOT NULL, media_type TEXT NOT NULL, sha256 TEXT NOT NULL,"
	"  bytes BLOB NOT NULL, stored_at TEXT NOT NULL);",

	/* 6: a partnership's type may be unknown (a text that calls the relation
	 * by two kinds, or names none). SQLite cannot drop NOT NULL in place:
	 * the rows go through a copy; the trips and results that point at them
	 * are satisfied again when the rows return (deferred keys). */
	"CREATE TEMP TABLE partnership_copy AS SELECT * FROM partnership;"
	"DROP TABLE partnership;"
	"CREATE TABLE partnership ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  type TEXT, partner_name TEXT NOT NULL, partner_country TEXT NOT NULL,"
	"  since TEXT, public INTEGER NOT NULL, year INTEGER,"
	"  doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"INSERT INTO partnership SELECT * FROM partnership_copy;"
	"DROP TABLE partnership_copy;",

	/* 7: a second search index holding only the published trips, for
	 * viewers who may see no unpublished record: their ranking (bm25's
	 * document counts and lengths) then depends on published text only.
	 * Kept in step with trip_fts by sqlite_fts.c. */
	"CREATE VIRTUAL TABLE trip_fts_public USING fts5(title, purpose, report, sources,"
	"  tokenize = 'rr_dutch');"
	FTS_FILL_PUBLIC
	/* and narrow indexes holding what a search filters and counts facets
	 * by, so that it reads no trip row or child row (sqlite_fts.c) */
	"CREATE INDEX trip_facet ON trip(id, organisation, year, kind, direction, public,"
	"  third_party_paid);"
	"CREATE INDEX trip_destination_facet ON trip_destination(trip, country);"
	"CREATE INDEX trip_traveller_facet ON trip_traveller(trip, person, name);"
	"CREATE INDEX trip_cost_facet ON trip_cost(trip, paid_by);",

	/* 8: what a search filters and counts facets by, keyed by the integer
	 * docid of the index (sqlite_fts.c keeps it in step): the trip's
	 * columns in its trip_search row, and its countries, travellers and
	 * payers as facet rows, so that the facets of a search are a GROUP BY
	 * over integer joins from its matches, not joins on the trip's text
	 * key and count(DISTINCT); a trip's only country, traveller and payer
	 * also in its trip_search row (the facet rows are then not read) */
	"ALTER TABLE trip_search ADD COLUMN organisation TEXT;"
	"ALTER TABLE trip_search ADD COLUMN year INTEGER;"
	"ALTER TABLE trip_search ADD COLUMN kind TEXT;"
	"ALTER TABLE trip_search ADD COLUMN direction TEXT;"
	"ALTER TABLE trip_search ADD COLUMN public INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE trip_search ADD COLUMN third_party_paid INTEGER NOT NULL DEFAULT 0;"
	"UPDATE trip_search SET (" FTS_KEY_COLS ") = (SELECT " FTS_KEY_COLS
	"  FROM trip t WHERE t.id = trip_search.trip);"
	"CREATE TABLE trip_facet_row ("
	"  facet INTEGER NOT NULL, docid INTEGER NOT NULL, value TEXT NOT NULL,"
	"  ref TEXT, name TEXT, PRIMARY KEY (facet, docid, value)) WITHOUT ROWID;"
	"INSERT OR IGNORE INTO trip_facet_row (facet, docid, value, ref, name)"
	"  SELECT 3, k.docid, d.country, NULL, NULL FROM trip_search k"
	"  JOIN trip_destination d ON d.trip = k.trip"
	"  UNION ALL SELECT 4, k.docid, coalesce(p.person, p.name), p.person, p.name"
	"  FROM trip_search k JOIN trip_traveller p ON p.trip = k.trip"
	"  UNION ALL SELECT 7, k.docid, coalesce(c.paid_by, t.organisation), NULL, NULL"
	"  FROM trip_search k JOIN trip_cost c ON c.trip = k.trip JOIN trip t ON t.id = k.trip;"
	"ALTER TABLE trip_search ADD COLUMN country TEXT;"
	"ALTER TABLE trip_search ADD COLUMN person TEXT;"
	"ALTER TABLE trip_search ADD COLUMN paid_by TEXT;"
	"UPDATE trip_search" FTS_SET_ONE_VALUES("trip_search.docid") ";",
	/* 9: counts per body, year, direction and status, and the places of
	 * the trips, kept by triggers (agg_sql.h, sqlite_agg.c) */
	RR_SQLITE_AGG_MIGRATION,

	/* 10: a gift's date may be unknown (a register or report that does not
	 * state it); the rows go through a copy as in 6 */
	"CREATE TEMP TABLE gift_copy AS SELECT * FROM gift;"
	"DROP TABLE gift;"
	"CREATE TABLE gift ("
	"  id TEXT PRIMARY KEY,"
	"  organisation TEXT NOT NULL REFERENCES organisation(id) DEFERRABLE INITIALLY DEFERRED,"
	"  date TEXT, year INTEGER, value_cents INTEGER,"
	"  trip TEXT REFERENCES trip(id) DEFERRABLE INITIALLY DEFERRED,"
	"  public INTEGER NOT NULL, doc TEXT NOT NULL, updated_at TEXT NOT NULL);"
	"INSERT INTO gift SELECT * FROM gift_copy;"
	"DROP TABLE gift_copy;"
	"CREATE INDEX gift_org_year ON gift(organisation, year);",
};

const int rr_sqlite_migration_count =
	(int)(sizeof rr_sqlite_migrations / sizeof rr_sqlite_migrations[0]);

const char *rr_sqlite_table(rr_kind k)
{
	static const char *const t[RR_K_COUNT] = {
		[RR_K_ORGANISATION] = "organisation", [RR_K_PERSON] = "person",
		[RR_K_PARTNERSHIP] = "partnership", [RR_K_DOCUMENT] = "document",
		[RR_K_TRIP] = "trip", [RR_K_RESULT] = "result", [RR_K_GIFT] = "gift",
	};
	return k < RR_K_COUNT ? t[k] : NULL;
}
