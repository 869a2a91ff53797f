package org.qingyuan.patrol.internal;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.patrol.Revisit;
import org.qingyuan.patrol.RevisitsDue;
import org.springframework.stereotype.Component;

/** The revisits list's {@code SOON} filter, read for other modules. */
@Component
class DueRevisits implements RevisitsDue {

    private final Revisits revisits;

    DueRevisits(Revisits revisits) {
        this.revisits = revisits;
    }

    @Override
    public List<Revisit> dueSoon(Scope scope, int limit) {
        return revisits.list(scope, "SOON", limit);
    }
}
