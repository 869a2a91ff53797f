package org.qingyuan.ledger.web;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.evidence.EquipmentDisposal;
import org.qingyuan.evidence.EvidenceCategory;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.policy.Policies;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Fact;
import org.qingyuan.ledger.FactSource;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Industry;
import org.qingyuan.ledger.IndustryGroup;
import org.qingyuan.ledger.Premises;
import org.qingyuan.ledger.WithdrawalReason;
import org.qingyuan.ledger.internal.DivisionNames;
import org.qingyuan.shared.NavigationItem;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;

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
