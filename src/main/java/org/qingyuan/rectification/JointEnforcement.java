package org.qingyuan.rectification;

import java.time.LocalDate;
import java.util.List;

/** 联合执法: an action by several departments when the owner has not cleared by the deadline. */
public record JointEnforcement(LocalDate date, List<String> departmentCodes, String note, String recordedBy) {

    public JointEnforcement {
        departmentCodes = List.copyOf(departmentCodes);
    }
}
