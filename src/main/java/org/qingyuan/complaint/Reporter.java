package org.qingyuan.complaint;

/** A reporter's contact as left with the complaint (any part may be missing). Shown {@link #masked()} unless unmasked. */
public record Reporter(String name, String phone, String idNumber) {

    public static final Reporter NONE = new Reporter(null, null, null);

    public Reporter {
        name = clean(name);
        phone = clean(phone);
        idNumber = clean(idNumber);
    }

    public boolean empty() {
        return name == null && phone == null && idNumber == null;
    }

    /** 张** · 138****1234 · 4101**********1234. */
    public Reporter masked() {
        return new Reporter(maskName(name), maskPhone(phone), maskId(idNumber));
    }

    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("[^0-9]", "");
        if (digits.length() < 7) {
            return "****";
        }
        return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
    }

    static String maskName(String name) {
        return name == null ? null : name.substring(0, 1) + "*".repeat(Math.max(1, name.length() - 1));
    }

    static String maskId(String id) {
        return id == null ? null : id.length() <= 8 ? "********" : id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private static String clean(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
