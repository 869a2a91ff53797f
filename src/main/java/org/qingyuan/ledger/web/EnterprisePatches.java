package org.qingyuan.ledger.web;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The enterprise JSON an API client sends: members it may set, and RFC 7386 merge patches of it. */
final class EnterprisePatches {

    private EnterprisePatches() {
    }

    static void checkMembers(JsonNode node) {
        List<FieldError> errors = new ArrayList<>();
        for (Iterator<String> it = node.propertyNames().iterator(); it.hasNext(); ) {
            String name = it.next();
            if (!EnterpriseJson.INPUT.contains(name) && !READ_ONLY.contains(name)) {
                errors.add(new FieldError(name, "未知字段“" + name + "”"));
            }
        }
        ValidationException.throwIfAny(errors);
    }

    private static final List<String> READ_ONLY = List.of("id", "creditCodeLegacy", "divisionName", "industryName", "industryGroup",
            "status", "withdrawal", "mergedInto", "createdAt", "createdBy", "updatedAt", "updatedBy", "warnings",
            "possibleDuplicates", "classification");

    /** RFC 7386: members of the patch replace, null removes, objects merge recursively. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy()
                : JsonMapper.builder().build().createObjectNode();
        for (Map.Entry<String, JsonNode> e : patch.properties()) {
            if (READ_ONLY.contains(e.getKey())) {
                continue;
            }
            if (e.getValue().isNull() && !"facts".equals(e.getKey())) {
                result.putNull(e.getKey());
            } else if (e.getValue().isObject() && !"facts".equals(e.getKey())) {
                result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
            } else if ("facts".equals(e.getKey()) && e.getValue().isObject()) {
                // a fact set to null becomes unknown: keep the member with a null value
                ObjectNode facts = result.get("facts") instanceof ObjectNode f ? f.deepCopy() : JsonMapper.builder().build().createObjectNode();
                e.getValue().properties().forEach(f -> facts.set(f.getKey(), f.getValue()));
                result.set("facts", facts);
            } else {
                result.set(e.getKey(), e.getValue());
            }
        }
        return result;
    }
}
