package org.qingyuan.policy;

import java.util.List;

/**
 * When a closed-out enterprise is revisited (回头看): the months after its close-out day, and how many days before
 * each revisit's day the grid members are reminded. A plan declares it under {@code revisits:}; a plan whose document
 * says only "定期组织开展回头看" (004) or nothing keeps {@link #DEFAULT}.
 *
 * @param afterMonths ascending, 1–36 each, one to twelve of them
 * @param source where it comes from: the plan's section, or the platform's reading
 */
public record RevisitSchedule(List<Integer> afterMonths, int remindDaysBefore, String source) {

    /** 1, 3 and 6 months after the close-out, reminded a week before: the platform's reading of "定期" (regularly). */
    public static final RevisitSchedule DEFAULT = new RevisitSchedule(List.of(1, 3, 6), 7,
            "平台默认：方案未规定回头看时间，按销号后 1、3、6 个月各回访一次");

    public RevisitSchedule {
        afterMonths = List.copyOf(afterMonths);
    }
}
