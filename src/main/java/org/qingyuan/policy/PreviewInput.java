package org.qingyuan.policy;

import org.qingyuan.shared.DivisionCode;

/**
 * One enterprise as the activation preview sees it.
 *
 * @param key the caller's identifier, e.g. the ledger's enterprise id
 * @param facts its facts
 * @param division where it lies, to find its zone; may be null
 * @param zoneOverride its own zone when set per enterprise, else null
 */
public record PreviewInput(String key, Facts facts, DivisionCode division, String zoneOverride) {
}
