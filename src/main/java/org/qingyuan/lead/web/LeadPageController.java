package org.qingyuan.lead.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.LeadState;
import org.qingyuan.lead.NewLead;
import org.qingyuan.lead.internal.LeadService;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseDetails;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.Page;
import org.qingyuan.shared.ValidationException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 线索核实: the towns' queues of leads (the district sees every town's, with its length and oldest lead), filing a
 * lead (on a phone: what, where, the position and photos), and a lead's page where the town confirms it into the
 * ledger, merges it into an enterprise there (the ledger's possible duplicates are listed) or dismisses it.
 */
@Controller
@RequestMapping("/leads")
class LeadPageController {

    private static final int PAGE_SIZE = 30;

    private final LeadService leads;
    private final Divisions divisions;
    private final RouteAccess routes;

    LeadPageController(LeadService leads, Divisions divisions, RouteAccess routes) {
        this.leads = leads;
        this.divisions = divisions;
        this.routes = routes;
    }

    @Bean
    static NavigationItem leadsNavigation() {
        return new NavigationItem("台账", "线索核实", "/leads", 120);
    }

    /** A division the forms offer: towns and their villages inside the scope (a lead may name the town only). */
    record Option(String code, String label, boolean town) {
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "OPEN") String state, @RequestParam(required = false) String source,
                @RequestParam(required = false) String division, @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser user = CurrentUsers.require();
        LeadState s = LeadParams.state(state);
        Discovery from = LeadParams.source(source);
        DivisionCode within = LeadParams.division(division, "division");
        Page<Lead> p = leads.list(user.scope(), within, s, from, Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("page", p);
        model.addAttribute("state", s == null ? "ALL" : s.name());
        model.addAttribute("source", from == null ? "" : from.name());
        model.addAttribute("division", within == null ? "" : within.value());
        model.addAttribute("states", LeadState.values());
        model.addAttribute("sources", Discovery.values());
        model.addAttribute("queues", leads.queues(user.scope()));
        model.addAttribute("names", names(p.items()));
        model.addAttribute("townNames", townNames(user));
        model.addAttribute("canReport", routes.allows(user, "GET", "/leads/new"));
        // the list import lives in sheets (Excel in and out); offered to the offices that receive lists, not on a phone
        model.addAttribute("canImport", routes.allows(user, "GET", "/imports/leads")
                && !"GRID_MEMBER".equals(user.roleCode()) && !"VILLAGE_OFFICER".equals(user.roleCode()));
        model.addAttribute("prefix", "/leads?state=" + (s == null ? "ALL" : s.name()) + "&source=" + (from == null ? "" : from.name())
                + "&division=" + (within == null ? "" : within.value()) + "&page=");
        return "lead/list";
    }

    @GetMapping("/new")
    String form(Model model) {
        CurrentUser user = CurrentUsers.require();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("source", defaultSource(user).name());
        if (user.division().level() == DivisionLevel.VILLAGE) {
            form.put("divisionCode", user.division().value());
        }
        return newPage(model, user, form, List.of());
    }

    @PostMapping("/new")
    String report(@RequestParam Map<String, String> form, @RequestParam(value = "photo", required = false) List<MultipartFile> photos,
                  Model model, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        try {
            Lead lead = leads.report(new NewLead(LeadParams.source(form.get("source")), null,
                    LeadParams.division(form.get("divisionCode"), "divisionCode"), form.get("name"), form.get("address"),
                    LeadParams.number(form.get("longitude"), "longitude", "经度"),
                    LeadParams.number(form.get("latitude"), "latitude", "纬度"), form.get("description")), user.scope());
            int attached = 0;
            for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
                if (photo != null && !photo.isEmpty()) {
                    leads.attach(lead.id(), photo.getOriginalFilename(), null, photo.getInputStream(), user.scope());
                    attached++;
                }
            }
            redirect.addFlashAttribute("message", "已上报线索 #" + lead.id() + (attached > 0 ? "（照片 " + attached + " 张）" : "")
                    + "，已通知所在镇（街道）核实");
            return "redirect:/leads/" + lead.id();
        } catch (ValidationException e) {
            return newPage(model, user, form, e.errors());
        } catch (InvalidInputException e) {
            return newPage(model, user, form, List.of(new FieldError(e.field(), e.getMessage())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        Lead lead = leads.get(id, user.scope());
        boolean canDecide = lead.open() && routes.allows(user, "POST", "/leads/" + id + "/dismissal");
        model.addAttribute("lead", lead);
        model.addAttribute("place", divisions.fullName(lead.division()));
        model.addAttribute("photos", leads.photos(id, user.scope()));
        model.addAttribute("canDecide", canDecide);
        model.addAttribute("canAttach", lead.open() && routes.allows(user, "POST", "/leads/" + id + "/photos"));
        if (canDecide) {
            model.addAttribute("candidates", leads.candidates(id, user.scope()));
            if (!model.containsAttribute("form")) {
                EnterpriseDetails draft = leads.draft(lead);
                Map<String, String> form = new LinkedHashMap<>();
                form.put("name", draft.identity().name());
                form.put("divisionCode", draft.place().division() == null ? "" : draft.place().division().value());
                form.put("address", draft.place().address());
                form.put("longitude", draft.place().longitude() == null ? "" : draft.place().longitude().toString());
                form.put("latitude", draft.place().latitude() == null ? "" : draft.place().latitude().toString());
                form.put("type", EnterpriseType.SLW.name());
                model.addAttribute("form", form);
            }
            if (!model.containsAttribute("errors")) {
                model.addAttribute("errors", Map.of());
            }
            model.addAttribute("options", options(user, false));
            model.addAttribute("types", EnterpriseType.values());
        }
        return "lead/show";
    }

    @PostMapping("/{id}/photos")
    String attach(@PathVariable long id, @RequestParam(value = "photo", required = false) MultipartFile photo,
                  RedirectAttributes redirect) {
        if (photo == null || photo.isEmpty()) {
            redirect.addFlashAttribute("error", "请选择要上传的照片");
            return "redirect:/leads/" + id;
        }
        try {
            leads.attach(id, photo.getOriginalFilename(), null, photo.getInputStream(), CurrentUsers.require().scope());
            redirect.addFlashAttribute("message", "已上传照片");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("error", message(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/confirmation")
    String confirm(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            LeadService.Confirmation c = leads.confirm(id, LeadParams.version(form.get("version")), LeadParams.enterprise(form),
                    form.get("reason"), CurrentUsers.require().scope());
            long enterprise = c.registration().id().value();
            redirect.addFlashAttribute("message", "线索 #" + id + " 已登记入台账"
                    + (c.registration().possibleDuplicates().isEmpty() ? "" : "；发现 " + c.registration().possibleDuplicates().size()
                    + " 家可能重复的企业，请在企业页核对"));
            return "redirect:/enterprises/" + enterprise;
        } catch (ValidationException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.errors().forEach(f -> errors.merge(f.field(), f.message(), (a, b) -> a + "；" + b));
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("errors", errors);
            redirect.addFlashAttribute("error", "登记未完成：有 " + errors.size() + " 处需要修改");
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("error", message(e));
        }
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/merge")
    String merge(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return decide(id, redirect, "已并入台账企业", () -> leads.merge(id, LeadParams.version(form.get("version")),
                Long.parseLong(form.getOrDefault("enterpriseId", "0")), form.get("reason"), CurrentUsers.require().scope()));
    }

    @PostMapping("/{id}/dismissal")
    String dismiss(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        return decide(id, redirect, "已排除该线索", () -> leads.dismiss(id, LeadParams.version(form.get("version")), form.get("reason"),
                CurrentUsers.require().scope()));
    }

    private String decide(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (InvalidInputException | ConflictException | NumberFormatException e) {
            redirect.addFlashAttribute("error", e instanceof NumberFormatException ? "请选择要并入的台账企业" : message(e));
        }
        return "redirect:/leads/" + id;
    }

    private String newPage(Model model, CurrentUser user, Map<String, String> form, List<FieldError> errors) {
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.merge(e.field(), e.message(), (a, b) -> a + "；" + b));
        model.addAttribute("form", form);
        model.addAttribute("errors", byField);
        model.addAttribute("sources", Discovery.values());
        model.addAttribute("options", options(user, true));
        if (!errors.isEmpty()) {
            model.addAttribute("error", "有 " + errors.size() + " 处需要修改");
        }
        return "lead/new";
    }

    /** The towns (selectable when {@code towns}) and villages of the user's jurisdiction. */
    private List<Option> options(CurrentUser user, boolean towns) {
        List<Option> options = new ArrayList<>();
        Division root = divisions.find(user.division()).orElse(null);
        if (root == null) {
            return options;
        }
        if (root.level() == DivisionLevel.VILLAGE) {
            options.add(new Option(root.code().value(), Division.shortName(root.name()), false));
            return options;
        }
        List<Division> townList = root.level() == DivisionLevel.TOWN ? List.of(root) : divisions.children(root.code());
        for (Division town : townList) {
            options.add(new Option(towns ? town.code().value() : "", town.name() + (towns ? "（村不明）" : ""), true));
            for (Division village : divisions.children(town.code())) {
                options.add(new Option(village.code().value(), Division.shortName(village.name()), false));
            }
        }
        return options;
    }

    private Map<String, String> names(List<Lead> items) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Lead l : items) {
            names.computeIfAbsent(l.division().value(), c -> divisions.find(DivisionCode.of(c)).map(d -> Division.shortName(d.name())).orElse(c));
            names.computeIfAbsent(l.town().value(), c -> divisions.find(DivisionCode.of(c)).map(Division::name).orElse(c));
        }
        return names;
    }

    private Map<String, String> townNames(CurrentUser user) {
        Map<String, String> names = new LinkedHashMap<>();
        leads.queues(user.scope()).forEach(q -> names.put(q.town(),
                divisions.find(DivisionCode.of(q.town())).map(Division::name).orElse(q.town())));
        return names;
    }

    private static Discovery defaultSource(CurrentUser user) {
        return switch (user.roleCode()) {
            case "DISTRICT_OFFICE" -> Discovery.ASSIGNED;
            case "SUPERVISOR" -> Discovery.SUPERVISION;
            default -> Discovery.PATROL;
        };
    }

    private static String message(RuntimeException e) {
        return e instanceof ValidationException v
                ? v.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b).orElse(e.getMessage())
                : e.getMessage();
    }
}
