/* pg_schema.c - the PostgreSQL schema, as numbered migrations.
 *
 * Version N means the same tables as SQLite's version N (sqlite_schema.c),
 * so rr_store_latest_version() holds for both; a step that SQLite needed
 * and PostgreSQL does not is an empty step here. Identifiers and every
 * text compared or sorted use the "C" collation: records come out in the
 * same (byte) order as from SQLite, whatever the database's locale. A
 * migration, once released, is never edited: add a new one. */
#include "agg_sql.h"
#include "pg_int.h"

#define ID "text COLLATE \"C\""
#define REF(t) ID " REFERENCES " t "(id) DEFERRABLE INITIALLY DEFERRED"

const char *const rr_pg_migrations[] = {
	/* 1: the register */
	"CREATE TABLE meta (key text PRIMARY KEY, value bigint NOT NULL);"
	"INSERT INTO meta VALUES ('generation', 0), ('schema_version', 0);"
	"CREATE TABLE organisation ("
	"  id " ID " PRIMARY KEY, name text NOT NULL, kind text, country text,"
	"  doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE TABLE person ("
	"  id " ID " PRIMARY KEY, name text NOT NULL, organisation " ID ","
	"  doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE TABLE partnership ("
	"  id " ID " PRIMARY KEY, organisation " REF("organisation") " NOT NULL,"
	"  type text NOT NULL, partner_name text NOT NULL, partner_country text NOT NULL,"
	"  since text, public integer NOT NULL, year integer,"
	"  doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE TABLE document ("
	"  id " ID " PRIMARY KEY, organisation " REF("organisation") " NOT NULL,"
	"  title text NOT NULL, kind text, sha256 text, public integer NOT NULL, year integer,"
	"  doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE TABLE trip ("
	"  id " ID " PRIMARY KEY, organisation " REF("organisation") " NOT NULL,"
	"  title text NOT NULL, kind text, direction text NOT NULL, status text NOT NULL,"
	"  public integer NOT NULL, start_date " ID ", end_date text, year integer,"
	"  partnership " REF("partnership") ","
	"  third_party_paid integer NOT NULL DEFAULT 0,"
	"  doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE INDEX trip_org_year ON trip(organisation, year);"
	"CREATE INDEX trip_start ON trip(start_date);"
	"CREATE TABLE trip_destination ("
	"  trip " ID " NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq integer NOT NULL,"
	"  country " ID " NOT NULL, city text, PRIMARY KEY (trip, seq));"
	"CREATE INDEX trip_destination_country ON trip_destination(country);"
	"CREATE TABLE trip_traveller ("
	"  trip " ID " NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq integer NOT NULL,"
	"  name " ID " NOT NULL, role text, person " ID ", PRIMARY KEY (trip, seq));"
	"CREATE INDEX trip_traveller_person ON trip_traveller(person);"
	"CREATE INDEX trip_traveller_name ON trip_traveller(name);"
	"CREATE TABLE trip_cost ("
	"  trip " ID " NOT NULL REFERENCES trip(id) ON DELETE CASCADE, seq integer NOT NULL,"
	"  category text NOT NULL, amount_cents bigint, kind text NOT NULL, paid_by " ID ","
	"  PRIMARY KEY (trip, seq));"
	"CREATE TABLE trip_theme ("
	"  trip " ID " NOT NULL REFERENCES trip(id) ON DELETE CASCADE, theme " ID " NOT NULL,"
	"  PRIMARY KEY (trip, theme));"
	"CREATE TABLE result ("
	"  id " ID " PRIMARY KEY, organisation " REF("organisation") " NOT NULL,"
	"  type text NOT NULL, theme text, amount_cents bigint, jobs bigint, date text,"
	"  year integer, trip " REF("trip") ", partnership " REF("partnership") ","
	"  public integer NOT NULL, doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE INDEX result_partnership ON result(partnership);"
	"CREATE INDEX result_trip ON result(trip);"
	"CREATE TABLE gift ("
	"  id " ID " PRIMARY KEY, organisation " REF("organisation") " NOT NULL,"
	"  date text NOT NULL, year integer, value_cents bigint, trip " REF("trip") ","
	"  public integer NOT NULL, doc text NOT NULL, updated_at text NOT NULL);"
	"CREATE INDEX gift_org_year ON gift(organisation, year);",

	/* 2: accounts, sessions, failed logins, and the append-only audit log */
	"CREATE TABLE account ("
	"  id bigserial PRIMARY KEY, name " ID " NOT NULL UNIQUE, password_hash text NOT NULL,"
	"  disabled integer NOT NULL DEFAULT 0, created_at text NOT NULL);"
	"CREATE TABLE account_role ("
	"  account bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  organisation " ID " NOT NULL, role " ID " NOT NULL CHECK (role IN"
	"  ('beheerder', 'redacteur', 'secretaris', 'lezer')),"
	"  PRIMARY KEY (account, organisation, role));"
	"CREATE TABLE session ("
	"  token_hash text PRIMARY KEY,"
	"  account bigint NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf text NOT NULL, created bigint NOT NULL, last_seen bigint NOT NULL);"
	"CREATE INDEX session_account ON session(account);"
	"CREATE TABLE login_failure (key text NOT NULL, at bigint NOT NULL);"
	"CREATE INDEX login_failure_key ON login_failure(key, at);"
	"CREATE TABLE audit ("
	"  seq bigserial PRIMARY KEY, at text NOT NULL, actor text NOT NULL,"
	"  action text NOT NULL, kind text NOT NULL, record text NOT NULL, organisation text,"
	"  before text, after text);"
	"CREATE INDEX audit_record ON audit(kind, record);"
	"CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS"
	"  $$BEGIN RAISE EXCEPTION 'the audit log is append-only'; END$$;"
	"CREATE TRIGGER audit_append_only_ud BEFORE UPDATE OR DELETE ON audit"
	"  FOR EACH ROW EXECUTE FUNCTION audit_append_only();"
	"CREATE TRIGGER audit_append_only_t BEFORE TRUNCATE ON audit"
	"  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();",

	/* 3: Dutch full-text search of trips (pg_search.c): the four columns'
	 * text (for snippets) and their tsvector, built in C by the project's
	 * own tokenizer, weighted A (title) to D (sources) */
	"CREATE TABLE trip_search ("
	"  trip " ID " PRIMARY KEY REFERENCES trip(id) ON DELETE CASCADE,"
	"  title text NOT NULL, purpose text NOT NULL, report text NOT NULL,"
	"  sources text NOT NULL, vec tsvector NOT NULL);"
	"CREATE INDEX trip_search_vec ON trip_search USING gin (vec);",

	/* 4: SQLite's index gained unstemmed words; this one had them from 3 */
	"SELECT 1",

	/* 5: the original file of an imported document (pg_public.c) */
	"CREATE TABLE document_file ("
	"  document " ID " PRIMARY KEY REFERENCES document(id) ON DELETE CASCADE,"
	"  name text NOT NULL, media_type text NOT NULL, sha256 text NOT NULL,"
	"  bytes bytea NOT NULL, stored_at text NOT NULL);",

	/* 6: a partnership's type may be unknown */
	"ALTER TABLE partnership ALTER COLUMN type DROP NOT NULL;",

	/* 7: SQLite's published-only index and its covering indexes for the
	 * facets. ts_rank scores a trip by its own text alone (no statistics
	 * over the other rows), so unpublished trips move no public score and
	 * one index serves every viewer; the child rows' primary keys begin
	 * with the trip already, the country facet reads its column too */
	"CREATE INDEX IF NOT EXISTS trip_destination_trip_country ON trip_destination(trip, country);",

	/* 8: SQLite's facet rows keyed by the docid of its FTS5 index. Here a
	 * search's matches carry the trip's key already and the facets join
	 * the child rows' primary keys (pg_search.c): nothing to add */
	"SELECT 1",

	/* 9: counts per body, year, direction and status, and the places of
	 * the trips, kept by a trigger (agg_sql.h, pg_agg.c) */
	RR_PG_AGG_MIGRATION,

	/* 10: a gift's date may be unknown */
	"ALTER TABLE gift ALTER COLUMN date DROP NOT NULL;",
};

const int rr_pg_migration_count =
	(int)(sizeof rr_pg_migrations / sizeof rr_pg_migrations[0]);
