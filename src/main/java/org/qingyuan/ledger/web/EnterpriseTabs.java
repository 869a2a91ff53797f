package org.qingyuan.ledger.web;

import java.util.ArrayList;
import java.util.List;

import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.EnterpriseClassification;
import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.ledger.DeclaredFact;
import org.qingyuan.ledger.DeclaredFacts;
import org.qingyuan.ledger.Facts;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The enterprise page: its header, the tab asked for, its duplicates and the links and panels other modules add. */
@Component
class EnterpriseTabs {

    private final Ledger ledger;
    private final Classifications classifications;
    private final List<org.qingyuan.ledger.EnterpriseLinks> links;
    private final List<org.qingyuan.ledger.EnterprisePanels> panels;
    private final DeclaredFacts declaredFacts;

    EnterpriseTabs(Ledger ledger, Classifications classifications, List<org.qingyuan.ledger.EnterpriseLinks> links,
                   List<org.qingyuan.ledger.EnterprisePanels> panels, DeclaredFacts declaredFacts) {
        this.ledger = ledger;
        this.classifications = classifications;
        this.links = links;
        this.panels = panels;
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
        model.addAttribute("panels", "history".equals(tab)
                ? panels.stream().flatMap(p -> p.panelsFor(enterpriseId, scope()).stream()).toList() : List.of());
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
