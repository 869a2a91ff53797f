package org.qingyuan.policy;

import org.qingyuan.shared.InvalidInputException;

/** A policy file that cannot be used: its line (1-based) and the reason in Chinese. Answered as 400. */
public class PolicyFormatException extends InvalidInputException {

    private final int line;
    private final String reason;

    public PolicyFormatException(int line, String reason) {
        super("content", line > 0 ? "第 " + line + " 行：" + reason : reason);
        this.line = line;
        this.reason = reason;
    }

    /** The 1-based line, or 0 when the whole file is concerned. */
    public int line() {
        return line;
    }

    public String reason() {
        return reason;
    }
}
