package org.qingyuan.lead.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.NewLead;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.patrol.SuspectedSiteReported;
import org.qingyuan.shared.DivisionCode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A patrol's suspected site becomes a lead in its town's queue, in the check-in's own transaction (a check-in is never
 * recorded without its lead), filed as the grid member who checked in, with the check-in's position and a copy of its
 * photos (the check-in keeps its own). The check-in is the lead's source reference, so a resent check-in files nothing.
 */
@Component
class PatrolFindings {

    private final LeadService leads;
    private final Dossier dossier;

    PatrolFindings(LeadService leads, Dossier dossier) {
        this.leads = leads;
        this.dossier = dossier;
    }

    @EventListener
    void on(SuspectedSiteReported found) {
        DivisionCode division = DivisionCode.of(found.divisionCode());
        Scope scope = Scope.of(division);
        String note = found.note() == null || found.note().isBlank() ? "巡查发现疑似“散乱污”场所（见现场照片）" : found.note();
        Lead lead = leads.report(new NewLead(Discovery.PATROL, "巡查打卡 #" + found.checkInId(), division, null, null,
                found.longitude(), found.latitude(), note), scope);
        if (!leads.photos(lead.id(), scope).isEmpty()) {
            return;   // filed before, photos and all
        }
        for (Long photoId : found.photoIds()) {
            Attachment photo = dossier.attachment(photoId, scope);
            EvidenceContent content = dossier.content(photoId, scope);
            try (InputStream in = content.stream()) {
                leads.attach(lead.id(), photo.fileName(), "巡查打卡 #" + found.checkInId(), in, scope);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
