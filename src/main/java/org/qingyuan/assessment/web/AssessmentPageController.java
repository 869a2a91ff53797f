package org.qingyuan.assessment.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.access.UserNames;
import org.qingyuan.assessment.AccountabilityGround;
import org.qingyuan.assessment.AccountabilityKind;
import org.qingyuan.assessment.AccountabilityRecord;
import org.qingyuan.assessment.Quarter;
import org.qingyuan.assessment.QuarterKey;
import org.qingyuan.assessment.internal.AccountabilityService;
import org.qingyuan.assessment.internal.AssessmentService;
import org.qingyuan.evidence.EvidenceContent;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NavigationItem;
import org.qingyuan.shared.RequestValues;
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
 * 季度考核: the district's quarters; one quarter's ranking with every indicator's value, basis and evidence, the
 * office's freeze and publish buttons, anyone's recompute, the bulletin; and the accountability records with their form.
 */
@Controller
@RequestMapping("/assessment")
class AssessmentPageController {

    private final AssessmentService quarters;
    private final AccountabilityService records;
    private final RouteAccess routes;
    private final UserNames userNames;

    AssessmentPageController(AssessmentService quarters, AccountabilityService records, RouteAccess routes, UserNames userNames) {
        this.quarters = quarters;
        this.records = records;
        this.routes = routes;
        this.userNames = userNames;
    }

    @Bean
    static NavigationItem assessmentNavigation() {
        return new NavigationItem("报表统计", "季度考核", "/assessment", 530);
    }

    @GetMapping
    String list(Model model) {
        CurrentUser user = CurrentUsers.require();
        model.addAttribute("quarters", quarters.list(user.scope()));
        model.addAttribute("today", quarters.today());
        model.addAttribute("town", AssessmentService.townOf(user.scope()));
        return "assessment/list";
    }

    @GetMapping("/{year}/{quarter}")
    String show(@PathVariable int year, @PathVariable int quarter, Model model) {
        CurrentUser user = CurrentUsers.require();
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        Quarter q = quarters.get(user.scope(), key);
        String base = "/assessment/" + year + "/" + quarter;
        model.addAttribute("q", q);
        model.addAttribute("json", QuarterJson.of(q));
        model.addAttribute("today", quarters.today());
        model.addAttribute("town", AssessmentService.townOf(user.scope()));
        model.addAttribute("contributed", quarters.contributedCodes());
        model.addAttribute("canManage", routes.allows(user, "POST", base + "/freeze"));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/assessment/accountability"));
        List<AccountabilityRecord> list = records.list(user.scope(), key, null, null);
        model.addAttribute("records", list);
        java.util.Set<String> who = new java.util.HashSet<>();
        if (q.frozenBy() != null) {
            who.add(q.frozenBy());
        }
        if (q.publishedBy() != null) {
            who.add(q.publishedBy());
        }
        model.addAttribute("names", userNames.displayNames(who));
        if (routes.allows(user, "POST", "/assessment/accountability")) {
            model.addAttribute("units", records.units(user.scope()));
        }
        model.addAttribute("kinds", AccountabilityKind.values());
        model.addAttribute("grounds", AccountabilityGround.values());
        return "assessment/show";
    }

