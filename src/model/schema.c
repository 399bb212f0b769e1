/* schema.c - field tables of every record kind. The order of entries is the
 * order docs/data-model.md describes them in; output order is by key. */
#include "schema.h"

#include <string.h>

#define END {NULL, 0, 0, NULL, NULL, 0, 0, 0}
#define STR(n, fl) {n, RR_F_STR, fl, NULL, NULL, 0, 0, 0}
#define TEXT(n) {n, RR_F_TEXT, 0, NULL, NULL, 0, 0, RR_TEXT_MAX}
#define ID(n) {n, RR_F_ID, RR_REQUIRED, NULL, NULL, 0, 0, 100}
#define REF(n, k, fl) {n, RR_F_REF, fl, NULL, NULL, 0, k, 100}
#define DATE(n, fl) {n, RR_F_DATE, fl, NULL, NULL, 0, 0, 0}
#define BOOL(n) {n, RR_F_BOOL, 0, NULL, NULL, 0, 0, 0}
#define COUNT(n) {n, RR_F_COUNT, 0, NULL, NULL, 0, 0, 0}
#define AMOUNT(n, fl) {n, RR_F_AMOUNT, fl, NULL, NULL, 0, 0, 0}
#define NUMBER(n) {n, RR_F_NUMBER, 0, NULL, NULL, 0, 0, 0}
#define DEGREES(n, m) {n, RR_F_DEGREES, 0, NULL, NULL, 0, 0, m}
#define ENUM(n, v, fl) {n, RR_F_ENUM, fl, v, NULL, 0, 0, 0}
#define COUNTRY(n, fl) {n, RR_F_COUNTRY, fl, NULL, NULL, 0, 0, 0}
#define URL(n) {n, RR_F_URL, 0, NULL, NULL, 0, 0, 2000}
#define OBJ(n, s, fl) {n, RR_F_OBJ, fl, NULL, s, 0, 0, 0}
#define ARR_OBJ(n, s) {n, RR_F_ARR, 0, NULL, s, RR_F_OBJ, 0, 0}
#define ARR_STR(n) {n, RR_F_ARR, 0, NULL, NULL, RR_F_STR, 0, 0}
#define ARR_ENUM(n, v) {n, RR_F_ARR, 0, v, NULL, RR_F_ENUM, 0, 0}
#define ARR_REF(n, k) {n, RR_F_ARR, 0, NULL, NULL, RR_F_REF, k, 100}

const char *const rr_trip_status_values[] = {"draft", "requested", "coordinated",
	"approved", "rejected", "completed", "cancelled", "reported", NULL};
const char *const rr_trip_kind_values[] = {"dienstreis", "handelsmissie", "studiereis",
	"werkbezoek", "conferentie", "bezoek", NULL};
const char *const rr_direction_values[] = {"out", "in", NULL};
const char *const rr_theme_values[] = {"investment", "trade", "culture_tourism",
	"education", "sustainability", "life_sciences_health", "media", "human_rights",
	"innovation", "urban_development", "mobility", "agriculture_food", "energy",
	"water", "governance", "security", "other", NULL};
const char *const rr_partnership_type_values[] = {"sister_city", "friendship_treaty",
	"mou", "friendly_city", "cooperation_agreement", NULL};
const char *const rr_event_kind_values[] = {"signed", "amended", "renewed",
	"upgraded", "joint_declaration", "dormant", "revived", "ended", NULL};
const char *const rr_result_type_values[] = {"agreement", "investment", "lead",
	"follow_up_visit", "media", "exhibition", "exchange", "other", NULL};
const char *const rr_agreement_values[] = {"mou", "contract", "letter_of_intent",
	"intention", "sister_city_agreement", "declaration", NULL};
const char *const rr_cost_kind_values[] = {"estimate", "actual", NULL};
/* "approved" is the decision "conform" (as proposed); a deferred decision
 * ("aangehouden") leaves the request waiting for the next meeting. */
const char *const rr_outcome_values[] = {"approved", "approved_with_conditions", "rejected",
	"deferred", NULL};
const char *const rr_org_kind_values[] = {"municipality", "province", "water_board", "national",
	"foreign_government", "company", "knowledge_institution", "cultural_institution",
	"network", "consulate", "embassy", "ngo", "other", NULL};
const char *const rr_doc_kind_values[] = {"register", "request", "report",
	"decision", "letter", "evaluation", "web_page", "other", NULL};
const char *const rr_followup_status_values[] = {"open", "in_progress", "done",
	"dropped", NULL};
const char *const rr_disposition_values[] = {"kept_by_body", "displayed",
	"donated", "returned", "kept_by_recipient", "shared", "other", NULL};
