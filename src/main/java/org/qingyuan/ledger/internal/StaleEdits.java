package org.qingyuan.ledger.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.Enterprise;
import org.qingyuan.ledger.internal.EnterpriseVersion;
import org.qingyuan.shared.ConflictException;
import org.springframework.stereotype.Component;

/** The 409 answer to an edit that started from an older version: who changed what since. */
@Component
class StaleEdits {

    private final JdbcHistory history;
    private final HistoryLabels labels;

    StaleEdits(JdbcHistory history, HistoryLabels labels) {
        this.history = history;
        this.labels = labels;
    }

    ConflictException conflict(Enterprise current, Enterprise.StaleVersion stale) {
        int version = stale.edited();
        List<EnterpriseVersion> since = labels.labelled(history.versions(List.of(current.id().value()), version));
        List<Map<String, Object>> changes = since.stream().map(StaleEdits::json).toList();
        String who = since.isEmpty() ? "他人" : since.get(0).displayName();
        return new ConflictException("该企业已被" + who + "修改（当前版本 " + current.version() + "，您编辑的是版本 " + version
                + "），请查看变化后重新保存", Map.of("currentVersion", current.version(), "yourVersion", version, "changesSince", changes));
    }

    private static Map<String, Object> json(EnterpriseVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("action", v.action().name());
        m.put("at", v.at().toString());
        m.put("by", v.displayName() == null ? v.username() : v.displayName());
        m.put("reason", v.reason() == null ? "" : v.reason());
        m.put("changes", v.changes().stream().map(c -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("field", c.field());
            f.put("label", c.label());
            f.put("oldValue", c.oldValue());
            f.put("newValue", c.newValue());
            return f;
        }).toList());
        return m;
    }
}
