package org.qingyuan.audit.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.audit.AuditVerification;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Re-computes every hash in id order, streaming, and compares the daily anchors with the chain. */
@Component
class ChainVerifier {

    private final JdbcTemplate jdbc;

    ChainVerifier(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public AuditVerification verify() {
        Map<Long, String> anchors = new HashMap<>();
        jdbc.query("SELECT last_id, head_hash FROM audit_anchor", rs -> {
            anchors.put(rs.getLong(1), rs.getString(2));
        });
        long[] checked = {0};
        Long[] firstBroken = {null};
        String[] expectedPrev = {AuditRecord.GENESIS};
        int[] anchorsSeen = {0};
        jdbc.setFetchSize(1000);
        jdbc.query("""
                SELECT id, occurred_at, username, role_code, division_code, client_address, action, object_type,
                       object_id, outcome, reason, details, prev_hash, hash
                  FROM audit_record ORDER BY id
                """, rs -> {
            AuditRecord record = new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                    rs.getString("username"), rs.getString("role_code"), rs.getString("division_code"),
                    rs.getString("client_address"), rs.getString("action"), rs.getString("object_type"),
                    rs.getString("object_id"), rs.getString("outcome"), rs.getString("reason"), rs.getString("details"),
                    rs.getString("prev_hash"), rs.getString("hash"));
            checked[0]++;
            boolean linked = record.prevHash().equals(expectedPrev[0]);
            boolean sealed = record.hash().equals(record.computeHash());
            String anchored = anchors.get(record.id());
            if (anchored != null) {
                anchorsSeen[0]++;
            }
            boolean anchorHolds = anchored == null || anchored.equals(record.hash());
            if (firstBroken[0] == null && !(linked && sealed && anchorHolds)) {
                firstBroken[0] = record.id();
            }
            expectedPrev[0] = record.hash();
        });
        boolean allAnchorsFound = anchorsSeen[0] == anchors.size();
        return new AuditVerification(firstBroken[0] == null && allAnchorsFound, checked[0], firstBroken[0], anchors.size());
    }
}