const char *const rr_rights_kind_values[] = {"briefing", "topic_raised",
	"security_advice", "incident", NULL};
const char *const rr_scope_values[] = {"partnership", "wider", NULL};
/* The mode of transport of a trip or of the leg to a destination. */
const char *const rr_transport_values[] = {"plane", "train", "car", "boat", NULL};

/* Dutch labels, in the order of the values above: what a reader sees. */
static const char *const rr_trip_status_labels[] = {"concept", "aangevraagd", "afgestemd", "goedgekeurd", "afgewezen", "uitgevoerd", "afgelast", "verslag uitgebracht", NULL};
static const char *const rr_trip_kind_labels[] = {"dienstreis", "handelsmissie", "studiereis", "werkbezoek", "conferentie", "bezoek", NULL};
static const char *const rr_direction_labels[] = {"uitgaand", "ontvangen delegatie", NULL};
static const char *const rr_theme_labels[] = {"investeringen", "handel", "cultuur en toerisme", "onderwijs", "duurzaamheid", "life sciences en gezondheid", "media", "mensenrechten", "innovatie", "stedelijke ontwikkeling", "mobiliteit", "landbouw en voedsel", "energie", "water", "bestuur", "veiligheid", "overig", NULL};
static const char *const rr_partnership_type_labels[] = {"stedenband (zusterstad)", "vriendschapsverdrag", "memorandum of understanding", "vriendschappelijke stad", "samenwerkingsovereenkomst", NULL};
static const char *const rr_event_kind_labels[] = {"ondertekend", "gewijzigd", "verlengd", "opgewaardeerd", "gezamenlijke verklaring", "slapend", "nieuw leven ingeblazen", "beëindigd", NULL};
static const char *const rr_result_type_labels[] = {"overeenkomst", "investering", "lead", "vervolgbezoek", "media-aandacht", "tentoonstelling", "uitwisseling", "overig", NULL};
static const char *const rr_agreement_labels[] = {"MoU", "contract", "intentieverklaring", "intentie", "zusterstadovereenkomst", "verklaring", NULL};
static const char *const rr_cost_kind_labels[] = {"raming", "werkelijk", NULL};
static const char *const rr_outcome_labels[] = {"conform (goedgekeurd)", "onder voorwaarden goedgekeurd", "afgewezen", "aangehouden", NULL};
static const char *const rr_org_kind_labels[] = {"gemeente", "provincie", "waterschap", "rijksoverheid", "buitenlandse overheid", "bedrijf", "kennisinstelling", "culturele instelling", "netwerk", "consulaat", "ambassade", "maatschappelijke organisatie", "overig", NULL};
static const char *const rr_doc_kind_labels[] = {"register", "aanvraag", "verslag", "besluit", "brief", "evaluatie", "webpagina", "overig", NULL};
static const char *const rr_followup_status_labels[] = {"open", "bezig", "gedaan", "vervallen", NULL};
static const char *const rr_disposition_labels[] = {"bewaard door het orgaan", "tentoongesteld", "weggegeven", "teruggegeven", "gehouden door de ontvanger", "gedeeld", "overig", NULL};
static const char *const rr_rights_kind_labels[] = {"briefing", "onderwerp aangekaart", "veiligheidsadvies", "incident", NULL};
static const char *const rr_scope_labels[] = {"deze relatie", "breder dan deze relatie", NULL};
static const char *const rr_transport_labels[] = {"vliegtuig", "trein", "auto", "boot", NULL};

static const struct {
	const char *const *values, *const *labels;
} enum_labels[] = {
	{rr_trip_status_values, rr_trip_status_labels},
	{rr_trip_kind_values, rr_trip_kind_labels},
	{rr_direction_values, rr_direction_labels},
	{rr_theme_values, rr_theme_labels},
	{rr_partnership_type_values, rr_partnership_type_labels},
	{rr_event_kind_values, rr_event_kind_labels},
	{rr_result_type_values, rr_result_type_labels},
	{rr_agreement_values, rr_agreement_labels},
	{rr_cost_kind_values, rr_cost_kind_labels},
	{rr_outcome_values, rr_outcome_labels},
	{rr_org_kind_values, rr_org_kind_labels},
	{rr_doc_kind_values, rr_doc_kind_labels},
	{rr_followup_status_values, rr_followup_status_labels},
	{rr_disposition_values, rr_disposition_labels},
	{rr_rights_kind_values, rr_rights_kind_labels},
	{rr_scope_values, rr_scope_labels},
	{rr_transport_values, rr_transport_labels},
};

