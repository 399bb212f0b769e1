/* sqlite_fts_sql.h - the text of a trip's search-index row, as SQL over
 * the trip row t: one definition for the write path (sqlite_fts.c) and the
 * migrations that (re)build the index (sqlite_schema.c). */
#ifndef RR_SQLITE_FTS_SQL_H
#define RR_SQLITE_FTS_SQL_H

/* A trip's four columns from its row t. */
#define FTS_PURPOSE \
	"(SELECT group_concat(v, char(10)) FROM (" \
	"SELECT json_extract(t.doc, '$.purpose') AS v" \
	" UNION ALL SELECT json_extract(t.doc, '$.motivation')" \
	" UNION ALL SELECT json_extract(t.doc, '$.counterpart')" \
	" UNION ALL SELECT value FROM json_each(t.doc, '$.external_parties')" \
	" UNION ALL SELECT json_extract(value, '$.activity') FROM json_each(t.doc, '$.programme')" \
	" UNION ALL SELECT c.value FROM json_each(t.doc, '$.programme') p," \
	" json_each(p.value, '$.counterparts') c" \
	" UNION ALL SELECT nullif(trim(coalesce(json_extract(value, '$.city'), '') || ' ' ||" \
	" coalesce(json_extract(value, '$.region'), '')), '')" \
	" FROM json_each(t.doc, '$.destinations')" \
	" UNION ALL SELECT json_extract(value, '$.name') ||" \
	" coalesce(' (' || json_extract(value, '$.role') || ')', '')" \
	" FROM json_each(t.doc, '$.travellers')))"
#define FTS_REPORT \
	"(SELECT group_concat(v, char(10)) FROM (" \
	"SELECT json_extract(t.doc, '$.report.text') AS v" \
	" UNION ALL SELECT json_extract(t.doc, '$.cancellation.reason')))"
#define FTS_SOURCES \
	"(SELECT group_concat(json_extract(value, '$.title'), char(10))" \
	" FROM json_each(t.doc, '$.sources'))"

/* Fills trip_fts for every trip listed in trip_search. */
#define FTS_FILL \
	"INSERT INTO trip_fts (rowid, title, purpose, report, sources) SELECT k.docid, t.title, " \
	FTS_PURPOSE ", " FTS_REPORT ", " FTS_SOURCES \
	" FROM trip_search k JOIN trip t ON t.id = k.trip;"

/* Fills trip_fts_public from trip_fts: the rows of the published trips. */
#define FTS_FILL_PUBLIC \
	"INSERT INTO trip_fts_public (rowid, title, purpose, report, sources)" \
	" SELECT f.rowid, f.title, f.purpose, f.report, f.sources FROM trip_fts f" \
	" JOIN trip_search k ON k.docid = f.rowid JOIN trip t ON t.id = k.trip" \
	" WHERE t.public = 1;"

/* A trip's filter and facet columns in its trip_search row (migration 8),
 * from the trip row t: what a search filters and counts by, keyed by the
 * index's integer docid. */
#define FTS_KEY_COLS "organisation, year, kind, direction, public, third_party_paid"

/* A trip's facet rows (trip_facet_row, migration 8) for the docid ?1 and
 * the trip ?2: its countries (facet 3), travellers (4: the person id, else
 * the name; ref the person id, name the traveller's name for a label) and
 * payers (7: the body itself when a cost names none), one row per distinct
 * value. The numbers are those of the search's facets (sqlite_fts.c). */
#define FTS_FACET_ROWS(DOCID, TRIP) \
	"INSERT OR IGNORE INTO trip_facet_row (facet, docid, value, ref, name)" \
	" SELECT 3, " DOCID ", d.country, NULL, NULL FROM trip_destination d" \
	" WHERE d.trip = " TRIP \
	" UNION ALL SELECT 4, " DOCID ", coalesce(p.person, p.name), p.person, p.name" \
	" FROM trip_traveller p WHERE p.trip = " TRIP \
	" UNION ALL SELECT 7, " DOCID ", coalesce(c.paid_by, t.organisation), NULL, NULL" \
	" FROM trip_cost c JOIN trip t ON t.id = c.trip WHERE c.trip = " TRIP

/* The SET of trip_search's one-value columns (migration 8) of the row
 * whose docid is DOCID, from its facet rows: the trip's country,
 * traveller and payer when it has exactly one (most trips), else NULL, so
 * that a search counts them from its matches' rows and reads facet rows
 * only for the other trips. */
#define FTS_ONE_VALUE(FACET, DOCID) \
	"(SELECT CASE WHEN count(*) = 1 THEN min(r.value) END FROM trip_facet_row r" \
	" WHERE r.facet = " FACET " AND r.docid = " DOCID ")"
#define FTS_SET_ONE_VALUES(DOCID) \
	" SET country = " FTS_ONE_VALUE("3", DOCID) ", person = " FTS_ONE_VALUE("4", DOCID) \
	", paid_by = " FTS_ONE_VALUE("7", DOCID)

#endif
