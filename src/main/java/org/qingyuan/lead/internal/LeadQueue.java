package org.qingyuan.lead.internal;

import java.time.Instant;

/** A town's queue: how many leads wait in it, and since when the oldest one does. */
public record LeadQueue(String town, long open, Instant oldest) {
}