const char *rr_enum_label(const char *const *values, const char *value)
{
	if (!values || !value)
		return NULL;
	for (size_t i = 0; i < sizeof enum_labels / sizeof enum_labels[0]; i++) {
		if (enum_labels[i].values != values)
			continue;
		for (size_t j = 0; values[j]; j++)
			if (!strcmp(values[j], value))
				return enum_labels[i].labels[j];
		return NULL;
	}
	return NULL;
}

static const rr_field budget_fields[] = {
	{"year", RR_F_COUNT, RR_REQUIRED, NULL, NULL, 0, 0, 0}, AMOUNT("amount_eur", 0),
	NUMBER("fte"), STR("note", 0), END};
/* A body's own emission factors (kg CO₂ per passenger-km, model/co2.h);
 * a factor left out is the built-in list's. */
static const rr_field co2_factor_fields[] = {
	NUMBER("plane_short"), NUMBER("plane_mid"), NUMBER("plane_long"), NUMBER("train"),
	NUMBER("car"), NUMBER("boat"), STR("source", 0), END};
static const rr_field organisation_fields[] = {
	ID("id"), STR("name", RR_REQUIRED), ENUM("kind", rr_org_kind_values, 0),
	COUNTRY("country", 0), STR("city", 0), URL("website"),
	COUNT("report_period_days"), COUNT("train_threshold_km"), AMOUNT("gift_threshold_eur", 0),
	OBJ("co2_factors", co2_factor_fields, 0), ARR_OBJ("budgets", budget_fields), END};

static const rr_field person_fields[] = {
	ID("id"), STR("name", RR_REQUIRED), STR("role", 0), STR("portfolio", 0),
	REF("organisation", RR_K_ORGANISATION, 0), ARR_STR("aliases"), END};

static const rr_field partner_fields[] = {
	STR("name", RR_REQUIRED), COUNTRY("country", RR_REQUIRED), STR("city", 0),
	REF("organisation", RR_K_ORGANISATION, 0), END};
static const rr_field event_fields[] = {
	DATE("date", RR_REQUIRED), ENUM("kind", rr_event_kind_values, RR_REQUIRED),
	ENUM("type", rr_partnership_type_values, 0), STR("description", 0),
	REF("document", RR_K_DOCUMENT, 0), END};
static const rr_field partnership_fields[] = {
	ID("id"), REF("organisation", RR_K_ORGANISATION, RR_REQUIRED),
	OBJ("partner", partner_fields, RR_REQUIRED),
	ENUM("type", rr_partnership_type_values, 0), DATE("since", 0),
	DATE("until", 0), ARR_OBJ("events", event_fields),
	ARR_ENUM("themes", rr_theme_values), TEXT("description"),
	ARR_REF("documents", RR_K_DOCUMENT), BOOL("public"), END};

static const rr_field span_fields[] = {
	STR("field", RR_REQUIRED), COUNT("start"), COUNT("end"), END};
static const rr_field source_fields[] = {
	REF("document", RR_K_DOCUMENT, 0), STR("title", 0), URL("url"), DATE("date", 0),
	ARR_OBJ("spans", span_fields), END};
static const rr_field document_fields[] = {
	ID("id"), REF("organisation", RR_K_ORGANISATION, RR_REQUIRED),
	STR("title", RR_REQUIRED), ENUM("kind", rr_doc_kind_values, 0), URL("url"),
	DATE("date", 0), STR("media_type", 0), STR("sha256", 0), TEXT("text"),
	BOOL("public"), END};

static const rr_field destination_fields[] = {
	COUNTRY("country", RR_REQUIRED), STR("city", 0), STR("region", 0),
	DEGREES("lat", 90), DEGREES("lon", 180),
	ENUM("transport", rr_transport_values, 0), END};
static const rr_field traveller_fields[] = {
	STR("name", RR_REQUIRED), STR("role", 0), REF("person", RR_K_PERSON, 0),
	STR("organisation", 0), END};
static const rr_field cost_fields[] = {
	STR("category", RR_REQUIRED), AMOUNT("amount_eur", 0),
	ENUM("kind", rr_cost_kind_values, RR_REQUIRED), STR("paid_by", 0), STR("note", 0), END};
static const rr_field decision_fields[] = {
	DATE("date", 0), ENUM("outcome", rr_outcome_values, RR_REQUIRED), STR("body", 0),
	STR("number", 0), TEXT("text"), TEXT("conditions"), URL("url"),
	REF("document", RR_K_DOCUMENT, 0), STR("note", 0), END};
static const rr_field report_fields[] = {
	DATE("due", 0), DATE("submitted", 0), TEXT("text"), REF("document", RR_K_DOCUMENT, 0),
	END};
static const rr_field programme_fields[] = {
	DATE("date", 0), STR("activity", RR_REQUIRED), ARR_STR("counterparts"), END};
