package org.qingyuan.utility.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.utility.LicenceAction;
import org.qingyuan.utility.internal.LicenceService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Licence actions under {@code /api/v1/licence-actions}: the list of the jurisdiction ({@code ?enterprise=} for one
 * enterprise, newest first: the first is its licence state), and market regulation's record (multipart with the
 * decision {@code document}).
 */
@RestController
@RequestMapping("/api/v1/licence-actions")
class LicenceApiController {

    private final LicenceService licences;

    LicenceApiController(LicenceService licences) {
        this.licences = licences;
    }

    /** One action as the API shows it, with the licence state it leaves. */
    record ActionJson(long id, long enterpriseId, String enterpriseName, String kind, String kindName, LocalDate decidedOn,
                      String documentNo, String governmentOrder, String note, long attachmentId, String recordedBy, Instant recordedAt,
                      String licenceState) {

        static ActionJson of(LicenceAction a) {
            return new ActionJson(a.id(), a.enterpriseId(), a.enterpriseName(), a.kind().name(), a.kind().label(), a.decidedOn(),
                    a.documentNo(), a.governmentOrder(), a.note(), a.attachmentId(), a.recordedBy(), a.recordedAt(), a.licenceState());
        }
    }

    @GetMapping
    List<ActionJson> list(@RequestParam(required = false) String enterprise) {
        return licences.list(CurrentUsers.require().scope(), Uploads.id(enterprise, "enterprise")).stream().map(ActionJson::of).toList();
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ActionJson record(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String kind,
                      @RequestParam(required = false) String decidedOn, @RequestParam(required = false) String documentNo,
                      @RequestParam(required = false) String governmentOrder, @RequestParam(required = false) String note,
                      @RequestPart(name = "document", required = false) MultipartFile document) {
        return ActionJson.of(licences.record(CurrentUsers.require(), new LicenceService.NewAction(Uploads.id(enterpriseId, "enterpriseId"),
                Uploads.kind(kind), Uploads.date(decidedOn, "decidedOn"), documentNo, governmentOrder, note, Uploads.file(document))));
    }
}
