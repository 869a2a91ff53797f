package org.qingyuan.lead;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.shared.DivisionCode;

/**
 * A finding to file as a lead.
 *
 * @param source where it was found (the ledger's {@link Discovery}, which the enterprise keeps when confirmed)
 * @param sourceRef the finding's own reference (a check-in, a complaint number, a superior's document), or null; a
 *                  second lead with the same source and reference answers the first (a phone's resend)
 * @param division the village where the site is, or the town when the village is not known
 * @param name the name on the sign, if any
 * @param description what was seen (required)
 */
public record NewLead(Discovery source, String sourceRef, DivisionCode division, String name, String address, Double longitude,
                      Double latitude, String description) {
}
