package org.qingyuan.ledger.web;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.AttachmentJson;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.evidence.RemovedEquipment;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** An enterprise's dossier as JSON: attachments and the removed-equipment list under {@code /api/v1/enterprises/{id}}. */
@RestController
@RequestMapping("/api/v1/enterprises")
class DossierApiController {

    private final Ledger ledger;
    private final Dossier dossier;

    DossierApiController(Ledger ledger, Dossier dossier) {
        this.ledger = ledger;
        this.dossier = dossier;
    }

    @GetMapping("/{id}/attachments")
    List<AttachmentJson> attachments(@PathVariable long id) {
        ledger.get(EnterpriseId.of(id), scope());
        return dossier.attachments(EvidenceOwner.enterprise(id), scope()).stream().map(AttachmentJson::of).toList();
    }

    /** Uploads a file (multipart: {@code file}, {@code category}, optional {@code note}). */
    @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    AttachmentJson attach(@PathVariable long id, @RequestPart(value = "file", required = false) MultipartFile file,
                          @RequestParam(value = "category", required = false) String category,
                          @RequestParam(value = "note", required = false) String note) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        return AttachmentJson.of(Uploads.attach(dossier, enterprise, file, category, note));
    }

    /** A row of the removed-equipment list. */
    record EquipmentJson(Long id, String name, String model, Integer quantity, String disposal, String disposalName, String note,
                         java.time.Instant recordedAt, String recordedBy) {

        static EquipmentJson of(RemovedEquipment e) {
            return new EquipmentJson(e.id(), e.name(), e.model(), e.quantity(), e.disposal().name(), e.disposal().label(),
                    e.note(), e.recordedAt(), e.recordedBy());
        }
    }

    @GetMapping("/{id}/equipment")
    List<EquipmentJson> equipment(@PathVariable long id) {
        ledger.get(EnterpriseId.of(id), scope());
        return dossier.equipment(EvidenceOwner.enterprise(id), scope()).stream().map(EquipmentJson::of).toList();
    }

    @PostMapping("/{id}/equipment")
    @ResponseStatus(HttpStatus.CREATED)
    EquipmentJson recordEquipment(@PathVariable long id, @RequestBody EquipmentJson body) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        List<FieldError> errors = new ArrayList<>();
        EquipmentDisposal disposal = EnterpriseMapping.parse(EquipmentDisposal.class, body.disposal(), "disposal", "处置方式", errors);
        ValidationException.throwIfAny(errors);
        return EquipmentJson.of(dossier.recordEquipment(EvidenceOwner.enterprise(id), enterprise.details().division(),
                body.name(), body.model(), body.quantity() == null ? 0 : body.quantity(), disposal, body.note()));
    }

    private static Scope scope() {
        return CurrentUsers.require().scope();
    }
}
