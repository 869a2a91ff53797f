package org.qingyuan.ledger.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.RequestValues;
import org.qingyuan.access.CurrentUsers;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.Classifications;
import org.qingyuan.ledger.internal.ClassificationHistory;
import org.qingyuan.ledger.EnterpriseId;
import org.qingyuan.policy.DeadlineKind;
import org.qingyuan.policy.MeasureKind;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise's classification under {@code /api/v1/enterprises/{id}/classification}: what applies,
 * its history, the 一企一策 override, the enterprise's own zone and notice date.
 */
@RestController
@RequestMapping("/api/v1/enterprises/{id}/classification")
class ClassificationApiController {

    private final Classifications classifications;
    private final ClassificationHistory classificationHistory;

    ClassificationApiController(Classifications classifications, ClassificationHistory classificationHistory) {
        this.classifications = classifications;
        this.classificationHistory = classificationHistory;
    }

    @GetMapping
    ClassificationJson current(@PathVariable long id) {
        return ClassificationJson.of(classifications.current(EnterpriseId.of(id), scope()));
    }

    record HistoryJson(List<ClassificationJson.RecordJson> classifications, List<ClassificationJson.DecisionJson> overrides) {
    }

    /** Every classification computed (newest first, never rewritten) and every 一企一策 decision. */
    @GetMapping("/history")
    HistoryJson history(@PathVariable long id) {
        EnterpriseId enterprise = EnterpriseId.of(id);
        return new HistoryJson(classificationHistory.history(enterprise, scope()).stream().map(ClassificationJson.RecordJson::of).toList(),
                classificationHistory.overrides(enterprise, scope()).stream().map(ClassificationJson.DecisionJson::of).toList());
    }

    /**
     * 一企一策: {@code {"version": 3, "measureKind": "RELOCATE", "measureLabel": "…", "deadlines": {"RELOCATE": "2026-09-30"},
     * "reason": "…"}}; deadlines may also be a list of {@code {"kind", "date"}}.
     */
    @PutMapping("/override")
    ClassificationJson override(@PathVariable long id, @RequestBody JsonNode body) {
        int version = version(body);
        MeasureKind kind = measureKind(text(body, "measureKind"));
        return ClassificationJson.of(classifications.override(EnterpriseId.of(id), version, kind, text(body, "measureLabel"),
                deadlines(body.get("deadlines")), text(body, "reason"), scope()));
    }

    @DeleteMapping("/override")
    ClassificationJson clearOverride(@PathVariable long id, @RequestParam(value = "version", required = false) Integer version,
                                     @RequestParam(value = "reason", required = false) String reason) {
        if (version == null) {
            throw missingVersion();
        }
        return ClassificationJson.of(classifications.clearOverride(EnterpriseId.of(id), version, reason, scope()));
    }

    /** {@code {"version": 3, "zone": "inside-second-ring" | null, "reason": "…"}}. */
    @PutMapping("/zone")
    ClassificationJson zone(@PathVariable long id, @RequestBody JsonNode body) {
        return ClassificationJson.of(classifications.setZone(EnterpriseId.of(id), version(body), text(body, "zone"),
                text(body, "reason"), scope()));
    }

    /** {@code {"version": 3, "noticeDate": "2026-03-01" | null, "reason": "…"}}. */
    @PutMapping("/notice-date")
    ClassificationJson noticeDate(@PathVariable long id, @RequestBody JsonNode body) {
        return ClassificationJson.of(classifications.setNoticeDate(EnterpriseId.of(id), version(body),
                RequestValues.date("noticeDate", text(body, "noticeDate")), text(body, "reason"), scope()));
    }

    static int version(JsonNode body) {
        JsonNode version = body == null ? null : body.get("version");
        if (version == null || !version.isIntegralNumber()) {
            throw missingVersion();
        }
        return version.asInt();
    }

    private static ValidationException missingVersion() {
        return new ValidationException(List.of(new FieldError("version",
                "请提供开始修改时分类设置的版本号 version（classification.settingsVersion），以防覆盖他人的修改")));
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body == null ? null : body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw new InvalidInputException(field, "“" + field + "”应为文字");
        }
        String text = node.asString().strip();
        return text.isEmpty() ? null : text;
    }

    static MeasureKind measureKind(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            return MeasureKind.valueOf(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("measureKind", "处置措施应为 SHUTDOWN 关停取缔、RELOCATE 搬迁入园、REMEDIATE 整治规范或 SUPERVISE 严格监管");
        }
    }

    static DeadlineKind deadlineKind(String field, String raw) {
        try {
            return DeadlineKind.valueOf(raw);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException(field, "未知的期限类型“" + raw + "”（见 docs/policies.md）");
        }
    }

    private static Map<DeadlineKind, LocalDate> deadlines(JsonNode node) {
        Map<DeadlineKind, LocalDate> result = new EnumMap<>(DeadlineKind.class);
        if (node == null || node.isNull()) {
            return result;
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String field = "deadlines." + e.getKey();
                LocalDate date = RequestValues.date(field, e.getValue().isNull() ? null : e.getValue().asString());
                if (date != null) {
                    result.put(deadlineKind(field, e.getKey()), date);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                String field = "deadlines[" + i + "]";
                DeadlineKind kind = deadlineKind(field + ".kind", item.path("kind").asString(null));
                LocalDate date = RequestValues.date(field + ".date", item.path("date").asString(null));
                if (date != null) {
                    result.put(kind, date);
                }
            }
        } else {
            throw new InvalidInputException("deadlines", "期限应为对象 {\"RELOCATE\": \"2026-09-30\"} 或列表 [{\"kind\", \"date\"}]");
        }
        return result;
    }

    private static Scope scope() {
        return CurrentUsers.require().scope();
    }
}
