package org.qingyuan.utility.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.ledger.EnterpriseSites;
import org.qingyuan.rectification.CaseBrief;
import org.qingyuan.rectification.Cases;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.utility.OrderState;
import org.qingyuan.utility.SupplyAction;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityOrder;
import org.qingyuan.utility.internal.UtilityOrderService;
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

/** The utility orders' pages: the list (a utility's queue), the order form and an order with its confirmation form. */
@Controller
@RequestMapping("/utility-orders")
class UtilityOrderPageController {

    private final UtilityOrderService orders;
    private final Cases cases;
    private final EnterpriseSites sites;
    private final RouteAccess routes;

    UtilityOrderPageController(UtilityOrderService orders, Cases cases, EnterpriseSites sites, RouteAccess routes) {
        this.orders = orders;
        this.cases = cases;
        this.sites = sites;
        this.routes = routes;
    }

    @Bean
    static NavigationItem utilityOrderNavigation() {
        return new NavigationItem("部门联动", "断水断电指令", "/utility-orders", 700);
    }

    @GetMapping
    String list(@RequestParam(required = false) String state, Model model) {
        CurrentUser user = CurrentUsers.require();
        OrderState s = Uploads.parse(OrderState.class, state, "state", "状态应为 ORDERED 或 EXECUTED");
        model.addAttribute("orders", orders.list(user, s, null));
        model.addAttribute("state", s == null ? "" : s.name());
        model.addAttribute("states", OrderState.values());
        model.addAttribute("utility", Utility.ofDepartment(user.departmentCode()).orElse(null));
        model.addAttribute("canOrder", routes.allows(user, "POST", "/utility-orders"));
        return "utility/orders";
    }

    @GetMapping("/new")
    String form(@RequestParam(required = false) String enterprise, Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("enterprise", enterprise == null ? "" : enterprise);
        model.addAttribute("choices", choices(user));
        model.addAttribute("utilities", Utility.values());
        model.addAttribute("actions", SupplyAction.values());
        return "utility/order-form";
    }

    /** The enterprises with an open case of the caller's jurisdiction, to pick from: id → name · measure · state. */
    private Map<Long, String> choices(CurrentUser user) {
        List<CaseBrief> briefs = cases.briefs(user.scope()).values().stream().filter(b -> b.state().open()).limit(2000).toList();
        var named = sites.sites(briefs.stream().map(CaseBrief::enterpriseId).toList());
        Map<Long, String> choices = new LinkedHashMap<>();
        briefs.stream().filter(b -> named.containsKey(b.enterpriseId()))
                .sorted(java.util.Comparator.comparing(b -> named.get(b.enterpriseId()).name()))
                .forEach(b -> choices.put(b.enterpriseId(), named.get(b.enterpriseId()).name() + " · " + b.measureName() + " · "
                        + b.state().label()));
        return choices;
    }

    @PostMapping
    String order(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String utility,
                 @RequestParam(required = false) String action, @RequestParam(required = false) String accountNo,
                 @RequestParam(required = false) String reason, @RequestParam(required = false) String documentNo,
                 @RequestParam(name = "document", required = false) MultipartFile document, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        String back = "/utility-orders/new" + (enterpriseId == null || !enterpriseId.strip().matches("\\d{1,18}") ? "" : "?enterprise=" + enterpriseId.strip());
        return act(redirect, back, () -> {
            UtilityOrder o = orders.order(user, new UtilityOrderService.NewOrder(Uploads.id(enterpriseId, "enterpriseId"),
                    Uploads.utility(utility), Uploads.action(action), accountNo, reason, documentNo, Uploads.file(document))).order();
            redirect.addFlashAttribute("message", "已向" + o.utility().label() + "单位下达" + o.label() + "指令");
            return "/utility-orders/" + o.id();
        });
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        CurrentUser user = CurrentUsers.require();
        UtilityOrderService.OrderView view = orders.get(user, id);
        UtilityOrder o = view.order();
        model.addAttribute("o", o);
        model.addAttribute("files", view.files());
        model.addAttribute("canConfirm", o.state() == OrderState.ORDERED
                && Utility.ofDepartment(user.departmentCode()).orElse(null) == o.utility()
                && routes.allows(user, "POST", "/utility-orders/" + id + "/confirmation"));
        model.addAttribute("now", java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0));
        return "utility/order";
    }

    @PostMapping("/{id}/confirmation")
    String confirm(@PathVariable long id, @RequestParam(required = false) String version, @RequestParam(required = false) String executedAt,
                   @RequestParam(required = false) String note, @RequestParam(name = "document", required = false) MultipartFile document,
                   RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        return act(redirect, "/utility-orders/" + id, () -> {
            UtilityOrder o = orders.confirm(user, id, Uploads.version(version), Uploads.dateTime(executedAt, "executedAt"), note,
                    Uploads.file(document)).order();
            redirect.addFlashAttribute("message", "已确认执行" + (o.caseItem() == null ? "" : "，整治任务的事项已同时记录"));
            return "/utility-orders/" + id;
        });
    }

    static String act(RedirectAttributes redirect, String back, Supplier<String> command) {
        try {
            return "redirect:" + command.get();
        } catch (InvalidInputException | ConflictException | org.springframework.security.access.AccessDeniedException e) {
            // a department officer of another department reaches the form's route but not the action: said on the page
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + back;
    }
}
