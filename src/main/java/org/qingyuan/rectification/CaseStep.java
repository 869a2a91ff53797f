package org.qingyuan.rectification;

import java.time.Instant;

/** One entry of a case's timeline: what was done, by whom, when. */
public record CaseStep(StepKind kind, String by, Instant at, String detail) {
}
