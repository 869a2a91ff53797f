package org.qingyuan.patrol.internal;

import java.time.LocalDate;
import java.util.List;

/**
 * One night of a town's night-patrol rota (夜查排班): the duty leader (带班领导) and the people on duty.
 *
 * @param patrolId the night patrol recorded for it, or null
 */
public record RotaEntry(long id, String townCode, LocalDate night, String leader, List<String> members, String note,
                        Long patrolId, int version) {

    /** Leader and members, the leader first. */
    public List<String> crew() {
        var all = new java.util.ArrayList<String>();
        all.add(leader);
        members.stream().filter(m -> !m.equals(leader)).forEach(all::add);
        return all;
    }
}
