package org.qingyuan.rectification.web;

import static org.qingyuan.shared.RequestValues.date;
import static org.qingyuan.shared.RequestValues.text;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Departments;
import org.qingyuan.access.RouteAccess;
import org.qingyuan.access.Scope;
import org.qingyuan.evidence.Attachment;
import org.qingyuan.shared.Page;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.rectification.CaseQuery;
import org.qingyuan.rectification.CaseState;
import org.qingyuan.rectification.CaseSummary;
import org.qingyuan.rectification.CaseView;
import org.qingyuan.rectification.CaseLists;
import org.qingyuan.rectification.Cases;
import org.qingyuan.rectification.ResponsiblePersons;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.ConflictException;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.RequestValues;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of the cases: 挂图作战 board, the list, and the case page with a form for each step. */
@Controller
class CasePageController {

    private final Cases cases;
    private final CaseLists lists;
    private final Divisions divisions;
    private final RouteAccess routes;
    private final Departments departments;

    private final java.time.Clock clock;

    private final org.springframework.core.env.Environment environment;

    CasePageController(Cases cases, CaseLists lists, Divisions divisions, RouteAccess routes, Departments departments, java.time.Clock clock,
                       org.springframework.core.env.Environment environment) {
        this.environment = environment;
        this.clock = clock;
        this.cases = cases;
        this.lists = lists;
        this.divisions = divisions;
        this.routes = routes;
        this.departments = departments;
    }

    /** What a division is called on the pages: the town and village names below the district, or the district's own. */
    record Names(Divisions divisions) {
        public String local(String code) {
            if (code == null) {
                return "";
            }
            try {
                List<Division> path = divisions.path(DivisionCode.of(code));
                return path.stream().filter(d -> d.code().level().ordinal() >= DivisionLevel.TOWN.ordinal())
                        .map(Division::name).reduce((a, b) -> a + " " + b)
                        .orElse(path.isEmpty() ? code : path.get(path.size() - 1).name());
            } catch (RuntimeException e) {
                return code;
            }
        }
    }

    @GetMapping("/board")
    String board(@RequestParam(required = false) String division, @RequestHeader(value = "HX-Request", required = false) String htmx,
                 @RequestParam(defaultValue = "false") boolean wall, Model model) {
        Scope scope = scope();
        // the battle map beside the tables (map module's /map, its base map settings qingyuan.map.*) and the wall mode
        model.addAttribute("wall", wall);
        model.addAttribute("showMap", routes.allows(org.qingyuan.access.CurrentUsers.require(), "GET", "/map"));
        model.addAttribute("mapTileUrl", environment.getProperty("qingyuan.map.tile-url", ""));
        model.addAttribute("mapAttribution", environment.getProperty("qingyuan.map.attribution", ""));
        model.addAttribute("board", lists.board(division, scope));
        model.addAttribute("division", division == null ? "" : division);
        model.addAttribute("towns", towns(scope));
        model.addAttribute("measures", List.of(MeasureKind.SHUTDOWN, MeasureKind.RELOCATE, MeasureKind.REMEDIATE));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("names", new Names(divisions));
        return htmx != null ? "rectification/board :: content" : "rectification/board";
    }

