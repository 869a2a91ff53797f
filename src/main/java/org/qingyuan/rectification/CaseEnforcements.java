package org.qingyuan.rectification;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.shared.InvalidInputException;

/** The 联合执法 actions of a case, and those recorded since it was loaded (to store). */
final class CaseEnforcements {

    private final List<JointEnforcement> all;
    private final List<JointEnforcement> added = new ArrayList<>();

    CaseEnforcements(List<JointEnforcement> stored) {
        this.all = new ArrayList<>(stored);
    }

    /** Records an action; a joint enforcement takes at least two departments. */
    void record(JointEnforcement action) {
        if (action.departmentCodes().size() < 2) {
            throw new InvalidInputException("departmentCodes", "联合执法须有至少两个部门参加");
        }
        all.add(action);
        added.add(action);
    }

    List<JointEnforcement> all() {
        return List.copyOf(all);
    }

    List<JointEnforcement> added() {
        return List.copyOf(added);
    }
}
