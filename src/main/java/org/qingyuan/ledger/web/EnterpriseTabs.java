package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.ledger.EnterpriseQueryParameters;
import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.evidence.Dossier;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.evidence.EvidenceKind;
import org.qingyuan.evidence.EvidenceOwner;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.springframework.util.MultiValueMap;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.IndustryGroup;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.Registration;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enterprise page: its header, the tab asked for, its duplicates and the links other modules add. */
@Component
class EnterpriseTabs {

    private final Ledger ledger;
    private final Classifications classifications;
    private final List<org.qingyuan.ledger.EnterpriseLinks> links;
    private final DeclaredFacts declaredFacts;

    EnterpriseTabs(Ledger ledger, Classifications classifications, List<org.qingyuan.ledger.EnterpriseLinks> links,
                   DeclaredFacts declaredFacts) {
        this.ledger = ledger;
        this.classifications = classifications;
        this.links = links;
        this.declaredFacts = declaredFacts;
    }

    String tab(long id, String tab, Model model) {
        return tab(id, tab, model, classifications.current(EnterpriseId.of(id), scope()));
    }

    String tab(long id, String tab, Model model, EnterpriseClassification cls) {
        model.addAttribute("cls", cls);
        EnterpriseId enterpriseId = EnterpriseId.of(id);
        Enterprise enterprise = ledger.get(enterpriseId, scope());
        model.addAttribute("e", enterprise);
        model.addAttribute("d", enterprise.details());
        model.addAttribute("declaredFactList", declaredFactsOf(enterprise.details().facts()));
        model.addAttribute("duplicates", ledger.openDuplicates(enterpriseId, scope()));
        model.addAttribute("related", links.stream().flatMap(l -> l.linksFor(enterpriseId, scope()).stream()).toList());
        model.addAttribute("tab", tab);
        model.addAttribute("distance", new Distances(enterprise.details().place()));
        return "ledger/show";
    }

    /** The active plan's own facts and those recorded on the enterprise under another plan. */
    private List<DeclaredFact> declaredFactsOf(Facts facts) {
        List<DeclaredFact> shown = new ArrayList<>(declaredFacts.active());
        for (String name : facts.declared().keySet()) {
            if (shown.stream().noneMatch(f -> f.name().equals(name))) {
                shown.add(declaredFacts.find(name).orElse(new DeclaredFact(name, name, null, "是", "否")));
            }
        }
        return shown;
    }

    static Scope scope() {
        return CurrentUsers.require().scope();
    }

    /** A refused change as one line for the page: the messages of all fields, or the conflict. */
    static void failure(RedirectAttributes redirect, RuntimeException e) {
        redirect.addFlashAttribute("failure", e instanceof ValidationException v
                ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                : e.getMessage());
    }
}
