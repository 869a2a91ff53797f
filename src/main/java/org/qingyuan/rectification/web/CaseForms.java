package org.qingyuan.rectification.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.Permit;
import org.qingyuan.rectification.Requirement;
import org.springframework.web.multipart.MultipartFile;

/** Records an item with files uploaded in the same request: the files go into the case's dossier first. */
final class CaseForms {

    private CaseForms() {
    }

    static CaseView recordWithFiles(Cases cases, long id, int version, Requirement requirement, String note, List<Long> evidenceIds,
                                    List<MultipartFile> files, MultipartFile confirmation, Long utilityConfirmationId,
                                    Permit permit, CurrentUser actor) {
        List<Long> ids = new ArrayList<>(evidenceIds == null ? List.of() : evidenceIds);
        try {
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    ids.add(cases.upload(id, EvidenceCategory.AFTER, file.getOriginalFilename(), requirement.label(),
                            file.getInputStream(), actor.scope()).id());
                }
            }
            Long confirmationId = utilityConfirmationId;
            if (confirmation != null && !confirmation.isEmpty()) {
                confirmationId = cases.upload(id, EvidenceCategory.LEGAL_DOCUMENT, confirmation.getOriginalFilename(),
                        requirement.label() + "：供水/供电单位确认", confirmation.getInputStream(), actor.scope()).id();
            }
            return cases.recordItem(id, version, new Cases.ItemCommand(requirement, note, ids, confirmationId, permit), actor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