static const rr_field coordination_fields[] = {
	STR("with", RR_REQUIRED), DATE("date", 0), STR("note", 0), END};
static const rr_field cancellation_fields[] = {
	DATE("date", 0), STR("reason", RR_REQUIRED), END};
static const rr_field rights_fields[] = {
	ENUM("kind", rr_rights_kind_values, RR_REQUIRED), STR("description", RR_REQUIRED),
	DATE("date", 0), END};
static const rr_field trip_fields[] = {
	ID("id"), REF("organisation", RR_K_ORGANISATION, RR_REQUIRED),
	STR("title", RR_REQUIRED), ENUM("kind", rr_trip_kind_values, 0),
	ENUM("direction", rr_direction_values, RR_REQUIRED),
	ENUM("status", rr_trip_status_values, RR_REQUIRED), BOOL("public"),
	DATE("requested", 0), DATE("start", 0), DATE("end", 0), DATE("planned_start", 0), DATE("planned_end", 0),
	ARR_OBJ("destinations", destination_fields), OBJ("origin", destination_fields, 0),
	ENUM("transport", rr_transport_values, 0),
	ARR_OBJ("travellers", traveller_fields),
	ARR_OBJ("planned_travellers", traveller_fields),
	COUNT("accompanying_officials"), COUNT("planned_accompanying_officials"),
	TEXT("purpose"), TEXT("motivation"), ARR_OBJ("programme", programme_fields),
	ARR_STR("external_parties"), ARR_OBJ("costs", cost_fields),
	ARR_OBJ("coordination", coordination_fields),
	OBJ("decision", decision_fields, 0), OBJ("report", report_fields, 0),
	OBJ("cancellation", cancellation_fields, 0),
	REF("partnership", RR_K_PARTNERSHIP, 0), STR("counterpart", 0),
	ARR_ENUM("themes", rr_theme_values), ARR_OBJ("rights_and_security", rights_fields),
	ARR_OBJ("sources", source_fields), END};

static const rr_field followup_fields[] = {
	STR("action", RR_REQUIRED), STR("owner", 0), DATE("due", 0),
	ENUM("status", rr_followup_status_values, 0), END};
static const rr_field result_fields[] = {
	ID("id"), REF("organisation", RR_K_ORGANISATION, RR_REQUIRED),
	STR("title", RR_REQUIRED), ENUM("type", rr_result_type_values, RR_REQUIRED),
	ENUM("agreement", rr_agreement_values, 0), ENUM("theme", rr_theme_values, 0),
	ARR_STR("parties"), AMOUNT("amount_eur", 0), COUNT("jobs"), DATE("date", 0),
	ENUM("scope", rr_scope_values, 0), STR("scope_note", 0),
	REF("trip", RR_K_TRIP, 0), REF("partnership", RR_K_PARTNERSHIP, 0),
	TEXT("description"), ARR_OBJ("follow_up", followup_fields),
	ARR_OBJ("sources", source_fields), BOOL("public"), END};

static const rr_field gift_fields[] = {
	ID("id"), REF("organisation", RR_K_ORGANISATION, RR_REQUIRED),
	STR("giver", 0), STR("recipient", 0), DATE("date", 0), STR("description", RR_REQUIRED),
	AMOUNT("value_eur", 0),
	ENUM("disposition", rr_disposition_values, 0), STR("disposition_note", 0),
	REF("trip", RR_K_TRIP, 0), BOOL("public"), END};

static const rr_kind_info kinds[RR_K_COUNT] = {
	[RR_K_ORGANISATION] = {"organisations", "organisation", organisation_fields},
	[RR_K_PERSON] = {"people", "person", person_fields},
	[RR_K_PARTNERSHIP] = {"partnerships", "partnership", partnership_fields},
	[RR_K_DOCUMENT] = {"documents", "document", document_fields},
	[RR_K_TRIP] = {"trips", "trip", trip_fields},
	[RR_K_RESULT] = {"results", "result", result_fields},
	[RR_K_GIFT] = {"gifts", "gift", gift_fields},
};

const rr_kind_info *rr_kind_get(rr_kind k)
{
	return k < RR_K_COUNT ? &kinds[k] : NULL;
}

int rr_kind_by_plural(const char *name)
{
	for (int k = 0; k < RR_K_COUNT; k++)
		if (strcmp(kinds[k].plural, name) == 0)
			return k;
	return -1;
}

const rr_field *rr_field_find(const rr_field *fields, const char *name)
{
	for (const rr_field *f = fields; f && f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

int rr_enum_has(const char *const *values, const char *value)
{
	for (; values && *values; values++)
		if (strcmp(*values, value) == 0)
			return 1;
	return 0;
}
