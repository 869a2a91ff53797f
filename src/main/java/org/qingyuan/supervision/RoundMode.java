package org.qingyuan.supervision;

/** How a round inspects: announced to the towns (明察) or covert until done (暗访). */
public enum RoundMode {
    OPEN("明察"),
    COVERT("暗访");

    private final String label;

    RoundMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
