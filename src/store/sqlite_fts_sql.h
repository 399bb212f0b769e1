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

#endif
