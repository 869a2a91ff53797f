package org.qingyuan.supervision;

/**
 * A town's figures from one round: its reported completion rate when drawn (closed out / all cases) beside the
 * estimate of how many of its close-outs hold up, and whether the reported figure lies above what the inspections
 * allow (possibly over-reporting, 假报).
 *
 * @param reportedRate closed-out cases / all cases of the town in the frozen list, or null without cases
 * @param trueLow the reported rate × the estimate's lower end: the interval of the true completion rate
 */
public record TownEstimate(String townCode, String townName, int enterprises, int drawn, int inspected, int problems,
                           int cases, int closedOut, Double reportedRate, HoldUpEstimate holdUp, Double trueLow, Double trueHigh,
                           boolean possiblyOverReporting) {
}