    @PostMapping("/{year}/{quarter}/freeze")
    String freeze(@PathVariable int year, @PathVariable int quarter, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        try {
            Quarter q = quarters.freeze(CurrentUsers.require().scope(), key, reason);
            redirect.addFlashAttribute("message", key.label() + "考核数据已冻结，SM3 摘要 " + q.inputsDigest());
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/assessment/" + year + "/" + quarter;
    }

    @PostMapping("/{year}/{quarter}/recompute")
    String recompute(@PathVariable int year, @PathVariable int quarter, RedirectAttributes redirect) {
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        try {
            AssessmentService.Recomputation r = quarters.recompute(CurrentUsers.require().scope(), key);
            if (r.identical()) {
                redirect.addFlashAttribute("message", "已依据冻结数据重新计算：摘要 " + r.digest() + " 与冻结时一致，排名与已存结果完全一致");
            } else {
                redirect.addFlashAttribute("error", "重新计算结果与已存结果不一致：摘要" + (r.digestMatches() ? "一致" : "不一致")
                        + "，排名" + (r.rankingMatches() ? "一致" : "不一致") + "，请报告系统管理员");
            }
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/assessment/" + year + "/" + quarter;
    }

    @PostMapping("/{year}/{quarter}/publish")
    String publish(@PathVariable int year, @PathVariable int quarter, @RequestParam int version, RedirectAttributes redirect) {
        QuarterKey key = AssessmentViews.quarter(year, quarter);
        try {
            quarters.publish(CurrentUsers.require().scope(), key, version, null);
            redirect.addFlashAttribute("message", key.label() + "考核排名已通报，已发送到各单位的消息");
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/assessment/" + year + "/" + quarter;
    }

    @GetMapping("/{year}/{quarter}/bulletin")
    void bulletin(@PathVariable int year, @PathVariable int quarter, HttpServletResponse response) throws IOException {
        AssessmentService.BulletinFile f = quarters.bulletin(CurrentUsers.require().scope(), AssessmentViews.quarter(year, quarter));
        AssessmentApiController.send(f.fileName(), AssessmentApiController.DOCX, f.content(), response);
    }

    @GetMapping("/accountability")
    String records(@RequestParam(required = false) String unit, @RequestParam(required = false) String kind, Model model) {
        CurrentUser user = CurrentUsers.require();
        AccountabilityKind k = AssessmentViews.kind(kind);
        List<AccountabilityRecord> list = records.list(user.scope(), null, unit == null || unit.isBlank() ? null : unit, k);
        model.addAttribute("records", list);
        model.addAttribute("unit", unit == null ? "" : unit);
        model.addAttribute("kind", k == null ? "" : k.name());
        model.addAttribute("kinds", AccountabilityKind.values());
        model.addAttribute("grounds", AccountabilityGround.values());
        model.addAttribute("units", records.units(user.scope()));
        model.addAttribute("town", AssessmentService.townOf(user.scope()));
        model.addAttribute("canRecord", routes.allows(user, "POST", "/assessment/accountability"));
        return "assessment/accountability";
    }

    @PostMapping("/accountability")
    String record(@RequestParam(required = false) String quarter, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String unitCode, @RequestParam(required = false) String persons,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String ground,
                  @RequestParam(required = false) String decidedOn, @RequestParam(required = false) String evidence,
                  @RequestParam(required = false) Long supersedes, @RequestParam(value = "document", required = false) MultipartFile document,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) throws IOException {
        String target = back != null && back.matches("/assessment(/\\d{4}/[1-4]|/accountability)") ? back : "/assessment/accountability";
        try {
            QuarterKey q = AssessmentViews.quarter(quarter, "quarter");
            AccountabilityService.Document doc = null;
            InputStream in = null;
            if (document != null && !document.isEmpty()) {
                in = document.getInputStream();
                doc = new AccountabilityService.Document(document.getOriginalFilename(), in);
            }
            AccountabilityRecord r = records.record(CurrentUsers.require().scope(), new AccountabilityService.Draft(q,
                    AssessmentViews.kind(kind), unitCode, persons, reason, AssessmentViews.ground(ground),
                    RequestValues.date("decidedOn", decidedOn), AssessmentViews.links(evidence), supersedes), doc);
            redirect.addFlashAttribute("message", r.kind().label() + "记录 #" + r.id() + "（" + r.unitName() + "）已保存");
        } catch (ValidationException e) {
            redirect.addFlashAttribute("error", String.join("；", e.errors().stream().map(x -> x.message()).toList()));
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + target;
    }

    @GetMapping("/accountability/{id}/document")
    void document(@PathVariable long id, HttpServletResponse response) throws IOException {
        EvidenceContent c = records.document(CurrentUsers.require().scope(), id);
        try (InputStream in = c.stream()) {
            AssessmentApiController.send(c.fileName(), c.mediaType(), in.readAllBytes(), response);
        }
    }
}
