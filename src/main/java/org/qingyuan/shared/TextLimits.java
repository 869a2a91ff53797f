package org.qingyuan.shared;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The longest text each request field may carry, and the characters no text may carry. Every parameter of every
 * form and query and every string of every JSON body is checked against this table before it reaches a controller
 * (the shell's request filter and JSON body advice), so a 10 MB reason never reaches the history or the audit trail
 * and a NUL byte never reaches PostgreSQL. Modules validate tighter business limits of their own on top (a ledger's
 * products ≤ 500 characters).
 *
 * <p>Limits in characters, by field name (see README "Limits of requests"):
 * <ul>
 *   <li>200 — names and one-line identifiers: {@code name}, {@code displayName}, {@code username}, {@code title},
 *       search words {@code q}, every {@code …Name}, the CSRF token</li>
 *   <li>64 — codes and ids: {@code code}, {@code id}, every {@code …Code} and {@code …Id}; 50 — phone numbers</li>
 *   <li>128 — passwords and second-factor codes</li>
 *   <li>500 — addresses</li>
 *   <li>1000 — reasons ({@code reason}, {@code outcome}, {@code comment}) and every field not named here</li>
 *   <li>2000 — notes ({@code note}, {@code notes}, {@code remarks}, {@code description}, {@code onSiteRecord},
 *       {@code measure})</li>
 *   <li>20,000 — written texts: a report's work summary ({@code summary}), a bulletin's {@code problems} and
 *       {@code requirements}</li>
 *   <li>1,000,000 — whole documents sent as text ({@code content}: a locality's plan in YAML), bounded by the
 *       request body's size as well</li>
 * </ul>
 * Control characters (U+0000–U+001F and U+007F) are refused in every field, except tab, line feed and carriage
 * return.
 */
public final class TextLimits {

    public static final int NAME = 200;
    public static final int CODE = 64;
    public static final int PHONE = 50;
    public static final int PASSWORD = 128;
    public static final int ADDRESS = 500;
    public static final int REASON = 1000;
    public static final int NOTE = 2000;
    public static final int TEXT = 20_000;
    public static final int DOCUMENT = 1_000_000;
    /** Fields this table does not name. */
    public static final int OTHER = REASON;

    private static final Set<String> NAMES = Set.of("name", "displayname", "username", "title", "q", "query", "search",
            "filename", "model", "operator", "landlord", "premises", "issuer", "document", "requirement", "equipment");
    private static final Set<String> PASSWORDS = Set.of("password", "newpassword", "currentpassword", "oldpassword",
            "confirmpassword", "passwordconfirmation", "totp", "secondfactor", "verificationcode");
    private static final Set<String> REASONS = Set.of("reason", "outcome", "comment", "clearedreason");
    private static final Set<String> NOTES = Set.of("note", "notes", "remark", "remarks", "description", "onsiterecord",
            "measure");
    private static final Set<String> TEXTS = Set.of("summary", "problems", "requirements");
    private static final Set<String> DOCUMENTS = Set.of("content", "population");

    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("name", "名称"), Map.entry("displayName", "姓名"), Map.entry("username", "用户名"),
            Map.entry("password", "密码"), Map.entry("newPassword", "新密码"), Map.entry("q", "搜索词"),
            Map.entry("reason", "理由"), Map.entry("note", "说明"), Map.entry("remarks", "备注"),
            Map.entry("address", "地址"), Map.entry("content", "内容"), Map.entry("outcome", "结果"),
            Map.entry("title", "标题"), Map.entry("summary", "工作总结"),
            Map.entry("problems", "典型问题"), Map.entry("requirements", "工作要求"), Map.entry("onSiteRecord", "现场记录"), Map.entry("measure", "措施"),
            Map.entry("personName", "责任人姓名"), Map.entry("permitName", "证照名称"), Map.entry("contactPerson", "联系人"),
            Map.entry("contactPhone", "联系电话"), Map.entry("divisionCode", "区划代码"), Map.entry("creditCode", "统一社会信用代码"));

    private TextLimits() {
    }

    /** The longest value, in characters, of a field with this name. */
    public static int max(String field) {
        if (field == null || field.isEmpty()) {
            return OTHER;
        }
        String key = field.toLowerCase(Locale.ROOT);
        if (NAMES.contains(key) || key.endsWith("name")) {
            return NAME;
        }
        if (PASSWORDS.contains(key) || key.endsWith("password")) {
            return PASSWORD;
        }
        if (REASONS.contains(key)) {
            return REASON;
        }
        if (NOTES.contains(key)) {
            return NOTE;
        }
        if (TEXTS.contains(key)) {
            return TEXT;
        }
        if (DOCUMENTS.contains(key)) {
            return DOCUMENT;
        }
        if (key.equals("address")) {
            return ADDRESS;
        }
        if (key.endsWith("phone")) {
            return PHONE;
        }
        if (key.equals("_csrf")) {
            return NAME;
        }
        if (key.endsWith("code") || key.endsWith("id")) {
            return CODE;
        }
        return OTHER;
    }

    /** How a message names the field: its Chinese label with the name the client sent, or the name alone. */
    public static String label(String field) {
        String label = field == null ? null : LABELS.get(field);
        return label == null ? "字段“" + field + "”" : label + "（" + field + "）";
    }

    /** The Chinese reason a value of this field is refused, or null when it is acceptable. */
    public static String problem(String field, String value) {
        if (value == null) {
            return null;
        }
        int max = max(field);
        if (value.length() > max) {
            return label(field) + "不能超过 " + max + " 个字（提交了 " + value.length() + " 个）";
        }
        int bad = firstControlCharacter(value);
        if (bad >= 0) {
            return label(field) + "含有不允许的控制字符（U+" + String.format("%04X", (int) value.charAt(bad))
                    + "，第 " + (bad + 1) + " 个字符），请删除后再提交";
        }
        return null;
    }

    /** The index of the first control character other than tab, line feed and carriage return, or -1. */
    public static int firstControlCharacter(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return i;
            }
        }
        return -1;
    }
}
