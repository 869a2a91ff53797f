package org.qingyuan.utility.web;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.utility.LicenceAction;
import org.qingyuan.utility.LicenceActionKind;
import org.qingyuan.utility.internal.LicenceService;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The licence actions' page: the list of the jurisdiction (or one enterprise's) and market regulation's form. */
@Controller
@RequestMapping("/licence-actions")
class LicencePageController {

    private final LicenceService licences;
    private final RouteAccess routes;

    LicencePageController(LicenceService licences, RouteAccess routes) {
        this.licences = licences;
        this.routes = routes;
    }

    @Bean
    static NavigationItem licenceNavigation() {
        return new NavigationItem("部门联动", "营业执照处理", "/licence-actions", 710);
    }

    @GetMapping
    String list(@RequestParam(required = false) String enterprise, Model model) {
        CurrentUser user = CurrentUsers.require();
        Long id = Uploads.id(enterprise, "enterprise");
        model.addAttribute("actions", licences.list(user.scope(), id));
        model.addAttribute("enterprise", id);
        model.addAttribute("kinds", LicenceActionKind.values());
        model.addAttribute("canRecord", LicenceService.MARKET_REGULATION.equals(user.departmentCode())
                && routes.allows(user, "POST", "/licence-actions"));
        model.addAttribute("today", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "utility/licences";
    }

    @PostMapping
    String record(@RequestParam(required = false) String enterpriseId, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String decidedOn, @RequestParam(required = false) String documentNo,
                  @RequestParam(required = false) String governmentOrder, @RequestParam(required = false) String note,
                  @RequestParam(name = "document", required = false) MultipartFile document, RedirectAttributes redirect) {
        CurrentUser user = CurrentUsers.require();
        String back = "/licence-actions" + (enterpriseId == null || !enterpriseId.strip().matches("\\d{1,18}") ? "" : "?enterprise=" + enterpriseId.strip());
        return UtilityOrderPageController.act(redirect, back, () -> {
            LicenceAction a = licences.record(user, new LicenceService.NewAction(Uploads.id(enterpriseId, "enterpriseId"), Uploads.kind(kind),
                    Uploads.date(decidedOn, "decidedOn"), documentNo, governmentOrder, note, Uploads.file(document)));
            redirect.addFlashAttribute("message", "已记录：" + a.enterpriseName() + " " + a.licenceState());
            return "/licence-actions?enterprise=" + a.enterpriseId();
        });
    }
}
