package org.qingyuan.policy.web;

import java.io.IOException;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.policy.Classification;
import org.qingyuan.policy.FactDefinition;
import org.qingyuan.policy.FactType;
import org.qingyuan.policy.Facts;
import org.qingyuan.policy.Policies;
import org.qingyuan.policy.Policy;
import org.qingyuan.policy.PolicyFormatException;
import org.qingyuan.policy.PolicySummary;
import org.qingyuan.policy.Zone;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: the policies, one policy's rules with their sources, a "try it" evaluation, registering and activating versions. */
@Controller
@RequestMapping("/policies")
class PolicyPageController {

    static final String FACT_PREFIX = "fact_";

    private final Policies policies;
    private final Divisions divisions;

    PolicyPageController(Policies policies, Divisions divisions) {
        this.policies = policies;
        this.divisions = divisions;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("policies", policies.list());
        model.addAttribute("active", policies.active().orElse(null));
        return "policy/list";
    }

    /** Registers a policy file uploaded or pasted on the list page. */
    @PostMapping
    String register(@RequestParam(value = "file", required = false) MultipartFile file,
                    @RequestParam(value = "content", required = false) String content, Principal principal, Model model,
                    RedirectAttributes redirect) throws IOException {
        String text = file != null && !file.isEmpty() ? CalendarApiController.read(file) : content;
        try {
            if (text == null || text.isBlank()) {
                throw new InvalidInputException("content", "请选择方案文件或粘贴方案内容");
            }
            Policy policy = policies.register(text, principal.getName());
            redirect.addFlashAttribute("message", "已登记“" + policy.info().title() + "”第 " + policy.version() + " 版");
            return "redirect:/policies/" + policy.id() + "?version=" + policy.version();
        } catch (InvalidInputException | org.qingyuan.shared.ConflictException e) {
            model.addAttribute("uploadError", e.getMessage());
            model.addAttribute("uploadLine", e instanceof PolicyFormatException f ? f.line() : 0);
            model.addAttribute("content", text);
            return list(model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable String id, @RequestParam(value = "version", required = false) Integer version, Model model) {
        Policy policy = version == null ? policies.get(id) : policies.get(id, version);
        PolicySummary summary = policies.list().stream().filter(s -> s.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("实施方案“" + id + "”不存在"));
        model.addAttribute("policy", policy);
        model.addAttribute("summary", summary);
        model.addAttribute("active", summary.activeVersion() != null && summary.activeVersion() == policy.version());
        model.addAttribute("zoneNames", zoneNames(policy));
        model.addAttribute("zoneLabels", zoneLabels(policy));
        return "policy/detail";
    }

    /** Evaluates the "try it" form; htmx receives the result fragment. */
    @PostMapping("/{id}/try")
    String tryIt(@PathVariable String id, @RequestParam MultiValueMap<String, String> form,
                 @RequestHeader(value = "HX-Request", required = false) String htmx, Model model) {
        String rawVersion = form.getFirst("version");
        if (rawVersion == null || !rawVersion.strip().matches("\\d{1,9}")) {
            throw new InvalidInputException("version", "版本（version）应为正整数");
        }
        int version = Integer.parseInt(rawVersion.strip());
        Policy policy = policies.get(id, version);
        Map<String, Object> facts = new HashMap<>();
        for (FactDefinition fact : policy.facts()) {
            String value = form.getFirst(FACT_PREFIX + fact.name());
            if (value == null || value.isBlank()) {
                continue;
            }
            facts.put(fact.name(), fact.type() == FactType.BOOLEAN ? Boolean.valueOf(value) : value.strip());
        }
        String zone = form.getFirst("zone");
        try {
            Classification result = policies.evaluate(id, version, Facts.of(facts), zone == null || zone.isBlank() ? null : zone,
                    RequestValues.date("noticeDate", form.getFirst("noticeDate")));
            model.addAttribute("result", result);
        } catch (InvalidInputException e) {
            model.addAttribute("evaluationError", e.getMessage());
        }
        model.addAttribute("zoneLabels", zoneLabels(policy));
        if (htmx != null) {
            return "policy/result :: result";
        }
        show(id, version, model);
        return "policy/detail";
    }

    /** Before activating: what would change over the enterprises of the caller's jurisdiction. */
    @GetMapping("/{id}/preview")
    String preview(@PathVariable String id, @RequestParam("version") int version, Model model) {
        Policy policy = policies.get(id, version);
        model.addAttribute("policy", policy);
        model.addAttribute("preview", policies.previewPopulation(id, version,
                org.qingyuan.access.CurrentUsers.require().scope().division(), null, 200));
        model.addAttribute("active", policies.active().orElse(null));
        return "policy/preview";
    }

    @PostMapping("/{id}/activation")
    String activate(@PathVariable String id, @RequestParam("version") int version, Principal principal,
                    RedirectAttributes redirect) {
        Policy policy = policies.activate(id, version, principal.getName());
        redirect.addFlashAttribute("message", "已启用“" + policy.info().title() + "”第 " + version + " 版；此前的分类结果保留原方案版本");
        return "redirect:/policies/" + id + "?version=" + version;
    }

    /** Division code → name, for the zones' division lists. */
    private Map<String, String> zoneNames(Policy policy) {
        Map<String, String> names = new LinkedHashMap<>();
        for (Zone zone : policy.zones()) {
            for (String code : zone.divisions()) {
                names.put(code, divisions.find(DivisionCode.of(code)).map(d -> d.name()).orElse(code));
            }
        }
        return names;
    }

    static Map<String, String> zoneLabels(Policy policy) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Zone zone : policy.zones()) {
            labels.put(zone.id(), zone.label());
        }
        return labels;
    }
}
