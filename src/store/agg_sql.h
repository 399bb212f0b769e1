/* agg_sql.h - migration 9 of both backends: what the pages count kept
 * beside the trips, so that a count costs what it shows (agg.h).
 *
 * trip_tally: the number of trips per body, published or not, year of the
 * start (-1: no start date; an internal key, never shown as a year),
 * direction and status. trip_place: one row per destination of each
 * outgoing trip that counts as a trip (not cancelled, rejected or a draft,
 * as rr_trip_counts), with the body and the public flag of its trip, for
 * the map of a body's destinations. Both are kept in step by triggers on
 * trip, inside the writing transaction, whatever writes the row; the
 * migration (re)builds them from the trips present, so that running it
 * again over an older schema (tests/unit/test_search.c) gives the same. */
#ifndef RR_AGG_SQL_H
#define RR_AGG_SQL_H

/* the destination's fields as mapview.c reads them: text only when a
 * string, coordinates only when numbers */
#define RR_SQLITE_PLACE_ROW(T, F)                                                     \
	"SELECT " T ".id, d.key, " T ".organisation, " T ".public,"                       \
	"  json_extract(d.value, '$.country'),"                                         \
	"  CASE WHEN json_type(d.value, '$.city') = 'text'"                             \
	"    THEN json_extract(d.value, '$.city') END,"                                 \
	"  CASE WHEN json_type(d.value, '$.region') = 'text'"                           \
	"    THEN json_extract(d.value, '$.region') END,"                               \
	"  CASE WHEN json_type(d.value, '$.lat') IN ('integer', 'real')"                \
	"    THEN json_extract(d.value, '$.lat') END,"                                  \
	"  CASE WHEN json_type(d.value, '$.lon') IN ('integer', 'real')"                \
	"    THEN json_extract(d.value, '$.lon') END"                                   \
	"  FROM " F "json_each(" T ".doc, '$.destinations') d"                               \
	"  WHERE " T ".direction = 'out'"                                               \
	"  AND " T ".status NOT IN ('cancelled', 'rejected', 'draft')"                  \
	"  AND json_type(d.value, '$.country') = 'text'"

#define RR_SQLITE_TALLY_KEY(T)                                                        \
	"organisation = " T ".organisation AND public = " T ".public"                   \
	"  AND year = coalesce(" T ".year, -1) AND direction = " T ".direction"         \
	"  AND status = " T ".status"

#define RR_SQLITE_TALLY_ADD                                                           \
	"INSERT INTO trip_tally VALUES (NEW.organisation, NEW.public,"                  \
	"  coalesce(NEW.year, -1), NEW.direction, NEW.status, 1)"                       \
	"  ON CONFLICT (organisation, public, year, direction, status)"                 \
	"  DO UPDATE SET n = n + 1;"

#define RR_SQLITE_TALLY_SUB                                                           \
	"UPDATE trip_tally SET n = n - 1 WHERE " RR_SQLITE_TALLY_KEY("OLD") ";"         \
	"DELETE FROM trip_tally WHERE n <= 0 AND " RR_SQLITE_TALLY_KEY("OLD") ";"

/* trip_fig: what each trip adds to the totals (model/totals.h's
 * rr_trip_fig), written by the store's put in C (sqlite_agg.c, pg_agg.c),
 * since it takes the body's record (CO2 factors, report period) and the
 * gazetteer; trip_fig_payer: its cost lines paid by others, per payer.
 * The migration leaves them empty; the program fills them right after. */
#define RR_FIG_COLUMNS                                                                \
	"  organisation TEXT NOT NULL, public INTEGER NOT NULL, year INTEGER,"          \
	"  start_date TEXT, counts INTEGER NOT NULL, cancelled INTEGER NOT NULL,"       \
	"  cin INTEGER NOT NULL, cout INTEGER NOT NULL, officials BIGINT,"              \
	"  est BIGINT, act BIGINT, paid_other INTEGER NOT NULL,"                        \
	"  co2_distance INTEGER NOT NULL, train INTEGER NOT NULL, co2_kg REAL,"         \
	"  late_after BIGINT, unrecorded_after BIGINT"
#define RR_SQLITE_FIG_TABLES                                                          \
	"CREATE TABLE trip_fig (trip TEXT PRIMARY KEY," RR_FIG_COLUMNS ");"             \
	"CREATE INDEX trip_fig_org ON trip_fig(organisation, public, year);"            \
	"CREATE TABLE trip_fig_payer (trip TEXT NOT NULL, seq INTEGER NOT NULL,"        \
	"  organisation TEXT NOT NULL, public INTEGER NOT NULL, year INTEGER,"          \
	"  start_date TEXT, paid_by TEXT NOT NULL, cents BIGINT,"                       \
	"  PRIMARY KEY (trip, seq));"                                                   \
	"CREATE INDEX trip_fig_payer_org ON trip_fig_payer(organisation, public);"

