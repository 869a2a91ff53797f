package org.qingyuan.gatekeeping;

import java.time.Instant;
import java.util.List;

/**
 * An entry red-line area (禁入红线, 002 五1, 004 四(二)): divisions and/or a polygon where the listed industries (none
 * listed: every production enterprise) may not set up.
 *
 * @param divisionCode the district (or town) that keeps it
 * @param divisionCodes divisions the area covers (a town, villages), may be empty when a boundary is given
 * @param boundary GeoJSON Polygon or MultiPolygon, WGS-84 [lon, lat], or null
 * @param bannedIndustries {@code ledger.Industry} codes or free text; empty: all
 * @param documentAttachmentId the document's file in the evidence store, or null
 */
public record RedLineArea(long id, String divisionCode, String name, List<String> divisionCodes, String boundary,
                          List<String> bannedIndustries, String documentTitle, String documentNumber,
                          Long documentAttachmentId, String legalBasis, boolean active, int version, String updatedBy,
                          Instant updatedAt) {

    /** The banned industries' Chinese names (codes of {@code ledger.Industry} translated, free text as is). */
    public List<String> bannedIndustryLabels() {
        return bannedIndustries.stream().map(c -> {
            try {
                return org.qingyuan.ledger.Industry.valueOf(c).label();
            } catch (IllegalArgumentException freeText) {
                return c;
            }
        }).toList();
    }

    /** 《title》（number）. */
    public String document() {
        return "《" + documentTitle + "》" + (documentNumber == null || documentNumber.isBlank() ? "" : "（" + documentNumber + "）");
    }
}
