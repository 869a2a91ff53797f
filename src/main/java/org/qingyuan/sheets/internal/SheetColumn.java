package org.qingyuan.sheets.internal;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.ledger.Fact;

/**
 * The columns the import understands, each with the header the platform writes and the other
 * names towns give it. A header is recognised after {@link #normalise}: half-width, no spaces or
 * line breaks, no punctuation; then once more without any bracketed part (企业规模（人员等） →
 * 企业规模). Columns are found by these names, never by position.
 */
enum SheetColumn {
    SEQ("序号", "编号", "序", "序列号"),
    NAME("企业名称", "名称", "单位名称", "企业（作坊）名称", "作坊名称", "企业名", "厂名", "企业或作坊名称", "经营户名称", "业户名称",
            "商户名称", "作坊企业名称", "企业作坊名称", "场所名称", "小作坊名称"),
    CREDIT_CODE("统一社会信用代码", "信用代码", "社会信用代码", "营业执照号", "注册号"),
    OPERATOR("经营者", "业主", "法定代表人", "法人代表", "负责人", "业主姓名"),
    CONTACT("联系人", "联系人姓名"),
    PHONE("联系电话", "电话", "手机", "手机号", "联系方式", "电话号码", "联系人电话"),
    VILLAGE("所在村组", "所在村", "村组", "所在村（社区）", "村（社区）", "所属村", "所属街道社区", "所属社区", "所在社区", "社区",
            "村别", "所属村（社区）", "所在村居", "村居",
            "所在行政村", "行政村", "所属村居", "村居委会", "所在村社区"),
    DIVISION_CODE("区划代码", "所在区划代码", "统计用区划代码"),
    ADDRESS("企业地址", "地址", "经营地址", "生产地址", "详细地址", "所在位置", "位置", "生产经营地址", "经营场所地址"),
    LONGITUDE("经度"),
    LATITUDE("纬度"),
    INDUSTRY("行业", "所属行业", "行业类别", "行业类型"),
    KEY_INDUSTRY("重点行业", "是否重点行业"),
    EIGHT_SMALL("八小", "是否八小", "八小企业"),
    PRODUCTS("产品", "主要产品", "产品名称"),
    RAW_MATERIALS("原辅材料", "原材料", "主要原辅材料", "原料"),
    EQUIPMENT("设备型号", "主要设备", "设备", "设备名称及型号", "主要设备及型号"),
    EMPLOYEES("用工人数", "从业人数", "职工人数", "人数", "员工人数", "从业人员", "人员数量", "工人数", "雇工人数", "从业人员数"),
    SCALE("企业规模（人员等）", "企业规模", "规模"),
    OUTPUT("产值（万元）", "产值", "年产值", "年产值（万元）", "产值万元"),
    PREMISES("厂房性质（租赁或自建）", "厂房性质", "厂房", "厂房情况", "场地性质"),
    LANDLORD("出租方", "出租人", "房东"),
    WATER_GAS("涉水涉气", "涉水/涉气", "是否涉水涉气", "涉水、涉气"),
    APPROVALS("有无手续", "手续", "手续情况", "有无审批手续", "审批手续"),
    EMISSIONS("污染物排放是否超标", "超标排放", "是否超标", "是否超标排放", "污染物是否超标", "排放是否超标"),
    CONFORMS("是否符合产业政策及当地产业布局规划", "符合产业政策及布局规划", "是否符合产业政策", "符合产业政策", "是否符合产业布局规划"),
    FIRE("有无消防手续", "消防手续", "消防"),
    EIA("有无环评手续", "环评手续", "环评"),
    PLANNING("有无规划手续", "规划手续", "规划"),
    LICENCE("有无工商执照", "工商执照", "营业执照", "有无营业执照", "工商营业执照"),
    SAFETY("安全生产是否有隐患", "安全隐患", "是否有安全隐患", "有无安全隐患", "安全生产隐患"),
    ILLEGAL_BUILDINGS("有无违法违章建筑", "违法违章建筑", "违章建筑", "有无违章建筑", "是否有违法违章建筑"),
    DEMOLITION("是否纳入拆迁范围", "纳入拆迁范围", "拆迁范围", "是否拆迁"),
    INVOLVES_WATER("涉水", "是否涉水"),
    INVOLVES_GAS("涉气", "是否涉气"),
    TYPE("企业类型", "类型", "类别"),
    DISCOVERY("发现方式", "来源", "线索来源"),
    REPORTED_ON("上报时间", "上报日期", "发现时间", "排查时间", "登记时间", "发现日期", "排查日期", "登记日期"),
    /** The classification's category; written by the export (community table), not read: the platform classifies. */
    CATEGORY("分类", "分类结果", "分类类别"),
    REQUIREMENT("整治要求", "整治措施", "处置措施", "整改要求"),
    DEADLINE("整治期限", "整改期限", "完成时限", "期限", "整治时限"),
    RESPONSIBLE("分包责任人", "包保责任人", "责任人", "分包领导", "包保人"),
    PROGRESS("完成情况（完成日期）", "完成情况", "进展情况", "整治情况", "整治进度", "整改情况"),
    REMARKS("备注", "说明");

