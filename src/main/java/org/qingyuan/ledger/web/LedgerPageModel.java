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
import org.springframework.web.bind.annotation.ControllerAdvice;
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

/** What every ledger page shows: the code lists with their Chinese labels, and which change buttons the user may see. */
@ControllerAdvice(assignableTypes = {EnterprisePageController.class, ClassificationPageController.class, DossierPageController.class})
class LedgerPageModel {

    private final DivisionNames names;
    private final org.qingyuan.access.RouteAccess routes;
    private final Policies policies;
    private final DeclaredFacts declaredFacts;

    LedgerPageModel(DivisionNames names, org.qingyuan.access.RouteAccess routes, Policies policies, DeclaredFacts declaredFacts) {
        this.names = names;
        this.routes = routes;
        this.policies = policies;
        this.declaredFacts = declaredFacts;
    }

    @Bean
    static NavigationItem ledgerNavigation() {
        return new NavigationItem("台账", "企业台账", "/enterprises", 100);
    }

    @Bean
    static NavigationItem ledgerRegisterNavigation() {
        return new NavigationItem("台账", "登记企业", "/enterprises/new", 110);
    }

    @ModelAttribute
    void labels(Model model) {
        model.addAttribute("types", EnterpriseType.values());
        model.addAttribute("industries", Industry.values());
        model.addAttribute("industryGroups", IndustryGroup.values());
        model.addAttribute("discoveries", Discovery.values());
        model.addAttribute("premisesValues", Premises.values());
        model.addAttribute("factList", Fact.values());
        // the active plan's own facts: fields of the form after the eleven, with the plan's Chinese labels
        model.addAttribute("declaredFactList", declaredFacts.active());
        model.addAttribute("declaringPolicy", policies.active().map(p -> p.info().title()).orElse(null));
        model.addAttribute("factSources", FactSource.values());
        model.addAttribute("withdrawalReasons", WithdrawalReason.values());
        model.addAttribute("categories", EvidenceCategory.values());
        model.addAttribute("disposals", EquipmentDisposal.values());
        model.addAttribute("names", names);
        // buttons for changes only where the route table lets the user make them
        model.addAttribute("canEdit", CurrentUsers.current().map(u -> routes.allows(u, "POST", "/enterprises")).orElse(false));
        model.addAttribute("canClassify", CurrentUsers.current()
                .map(u -> routes.allows(u, "POST", "/enterprises/1/classification/override")).orElse(false));
        model.addAttribute("canSetNoticeDate", CurrentUsers.current()
                .map(u -> routes.allows(u, "POST", "/enterprises/1/classification/notice-date")).orElse(false));
    }
}
