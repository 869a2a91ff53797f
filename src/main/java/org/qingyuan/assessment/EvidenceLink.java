package org.qingyuan.assessment;

/**
 * A record that an indicator value or an accountability record rests on: a case, a late report submission, a
 * rebound check-in, a supervision finding.
 *
 * @param type what it is, e.g. {@code CASE}, {@code SUBMISSION}, {@code CHECK_IN}, {@code SUPERVISION_FINDING}, {@code QUARTER}
 * @param id its id in its module
 * @param label what it says, in Chinese
 * @param href where it is shown, e.g. {@code /cases/12}
 */
@org.springframework.modulith.NamedInterface("spi")
public record EvidenceLink(String type, String id, String label, String href) {
}