    private final String label;
    private final List<String> names;

    SheetColumn(String label, String... synonyms) {
        this.label = label;
        this.names = List.of(synonyms);
    }

    /** The header the platform writes. */
    String label() {
        return label;
    }

    /** The compliance fact this column answers, if it is one. */
    Fact fact() {
        return switch (this) {
            case EMISSIONS -> Fact.EMISSIONS_OVER_STANDARD;
            case CONFORMS -> Fact.CONFORMS_TO_PLANNING;
            case FIRE -> Fact.HAS_FIRE_APPROVAL;
            case EIA -> Fact.HAS_EIA_APPROVAL;
            case PLANNING -> Fact.HAS_PLANNING_APPROVAL;
            case LICENCE -> Fact.HAS_BUSINESS_LICENCE;
            case SAFETY -> Fact.HAS_SAFETY_HAZARD;
            case ILLEGAL_BUILDINGS -> Fact.HAS_ILLEGAL_BUILDINGS;
            case DEMOLITION -> Fact.IN_DEMOLITION_AREA;
            case INVOLVES_WATER -> Fact.INVOLVES_WATER;
            case INVOLVES_GAS -> Fact.INVOLVES_GAS;
            default -> null;
        };
    }

    static SheetColumn ofFact(Fact fact) {
        for (SheetColumn c : values()) {
            if (c.fact() == fact) {
                return c;
            }
        }
        throw new IllegalArgumentException(fact.name());
    }

    private static final Pattern PUNCTUATION = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");
    private static final Pattern BRACKETED = Pattern.compile("[(（\\[【][^)）\\]】]*[)）\\]】]");
    private static final Pattern QUESTION_WORD = Pattern.compile("^(是否|有无|是不是|有没有)");
    private static final Map<String, SheetColumn> BY_NAME = new HashMap<>();

    static {
        for (SheetColumn c : values()) {
            BY_NAME.putIfAbsent(normalise(c.label), c);
            for (String n : c.names) {
                BY_NAME.putIfAbsent(normalise(n), c);
            }
        }
        for (SheetColumn c : values()) {
            BY_NAME.putIfAbsent(normalise(withoutBrackets(c.label)), c);
        }
        for (SheetColumn c : values()) {
            BY_NAME.putIfAbsent(unasked(normalise(c.label)), c);
            for (String n : c.names) {
                BY_NAME.putIfAbsent(unasked(normalise(n)), c);
            }
        }
    }

    /** The column a header text names, or null. */
    static SheetColumn byHeader(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        SheetColumn c = BY_NAME.get(normalise(header));
        if (c == null) {
            String bare = normalise(withoutBrackets(header));
            c = bare.isEmpty() ? null : BY_NAME.get(bare);
        }
        if (c == null) {
            // towns ask the same question with or without 是否 / 有无: 是否符合产业政策及布局规划, 有无环评手续
            String statement = unasked(normalise(withoutBrackets(header)));
            c = statement.isEmpty() ? null : BY_NAME.get(statement);
        }
        return c;
    }

    /** A yes/no header as a statement: without its leading question word. */
    private static String unasked(String normalised) {
        return QUESTION_WORD.matcher(normalised).replaceFirst("");
    }

    static String normalise(String text) {
        return PUNCTUATION.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    private static String withoutBrackets(String text) {
        return BRACKETED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC)).replaceAll("");
    }
}
