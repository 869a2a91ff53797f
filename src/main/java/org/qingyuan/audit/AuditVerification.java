package org.qingyuan.audit;

/**
 * The result of re-computing the hash chain.
 *
 * @param intact true when every record's hash matches its content and its predecessor, and every anchor matches the chain
 * @param checked how many records were checked
 * @param firstBrokenId the first record whose hash or link does not match, or null
 * @param anchorsChecked how many daily anchors were compared with the chain
 */
public record AuditVerification(boolean intact, long checked, Long firstBrokenId, int anchorsChecked) {
}
