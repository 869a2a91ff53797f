package org.qingyuan.ledger.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.qingyuan.access.ActingUsers;
import org.qingyuan.ledger.Enterprise;
import org.springframework.stereotype.Component;

/** Who acts and when, for the ledger's commands: the acting user and the injected clock (to the microsecond, as stored). */
@Component
class Stamps {

    private final ActingUsers actors;
    private final Clock clock;

    Stamps(ActingUsers actors, Clock clock) {
        this.actors = actors;
        this.clock = clock;
    }

    Enterprise.Stamp now() {
        return new Enterprise.Stamp(Instant.now(clock).truncatedTo(ChronoUnit.MICROS), actors.username(), actors.displayName());
    }
}