    @GetMapping("/cases")
    String list(@RequestParam(required = false) String division, @RequestParam(required = false) String measure,
                @RequestParam(required = false) String state, @RequestParam(required = false) String overdue,
                @RequestParam(required = false) Integer due, @RequestParam(required = false) String q,
                @RequestParam(defaultValue = "0") int page, @RequestHeader(value = "HX-Request", required = false) String htmx,
                Model model) {
        Scope scope = scope();
        CaseQuery query = new CaseQuery(text(division), RequestValues.enumOf(MeasureKind.class, "measure", measure),
                RequestValues.enumOf(CaseState.class, "state", state), RequestValues.bool("overdue", overdue), due,
                text(q), page, 20);
        Page<CaseSummary> result = lists.search(query, scope);
        model.addAttribute("page", result);
        model.addAttribute("query", query);
        model.addAttribute("towns", towns(scope));
        model.addAttribute("measures", List.of(MeasureKind.SHUTDOWN, MeasureKind.RELOCATE, MeasureKind.REMEDIATE));
        model.addAttribute("states", CaseState.values());
        model.addAttribute("names", new Names(divisions));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("division", text(division));
        params.put("measure", text(measure));
        params.put("state", text(state));
        params.put("overdue", text(overdue));
        params.put("due", due == null ? null : due.toString());
        params.put("q", text(q));
        params.values().removeIf(java.util.Objects::isNull);
        StringBuilder link = new StringBuilder("/cases?");
        params.forEach((k, v) -> link.append(k).append('=').append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&'));
        model.addAttribute("pageLink", link.append("page=").toString());
        return htmx != null ? "rectification/list :: results" : "rectification/list";
    }

    @GetMapping("/cases/{id}")
    String show(@PathVariable long id, Model model) {
        Scope scope = scope();
        CaseView view = cases.get(id, scope);
        Map<Long, Attachment> files = new LinkedHashMap<>();
        cases.evidence(id, scope).forEach(a -> files.put(a.id(), a));
        model.addAttribute("v", view);
        model.addAttribute("stepLabels", StepKindLabels.ALL);
        model.addAttribute("c", view.rectificationCase());
        model.addAttribute("files", files);
        model.addAttribute("caseFiles", files.values().stream().filter(a -> a.owner().type().equals("RectificationCase")).toList());
        model.addAttribute("names", new Names(divisions));
        model.addAttribute("today", LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))));
        CurrentUser user = actor();
        String base = "/cases/" + id;
        model.addAttribute("canEdit", routes.allows(user, "POST", base + "/submit"));
        model.addAttribute("canAccept", routes.allows(user, "POST", base + "/accept"));
        model.addAttribute("canCloseOut", routes.allows(user, "POST", base + "/close-out"));
        model.addAttribute("canSettle", routes.allows(user, "POST", base + "/town-requirement"));
        model.addAttribute("me", user.username());
        model.addAttribute("departments", departments);
        return "rectification/show";
    }

    @PostMapping("/cases/{id}/items/{requirement}")
    String recordItem(@PathVariable long id, @PathVariable String requirement, @RequestParam int version,
                      @RequestParam(required = false) String note, @RequestParam(required = false) List<Long> evidenceIds,
                      @RequestParam(name = "files", required = false) List<MultipartFile> files,
                      @RequestParam(name = "confirmation", required = false) MultipartFile confirmation,
                      @RequestParam(required = false) String permitName, @RequestParam(required = false) String permitNumber,
                      @RequestParam(required = false) String permitDate, RedirectAttributes redirect) {
        return act(id, redirect, "已记录", () -> CaseForms.recordWithFiles(cases, id, version, CaseApiController.requirement(requirement),
                note, evidenceIds, files, confirmation, null, CaseApiController.permit(permitName, permitNumber, date("permitDate", permitDate)),
                actor()));
    }

    @PostMapping("/cases/{id}/items/{requirement}/review")
    String review(@PathVariable long id, @PathVariable String requirement, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "已复核", () -> cases.review(id, version, CaseApiController.requirement(requirement), actor()));
    }

    @PostMapping("/cases/{id}/enforcements")
    String enforcement(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String date,
                       @RequestParam(name = "departments", required = false) List<String> chosen,
                       @RequestParam(required = false) String note, RedirectAttributes redirect) {
        List<String> list = chosen == null ? List.of() : chosen;
        return act(id, redirect, "已记录联合执法", () -> cases.recordJointEnforcement(id, version, date("date", date), list, note, actor()));
    }

    @PostMapping("/cases/{id}/submit")
    String submit(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "已提请验收", () -> cases.submit(id, version, actor()));
    }

    @PostMapping("/cases/{id}/accept")
    String accept(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String onSiteRecord,
                  RedirectAttributes redirect) {
        return act(id, redirect, "验收通过", () -> cases.accept(id, version, onSiteRecord, actor()));
    }

    @PostMapping("/cases/{id}/reject")
    String reject(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已退回整改", () -> cases.reject(id, version, reason, actor()));
    }

    @PostMapping("/cases/{id}/close-out")
    String closeOut(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect) {
        return act(id, redirect, "已销号", () -> cases.closeOut(id, version, actor()));
    }

    @PostMapping("/cases/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        return act(id, redirect, "已重新打开", () -> cases.reopen(id, version, reason, actor()));
    }

    @PostMapping("/cases/{id}/responsible")
    String assign(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String townCode,
                  @RequestParam(required = false) String villageCode, @RequestParam(required = false) String departmentCode,
                  @RequestParam(required = false) String personName, @RequestParam(required = false) String personPhone,
                  @RequestParam(required = false) String username, RedirectAttributes redirect) {
        return act(id, redirect, "已保存包保责任", () -> cases.assign(id, version, new ResponsiblePersons(text(townCode), text(villageCode),
                text(departmentCode), text(personName), text(personPhone), text(username)), actor()));
    }

    @PostMapping("/cases/{id}/deadline")
    String deadline(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String deadline,
                    @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(id, redirect, "已设定期限", () -> cases.setDeadline(id, version, date("deadline", deadline), reason, actor()));
    }

    @PostMapping("/cases/{id}/town-requirement")
    String settleTownRequirement(@PathVariable long id, @RequestParam int version, @RequestParam(required = false) String reason,
                                 RedirectAttributes redirect) {
        return act(id, redirect, "已处理填报要求", () -> cases.settleTownRequirement(id, version, reason, actor()));
    }

    private String act(long id, RedirectAttributes redirect, String done, Supplier<CaseView> action) {
        try {
            action.get();
            redirect.addFlashAttribute("saved", done);
        } catch (ValidationException e) {
            redirect.addFlashAttribute("failure", e.errors().stream().map(FieldError::message).reduce((a, b) -> a + "；" + b)
                    .orElse(e.getMessage()));
        } catch (InvalidInputException | ConflictException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/cases/" + id;
    }

    private List<Division> towns(Scope scope) {
        return scope.division().level().ordinal() < DivisionLevel.TOWN.ordinal() ? divisions.children(scope.division()) : List.of();
    }

    private static Scope scope() {
        return actor().scope();
    }

    /** The signed-in user, who acts in the commands. */
    private static CurrentUser actor() {
        return CurrentUsers.require();
    }
}
