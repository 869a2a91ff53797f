package org.qingyuan.gatekeeping;

import org.qingyuan.shared.InvalidInputException;

/**
 * One gatekeeping lookup: exactly one way of the four (credit code, name, address, coordinates).
 *
 * @param radiusMetres for coordinates: how far around the point a ledger site counts as "the same site", or null for
 *                     the configured default
 */
public record LookupQuery(String creditCode, String name, String address, Double latitude, Double longitude,
                          Double radiusMetres) {

    /** How the lookup is made. */
    public enum Way {
        /** 统一社会信用代码. */
        CREDIT_CODE,
        /** 企业名称. */
        NAME,
        /** 地址. */
        ADDRESS,
        /** 经纬度. */
        COORDINATES
    }

    public LookupQuery {
        creditCode = blankToNull(creditCode);
        name = blankToNull(name);
        address = blankToNull(address);
    }

    /** The way of this lookup; a 400 naming the parameter unless exactly one way is given, complete and valid. */
    public Way way() {
        int given = (creditCode != null ? 1 : 0) + (name != null ? 1 : 0) + (address != null ? 1 : 0)
                + (latitude != null || longitude != null ? 1 : 0);
        if (given == 0) {
            throw new InvalidInputException("creditCode", "请给出统一社会信用代码、名称、地址或经纬度中的一种");
        }
        if (given > 1) {
            String second = creditCode != null ? (name != null ? "name" : address != null ? "address" : "lat")
                    : name != null ? (address != null ? "address" : "lat") : "lat";
            throw new InvalidInputException(second, "每次只能按一种方式查询：统一社会信用代码、名称、地址或经纬度");
        }
        if (creditCode != null) {
            if (!creditCode.matches("[0-9A-HJ-NPQRTUWXY]{18}")) {
                throw new InvalidInputException("creditCode", "统一社会信用代码应为 18 位数字或大写字母");
            }
            return Way.CREDIT_CODE;
        }
        if (name != null) {
            requireLength("name", name);
            return Way.NAME;
        }
        if (address != null) {
            requireLength("address", address);
            return Way.ADDRESS;
        }
        if (latitude == null || latitude < -90 || latitude > 90) {
            throw new InvalidInputException("lat", "纬度缺失或超出范围（-90 至 90）");
        }
        if (longitude == null || longitude < -180 || longitude > 180) {
            throw new InvalidInputException("lon", "经度缺失或超出范围（-180 至 180）");
        }
        if (radiusMetres != null && (radiusMetres <= 0 || radiusMetres > 1000)) {
            throw new InvalidInputException("radius", "查询半径应在 1 至 1000 米之间");
        }
        return Way.COORDINATES;
    }

    /** The value looked up, for the audit trail. */
    public String value() {
        return creditCode != null ? creditCode : name != null ? name : address != null ? address : latitude + "," + longitude;
    }

    private static void requireLength(String field, String text) {
        if (text.length() < 2 || text.length() > 200) {
            throw new InvalidInputException(field, "查询文字应为 2 至 200 个字");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
