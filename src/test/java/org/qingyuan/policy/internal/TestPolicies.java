package org.qingyuan.policy.internal;

import java.util.HashMap;
import java.util.Map;

import org.qingyuan.shared.WorkingDayCalendar;

/** The shipped policy files and calendar, compiled once for unit tests. */
final class TestPolicies {

    static final WorkingDayCalendar CALENDAR = HolidayFiles.shipped();

    private static final Map<String, CompiledPolicy> POLICIES = new HashMap<>();

    private TestPolicies() {
    }

    static synchronized CompiledPolicy load(String id) {
        return POLICIES.computeIfAbsent(id, i -> PolicyParser.parse(HolidayFiles.read("policies/" + i + ".yaml")));
    }
}
