package org.qingyuan.complaint;

/** Where a complaint stands; the label is what officers see, the public label what the reporter sees. */
public enum ComplaintState {
    /** Received, waiting for the district office's triage. */
    RECEIVED("待分办", "已受理"),
    /** Triaged: the place is known, not yet handed to the town. */
    TRIAGED("已分办", "已受理"),
    /** Handed to the town with a deadline in working days. */
    ASSIGNED("待核查", "核查中"),
    /** Checked on site (check-in and photos), not yet decided. */
    VERIFIED("已核查", "核查中"),
    /** Founded: linked to the ledger entry or filed as a lead, the case opened or reopened. */
    FOUNDED("属实", "已查实"),
    /** Not founded, with the reason. */
    UNFOUNDED("不属实", "经核查不属实"),
    /** The answer was given to the reporter. */
    REPLIED("已答复", "已答复"),
    /** The reporter rated the answer. */
    RATED("已评价", "已评价");

    private final String label;
    private final String publicLabel;

    ComplaintState(String label, String publicLabel) {
        this.label = label;
        this.publicLabel = publicLabel;
    }

    public String label() {
        return label;
    }

    public String publicLabel() {
        return publicLabel;
    }

    /** Still being handled: counts against the deadline. */
    public boolean inHand() {
        return this == RECEIVED || this == TRIAGED || this == ASSIGNED || this == VERIFIED;
    }

    /** Closed for Open311: answered. */
    public boolean closed() {
        return this == REPLIED || this == RATED;
    }
}
