package org.qingyuan.patrol;

import java.util.List;

import org.qingyuan.access.Scope;

/** The revisits (回头看) due inside a jurisdiction, for other modules' overviews (a home page's today's work). */
public interface RevisitsDue {

    /** The revisits still due within the reminder window or overdue, earliest first, at most {@code limit}. */
    List<Revisit> dueSoon(Scope scope, int limit);
}
