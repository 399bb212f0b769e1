/* places_data.h - the gazetteer's compiled-in arrays, for places.c only.
 *
 * Defined in $(BUILD)/gen/places_data.c, which scripts/places.mjs writes
 * from the data packages (docs/gazetteer.md). Everything is const and
 * static for the life of the program; nothing here is owned by a caller.
 *
 * Entries: countries [0, n_country) in code order, then regions
 * [n_country, n_country + n_region), then cities. Per entry:
 *   ent_name  offset of its international name in the pool
 *   ent_lat/lon  1e-5 degrees, RR_PL_UNKNOWN when not known
 *   ent_pop   population, 0 when not known
 *   ent_cc    index of its country
 *   ent_up    city: its first-level region + 1; level-2 region: its parent
 *             + 1; 0: none (region numbers count from 0 at n_country)
 *   ent_feat  index into rr_pl_feat (GeoNames feature code; "" unknown)
 * Names besides an entry's own, sorted by entry: xn_ent holds entry * 16
 * + kind (RR_PL_NK_*), xn_str the pool offset.
 * Keys, sorted by hash and then by rank within one folded key: key_hash
 * is FNV-1a of the folded name, key_ref the name it was made of: with
 * RR_PL_REF_XN a row of xn_*, else an entry's own name; RR_PL_REF_WORD
 * when the folded name is also an ordinary Dutch word, RR_PL_REF_UMLAUT
 * when the key folds ä ö ü as ae oe ue.
 * country_code holds the codes as "AD\0AE\0...", three bytes each.
 * Folding: fold_cp (sorted) maps a code point to fold_to, up to four ASCII
 * bytes packed low byte first (0: the code point is dropped). */
#ifndef RR_PLACES_DATA_H
#define RR_PLACES_DATA_H

#include <stdint.h>

#define RR_PL_UNKNOWN INT32_MIN

#define RR_PL_NK_ALT 0u
#define RR_PL_NK_NL 1u
#define RR_PL_NK_NLALT 2u
#define RR_PL_NK_ADJ 3u

#define RR_PL_REF_XN 0x80000000u
#define RR_PL_REF_WORD 0x40000000u
#define RR_PL_REF_UMLAUT 0x20000000u
#define RR_PL_REF_ID 0x0FFFFFFFu

extern const uint32_t rr_pl_n_ent, rr_pl_n_country, rr_pl_n_region, rr_pl_n_xn,
	rr_pl_n_key, rr_pl_n_fold, rr_pl_n_feat, rr_pl_max_same, rr_pl_pool_size;
extern const char *const rr_pl_feat[];
extern const char rr_pl_country_code[];
extern const uint32_t rr_pl_fold_cp[], rr_pl_fold_to[];
extern const uint32_t rr_pl_ent_name[];
extern const int32_t rr_pl_ent_lat[], rr_pl_ent_lon[];
extern const uint32_t rr_pl_ent_pop[];
extern const uint8_t rr_pl_ent_cc[];
extern const uint16_t rr_pl_ent_up[];
extern const uint8_t rr_pl_ent_feat[];
extern const uint32_t rr_pl_xn_ent[], rr_pl_xn_str[];
extern const uint32_t rr_pl_key_hash[], rr_pl_key_ref[];
extern const uint32_t rr_pl_region_code[];
extern const char rr_pl_pool[];

#endif
