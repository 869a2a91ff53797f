package org.qingyuan.referral;

import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUser;

/**
 * Work addressed to a department that other modules own (e.g. utility orders waiting for the utility), so that the
 * department officer's queue ({@code /departments/queue}) lists all of it without this module depending on them.
 */
@org.springframework.modulith.NamedInterface("spi")
public interface DepartmentWork {

    /** What the caller's department must still do, oldest first; empty for anyone else. */
    List<Item> pending(CurrentUser user);

    /**
     * One thing to do.
     *
     * @param kind what it is, e.g. 断电指令
     * @param label the enterprise or subject
     * @param detail a line of detail (reason, account number)
     * @param since since when it waits
     * @param href where it is done
     */
    record Item(String kind, String label, String detail, LocalDate since, String href) {
    }
}
