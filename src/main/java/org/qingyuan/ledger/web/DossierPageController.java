package org.qingyuan.ledger.web;

import java.util.List;

import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The dossier tab of an enterprise (一企一档): photos and documents, uploads, the removed-equipment list. */
@Controller
@RequestMapping("/enterprises")
class DossierPageController {

    private final EnterpriseTabs tabs;
    private final Ledger ledger;
    private final Dossier dossier;

    DossierPageController(EnterpriseTabs tabs, Ledger ledger, Dossier dossier) {
        this.tabs = tabs;
        this.ledger = ledger;
        this.dossier = dossier;
    }

    @GetMapping("/{id}/dossier")
    String dossier(@PathVariable long id, Model model) {
        List<Attachment> attachments = dossier.attachments(EvidenceOwner.enterprise(id), scope());
        model.addAttribute("photos", attachments.stream().filter(a -> a.kind() == EvidenceKind.PHOTO).toList());
        model.addAttribute("others", attachments.stream().filter(a -> a.kind() != EvidenceKind.PHOTO).toList());
        model.addAttribute("equipment", dossier.equipment(EvidenceOwner.enterprise(id), scope()));
        return tabs.tab(id, "dossier", model);
    }

    @PostMapping("/{id}/attachments")
    String upload(@PathVariable long id, @RequestParam(value = "file", required = false) MultipartFile file,
                  @RequestParam(required = false) String category, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        try {
            Attachment a = Uploads.attach(dossier, enterprise, file, category, note);
            redirect.addFlashAttribute("saved", "已上传“" + a.fileName() + "”");
        } catch (ValidationException | ConflictException e) {
            EnterpriseTabs.failure(redirect, e);
        }
        return "redirect:/enterprises/" + id + "/dossier";
    }

    @PostMapping("/{id}/equipment")
    String equipment(@PathVariable long id, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String model, @RequestParam(required = false) String quantity,
                     @RequestParam(required = false) String disposal, @RequestParam(required = false) String note,
                     RedirectAttributes redirect) {
        Enterprise enterprise = ledger.get(EnterpriseId.of(id), scope());
        try {
            int count;
            try {
                count = Integer.parseInt(quantity == null ? "" : quantity.strip());
            } catch (NumberFormatException e) {
                count = 0;
            }
            EquipmentDisposal how = disposal == null || disposal.isBlank() ? null : EquipmentDisposal.valueOf(disposal);
            dossier.recordEquipment(EvidenceOwner.enterprise(id), enterprise.details().division(), name, model, count, how, note);
            redirect.addFlashAttribute("saved", "已记录拆除设备“" + name + "”");
        } catch (ValidationException e) {
            EnterpriseTabs.failure(redirect, e);
        }
        return "redirect:/enterprises/" + id + "/dossier";
    }

    private static Scope scope() {
        return EnterpriseTabs.scope();
    }
}
