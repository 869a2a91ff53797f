package org.qingyuan.complaint.internal;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.complaint.Complaint;
import org.qingyuan.complaint.Reporter;
import org.springframework.stereotype.Service;

/** The reporter's contact for the officers' pages: masked for everyone, in full for the permission holder with a reason. */
@Service
public class ReporterAccess {

    private final ComplaintHandling handling;
    private final ReporterVault vault;

    ReporterAccess(ComplaintHandling handling, ReporterVault vault) {
        this.handling = handling;
        this.vault = vault;
    }

    public Reporter masked(Complaint c) {
        return vault.masked(c);
    }

    /** The route allows only REPORTER_UNMASK holders; the complaint must lie in the caller's jurisdiction. */
    public Reporter unmask(long id, String reason, CurrentUser user) {
        return vault.unmask(handling.get(id, user.scope()), reason);
    }
}