#define RR_SQLITE_AGG_MIGRATION                                                       \
	"DROP TRIGGER IF EXISTS trip_tally_insert; DROP TRIGGER IF EXISTS trip_tally_delete;" \
	"DROP TRIGGER IF EXISTS trip_tally_update; DROP TRIGGER IF EXISTS trip_place_insert;" \
	"DROP TRIGGER IF EXISTS trip_place_delete; DROP TRIGGER IF EXISTS trip_place_update;" \
	"DROP TRIGGER IF EXISTS trip_fig_delete;"                                       \
	"DROP TABLE IF EXISTS trip_tally; DROP TABLE IF EXISTS trip_place;"             \
	"DROP TABLE IF EXISTS trip_fig; DROP TABLE IF EXISTS trip_fig_payer;"           \
	RR_SQLITE_FIG_TABLES                                                            \
	"CREATE TRIGGER trip_fig_delete AFTER DELETE ON trip BEGIN "                    \
	"  DELETE FROM trip_fig WHERE trip = OLD.id;"                                   \
	"  DELETE FROM trip_fig_payer WHERE trip = OLD.id; END;"                        \
	"CREATE TABLE trip_tally ("                                                     \
	"  organisation TEXT NOT NULL, public INTEGER NOT NULL, year INTEGER NOT NULL," \
	"  direction TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,"          \
	"  PRIMARY KEY (organisation, public, year, direction, status)) WITHOUT ROWID;" \
	"INSERT INTO trip_tally SELECT organisation, public, coalesce(year, -1),"       \
	"  direction, status, count(*) FROM trip GROUP BY 1, 2, 3, 4, 5;"               \
	"CREATE TRIGGER trip_tally_insert AFTER INSERT ON trip BEGIN "                  \
	RR_SQLITE_TALLY_ADD " END;"                                                     \
	"CREATE TRIGGER trip_tally_delete AFTER DELETE ON trip BEGIN "                  \
	RR_SQLITE_TALLY_SUB " END;"                                                     \
	"CREATE TRIGGER trip_tally_update AFTER UPDATE OF organisation, public, year,"   \
	"  direction, status ON trip BEGIN "                                            \
	RR_SQLITE_TALLY_SUB RR_SQLITE_TALLY_ADD " END;"                                 \
	"CREATE TABLE trip_place ("                                                     \
	"  trip TEXT NOT NULL, seq INTEGER NOT NULL, organisation TEXT NOT NULL,"       \
	"  public INTEGER NOT NULL, country TEXT NOT NULL, city TEXT, region TEXT,"     \
	"  lat REAL, lon REAL, PRIMARY KEY (trip, seq));"                               \
	"CREATE INDEX trip_place_org ON trip_place(organisation, public, country, city,"\
	"  region, lat, lon, trip);"                                                    \
	"INSERT INTO trip_place " RR_SQLITE_PLACE_ROW("t", "trip t, ") ";"                          \
	"CREATE TRIGGER trip_place_insert AFTER INSERT ON trip BEGIN "                  \
	"  INSERT INTO trip_place " RR_SQLITE_PLACE_ROW("NEW", "") "; END;"                 \
	"CREATE TRIGGER trip_place_delete AFTER DELETE ON trip BEGIN "                  \
	"  DELETE FROM trip_place WHERE trip = OLD.id; END;"                            \
	"CREATE TRIGGER trip_place_update AFTER UPDATE ON trip BEGIN "                  \
	"  DELETE FROM trip_place WHERE trip = OLD.id;"                                 \
	"  INSERT INTO trip_place " RR_SQLITE_PLACE_ROW("NEW", "") "; END;"

/* PostgreSQL: the same tables, kept by PL/pgSQL triggers */
#define RR_PG_PLACE_ROW(T, F)                                                         \
	"SELECT " T ".id, d.seq - 1, " T ".organisation, " T ".public,"                 \
	"  d.v->>'country',"                                                            \
	"  CASE WHEN jsonb_typeof(d.v->'city') = 'string' THEN d.v->>'city' END,"       \
	"  CASE WHEN jsonb_typeof(d.v->'region') = 'string' THEN d.v->>'region' END,"   \
	"  CASE WHEN jsonb_typeof(d.v->'lat') = 'number'"                               \
	"    THEN (d.v->>'lat')::double precision END,"                                 \
	"  CASE WHEN jsonb_typeof(d.v->'lon') = 'number'"                               \
	"    THEN (d.v->>'lon')::double precision END"                                  \
	"  FROM " F "jsonb_array_elements(CASE WHEN jsonb_typeof(" T ".doc::jsonb"      \
	"    ->'destinations') = 'array' THEN " T ".doc::jsonb->'destinations'"         \
	"    ELSE '[]'::jsonb END) WITH ORDINALITY AS d(v, seq)"                        \
	"  WHERE " T ".direction = 'out'"                                               \
	"  AND " T ".status NOT IN ('cancelled', 'rejected', 'draft')"                  \
	"  AND jsonb_typeof(d.v->'country') = 'string'"

