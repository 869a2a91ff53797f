package org.qingyuan.access.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The decision on a pending two-person request (an API token request, an account request): recorded once, by
 * someone other than the requester, and never over an earlier decision.
 */
final class RequestDecisions {

    /** The request tables whose rows carry state, requested_by, decided_by, decided_at and decision_reason. */
    enum Table { api_token_request, admin_account_request }

    private RequestDecisions() {
    }

    /**
     * Sets the state of a PENDING request; refuses the requester's own decision and a request already decided
     * ({@code stateLabel} names its current state in Chinese).
     */
    static void decide(JdbcClient jdbc, Clock clock, Table table, long id, String requestedBy, String stateLabel,
                       CurrentUser approver, String state, String reason) {
        if (requestedBy.equals(approver.username())) {
            throw new InvalidInputException("state", "不能审批自己提交的申请，须由另一名管理员审批");
        }
        int updated = jdbc.sql("UPDATE " + table.name() + """
                         SET state = :state, decided_by = :by, decided_at = :at, decision_reason = :reason
                         WHERE id = :id AND state = 'PENDING'
                        """)
                .param("state", state).param("by", approver.username()).param("at", Timestamp.from(Instant.now(clock)))
                .param("reason", reason).param("id", id).update();
        if (updated == 0) {
            throw new InvalidInputException("state", "该申请" + stateLabel + "，不能再审批");
        }
    }
}
