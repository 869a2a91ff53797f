package org.qingyuan.supervision;

/** The tracking ledger's steps: 发现一家、移交一家，到位一家、销号一家 (001 四). */
public enum ProblemState {
    FOUND("已发现"),
    HANDED_OVER("已移交"),
    RECTIFIED("已报整改"),
    VERIFIED("已核实"),
    CLOSED_OUT("已销号");

    private final String label;

    ProblemState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean open() {
        return this != CLOSED_OUT;
    }
}
