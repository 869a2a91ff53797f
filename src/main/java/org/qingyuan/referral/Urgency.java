package org.qingyuan.referral;

/** How urgent a referral is (000 三). */
public enum Urgency {
    /** Written notice within the plan's working days (000: 5 个工作日). */
    NORMAL("一般"),
    /** A grave pollution risk or social impact: to the district government at once, due the same day. */
    URGENT("紧急");

    private final String label;

    Urgency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
