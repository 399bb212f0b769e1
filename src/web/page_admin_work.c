/* page_admin_work.c - on /beheer, per body, the worklists of the office and
 * the college secretary (report/worklist.h): requests waiting for a
 * decision, reports late and due within 14 days, incomplete requests and
 * filed reports not yet public; each trip linked to its page, dates in
 * Dutch. The secretary sees the decisions first. */
#include <stdio.h>
#include <string.h>

#include "model/lifecycle.h"
#include "model/record.h"
#include "report/worklist.h"
#include "web/adminkit.h"

static void list(html *h, const char *key, const json_t *items)
{
	const json_t *it, *m;
	size_t i, j;

	html_open_c(h, "section", "rr-worklist");
	html_attr(h, "aria-label", rr_worklist_title(key));
	html_open_c(h, "h4", "utrecht-heading-4");
	html_textf(h, "%s (%zu)", rr_worklist_title(key), json_array_size(items));
	html_close(h, "h4");
	if (!json_array_size(items)) {
		layout_paragraph(h, "Geen.");
		html_close(h, "section");
		return;
	}
	html_open_c(h, "ul", "utrecht-unordered-list");
	json_array_foreach(items, i, it) {
		char d[64] = "";
		long days = (long)json_integer_value(json_object_get(it, "days"));

		pk_dates(d, sizeof d, rr_rec_str(it, "date"), NULL);
		html_open_c(h, "li", "utrecht-unordered-list__item");
		pk_link(h, "/beheer/reizen/", rr_rec_str(it, "id"), rr_rec_str(it, "title"));
		if (!strcmp(key, "late"))
			html_textf(h, ": verslag uiterlijk %s, %ld %s te laat", d, days,
				   days == 1 ? "dag" : "dagen");
		else if (!strcmp(key, "due"))
			html_textf(h, ": verslag uiterlijk %s (%s)", d, days == 0 ? "vandaag" :
				   days == 1 ? "morgen" : "binnenkort");
		else if (!strcmp(key, "decisions") && d[0])
			html_textf(h, ": vertrek %s", d);
		else if (!strcmp(key, "unpublished") && d[0])
			html_textf(h, ": ingediend %s", d);
		if (!strcmp(key, "incomplete")) {
			html_text(h, ": ");
			json_array_foreach(json_object_get(it, "missing"), j, m) {
				if (j)
					html_text(h, " ");
				html_text(h, json_string_value(m));
			}
		}
		html_close(h, "li");
	}
	html_close(h, "ul");
	html_close(h, "section");
}

void ak_worklists(rr_req *r, html *h, const char *org)
{
	rr_date today = rr_today();
	json_t *wl = NULL;
	bool secretary = rr_can(r->principal, org, RR_CAP_DECIDE);

	if (!rr_can(r->principal, org, RR_CAP_READ | RR_CAP_EDIT | RR_CAP_DECIDE | RR_CAP_ADMIN))
		return;
	if (rr_worklist_of(r->store, org, ak_report_period(r->store, org), &today, &wl))
		return;
	html_open_c(h, "h3", "utrecht-heading-3");
	html_textf(h, "Werklijst (%zu)", rr_worklist_count(wl));
	html_close(h, "h3");
	if (secretary)
		list(h, "decisions", json_object_get(wl, "decisions"));
	for (size_t i = 0; rr_worklist_keys[i]; i++)
		if (!secretary || strcmp(rr_worklist_keys[i], "decisions"))
			list(h, rr_worklist_keys[i], json_object_get(wl, rr_worklist_keys[i]));
	json_decref(wl);
}
