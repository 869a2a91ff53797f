package org.qingyuan.rectification;

import org.qingyuan.shared.ConflictException;

/** Where a case stands, in the words of the official forms. */
public enum CaseState {
    /** 已登记: opened from the classification, work not started. */
    REGISTERED("已登记"),
    /** 整治中: work under way (补办手续 / 正在整治 / 正在拆除 / 搬迁中 by measure). */
    IN_PROGRESS("整治中"),
    /** 已升级: the deadline passed and the policy's escalation applied (e.g. relocation → shutdown); work goes on. */
    ESCALATED("已升级"),
    /** 重新打开: a closed case opened again (rebound, or a changed classification); work goes on. */
    REOPENED("重新打开"),
    /** 待验收: every required item recorded, waiting for the on-site acceptance. */
    AWAITING_ACCEPTANCE("待验收"),
    /** 验收通过: accepted on site by a second person, waiting for the town's close-out approval. */
    ACCEPTED("验收通过"),
    /** 已销号: closed out with its date; leaves the active ledger. */
    CLOSED_OUT("已销号"),
    /** 已撤销: the classification no longer calls for a measure (不属于整治范围, 待定 or 严格监管); kept with its timeline, reopened by a new measure. */
    WITHDRAWN("已撤销");

    private final String label;

    CaseState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * An open case is one not finished: neither closed out nor withdrawn. Its deadlines run, it can be overdue, it counts
     * on the board. This is the platform's one meaning of "open case"; {@link #openSql} says the same in SQL.
     */
    public boolean open() {
        return this != CLOSED_OUT && this != WITHDRAWN;
    }

    /** True while work on the items may be recorded: open, and neither waiting for nor past the acceptance. */
    public boolean acceptsWork() {
        return open() && this != AWAITING_ACCEPTANCE && this != ACCEPTED;
    }

    /** Refuses {@code what} (记录整治情况, 提请验收 …) unless a case in this state accepts work. */
    void requireAcceptsWork(String what) {
        refuseUnless(acceptsWork(), "不能" + what);
    }

    /** Refuses a step this state does not allow (409, nothing changed), naming the state. */
    void refuseUnless(boolean allowed, String refusal) {
        if (!allowed) {
            throw new ConflictException("当前状态为“" + label + "”，" + refusal);
        }
    }

    /** Where a case stands once work on it is recorded: a registered case is then in progress. */
    CaseState withWorkStarted() {
        return this == REGISTERED ? IN_PROGRESS : this;
    }

    /** Where a case stands when its plan follows a new classification: back to work, or reopened when it was withdrawn. */
    CaseState realigned() {
        return this == AWAITING_ACCEPTANCE || this == ACCEPTED ? IN_PROGRESS : this == WITHDRAWN ? REOPENED : this;
    }

    /** The SQL condition "the case whose state is in {@code column} is open", made from {@link #open()}. */
    public static String openSql(String column) {
        return column + " NOT IN (" + java.util.Arrays.stream(values()).filter(s -> !s.open()).map(s -> "'" + s.name() + "'")
                .collect(java.util.stream.Collectors.joining(", ")) + ")";
    }
}
