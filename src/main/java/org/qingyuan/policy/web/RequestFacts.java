package org.qingyuan.policy.web;

import java.util.Map;

import org.qingyuan.policy.Facts;
import org.qingyuan.shared.InvalidInputException;

/** Reads facts and dates from requests, naming the offending field in Chinese. */
final class RequestFacts {

    private RequestFacts() {
    }

    static Facts facts(Map<String, Object> raw) {
        if (raw == null) {
            return Facts.none();
        }
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            Object value = entry.getValue();
            if (value != null && !(value instanceof Boolean) && !(value instanceof String)) {
                throw new InvalidInputException("facts." + entry.getKey(), "企业事实“" + entry.getKey() + "”的值应为 true、false、文字或 null");
            }
        }
        return Facts.of(raw);
    }
}