#define RR_FIG_COLUMNS_PG                                                             \
	"  organisation text NOT NULL, public integer NOT NULL, year integer,"          \
	"  start_date text, counts integer NOT NULL, cancelled integer NOT NULL,"       \
	"  cin integer NOT NULL, cout integer NOT NULL, officials bigint,"              \
	"  est bigint, act bigint, paid_other integer NOT NULL,"                        \
	"  co2_distance integer NOT NULL, train integer NOT NULL,"                      \
	"  co2_kg double precision, late_after bigint, unrecorded_after bigint"

/* the number of the migration after which the program fills trip_fig */
#define RR_AGG_MIGRATION 9

#define RR_PG_AGG_MIGRATION                                                           \
	"DROP TRIGGER IF EXISTS trip_agg ON trip; DROP FUNCTION IF EXISTS trip_agg();"  \
	"DROP TABLE IF EXISTS trip_tally; DROP TABLE IF EXISTS trip_place;"             \
	"DROP TABLE IF EXISTS trip_fig; DROP TABLE IF EXISTS trip_fig_payer;"           \
	"CREATE TABLE trip_fig (trip text PRIMARY KEY,"                                 \
	RR_FIG_COLUMNS_PG ");"                                                          \
	"CREATE INDEX trip_fig_org ON trip_fig(organisation, public, year);"            \
	"CREATE TABLE trip_fig_payer (trip text NOT NULL, seq integer NOT NULL,"        \
	"  organisation text NOT NULL, public integer NOT NULL, year integer,"          \
	"  start_date text, paid_by text NOT NULL, cents bigint,"                       \
	"  PRIMARY KEY (trip, seq));"                                                   \
	"CREATE INDEX trip_fig_payer_org ON trip_fig_payer(organisation, public);"      \
	"CREATE TABLE trip_tally ("                                                     \
	"  organisation text NOT NULL, public integer NOT NULL, year integer NOT NULL," \
	"  direction text NOT NULL, status text NOT NULL, n bigint NOT NULL,"           \
	"  PRIMARY KEY (organisation, public, year, direction, status));"               \
	"INSERT INTO trip_tally SELECT organisation, public, coalesce(year, -1),"       \
	"  direction, status, count(*) FROM trip GROUP BY 1, 2, 3, 4, 5;"               \
	"CREATE TABLE trip_place ("                                                     \
	"  trip text NOT NULL, seq integer NOT NULL, organisation text NOT NULL,"       \
	"  public integer NOT NULL, country text NOT NULL, city text, region text,"     \
	"  lat double precision, lon double precision, PRIMARY KEY (trip, seq));"       \
	"CREATE INDEX trip_place_org ON trip_place(organisation, public, country, city,"\
	"  region, lat, lon, trip);"                                                    \
	"INSERT INTO trip_place " RR_PG_PLACE_ROW("t", "trip t, ") ";"                  \
	"CREATE FUNCTION trip_agg() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN"        \
	"  IF TG_OP IN ('UPDATE', 'DELETE') THEN"                                       \
	"    UPDATE trip_tally SET n = n - 1 WHERE organisation = OLD.organisation"     \
	"      AND public = OLD.public AND year = coalesce(OLD.year, -1)"               \
	"      AND direction = OLD.direction AND status = OLD.status;"                  \
	"    DELETE FROM trip_tally WHERE n <= 0 AND organisation = OLD.organisation"   \
	"      AND public = OLD.public AND year = coalesce(OLD.year, -1)"               \
	"      AND direction = OLD.direction AND status = OLD.status;"                  \
	"    DELETE FROM trip_place WHERE trip = OLD.id;"                               \
	"  END IF;"                                                                     \
	"  IF TG_OP = 'DELETE' THEN"                                                    \
	"    DELETE FROM trip_fig WHERE trip = OLD.id;"                                 \
	"    DELETE FROM trip_fig_payer WHERE trip = OLD.id;"                           \
	"  END IF;"                                                                     \
	"  IF TG_OP IN ('UPDATE', 'INSERT') THEN"                                       \
	"    INSERT INTO trip_tally VALUES (NEW.organisation, NEW.public,"              \
	"      coalesce(NEW.year, -1), NEW.direction, NEW.status, 1)"                   \
	"      ON CONFLICT (organisation, public, year, direction, status)"             \
	"      DO UPDATE SET n = trip_tally.n + 1;"                                     \
	"    INSERT INTO trip_place " RR_PG_PLACE_ROW("NEW", "") ";"                    \
	"  END IF;"                                                                     \
	"  RETURN NULL;"                                                                \
	"END$$;"                                                                        \
	"CREATE TRIGGER trip_agg AFTER INSERT OR UPDATE OR DELETE ON trip"              \
	"  FOR EACH ROW EXECUTE FUNCTION trip_agg();"

#endif
