package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The three layouts the import reads and the export writes: the survey ledger of 001 附件1, the
 * community statistics table of 004 附件2, and the platform's own full template. The headers and
 * footnotes are those of the seeds, word for word.
 */
public enum Layout {

    /** 001 附件1 惠济区小散乱污企业排查台账. */
    SURVEY_LEDGER("survey-ledger", "小散乱污企业排查台账", "排查台账（001 附件1）",
            List.of(SEQ, VILLAGE, NAME, TYPE, SCALE, RAW_MATERIALS, WATER_GAS, APPROVALS, REQUIREMENT, REPORTED_ON, DEADLINE,
                    RESPONSIBLE, PROGRESS, REMARKS),
            List.of("注：1. 此表各镇、办事处环保部门填报，自2月起每月23日前上报。",
                    "2. 类型分为：小散乱污、八小。",
                    "3. 整治要求包括补办手续、整改完善、限期拆除。",
                    "4. 完成情况为报送时企业情况，根据整治要求包括补办手续、正在整治、正在拆除、拆除到位等，已完成的应注明完成日期。")),

    /**
     * 004 附件2 小散乱污企业社区统计表: its 22 columns, then the platform's record that the form leaves to 整治情况
     * (分类, 处置措施, 整治期限, 分包责任人), so that the table carries the classification and the work and imports back.
     */
    COMMUNITY_TABLE("community-table", "小散乱污企业社区统计表", "社区统计表（004 附件2）",
            List.of(SEQ, INDUSTRY, NAME, ADDRESS, CONTACT, PHONE, EMPLOYEES, EQUIPMENT, PRODUCTS, OUTPUT, PREMISES, EMISSIONS,
                    CONFORMS, FIRE, EIA, PLANNING, LICENCE, SAFETY, ILLEGAL_BUILDINGS, DEMOLITION, PROGRESS, VILLAGE,
                    CATEGORY, REQUIREMENT, DEADLINE, RESPONSIBLE),
            List.of()),

    /** The platform's template: every field of the ledger, one column each; the full-field export writes the same. */
    TEMPLATE("template", "台账导入模板（全字段）", "平台模板（全字段）", templateColumns(), List.of(
            "注：1. 企业名称、所在村（社区）必填；所在村（社区）可写简称（如“金河社区”“毛庄村”），也可填区划代码。",
            "2. 是否类各列填 是/否、有/无、√/× 或 Y/N，不清楚的留空。",
            "3. 日期可写 2017.2.28、2017年3月1日 或 2017/3/5；产值以万元计，人数填数字。"));

    private final String param;
    private final String title;
    private final String label;
    private final List<SheetColumn> columns;
    private final List<String> footnotes;

    Layout(String param, String title, String label, List<SheetColumn> columns, List<String> footnotes) {
        this.param = param;
        this.title = title;
        this.label = label;
        this.columns = columns;
        this.footnotes = footnotes;
    }

    /** The value of the {@code layout} request parameter. */
    public String param() {
        return param;
    }

    /** The form's title after the unit's name (惠济区 + 小散乱污企业排查台账). */
    public String title() {
        return title;
    }

    /** What the pages call it. */
    public String label() {
        return label;
    }

    List<SheetColumn> columns() {
        return columns;
    }

    List<String> footnotes() {
        return footnotes;
    }

    /** The header a column has in this layout (the seeds' words, e.g. 所属街道社区 in the community table). */
    String header(SheetColumn column) {
        if (this == COMMUNITY_TABLE) {
            return switch (column) {
                case SEQ -> "序号";
                case ADDRESS -> "企业地址";
                case OUTPUT -> "产值（万元）";
                case PREMISES -> "厂房性质（租赁或自建）";
                case PROGRESS -> "整治情况";
                case VILLAGE -> "所属街道社区";
                case REQUIREMENT -> "处置措施";
                default -> column.label();
            };
        }
        if (this == TEMPLATE && column == VILLAGE) {
            return "所在村（社区）";
        }
        return column.label();
    }

    public static Optional<Layout> byParam(String param) {
        for (Layout l : values()) {
            if (l.param.equals(param)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }

    private static List<SheetColumn> templateColumns() {
        List<SheetColumn> out = new ArrayList<>(List.of(NAME, CREDIT_CODE, OPERATOR, CONTACT, PHONE, VILLAGE, DIVISION_CODE, ADDRESS,
                LONGITUDE, LATITUDE, INDUSTRY, KEY_INDUSTRY, EIGHT_SMALL, PRODUCTS, RAW_MATERIALS, EQUIPMENT, EMPLOYEES, OUTPUT,
                PREMISES, LANDLORD, EMISSIONS, CONFORMS, FIRE, EIA, PLANNING, LICENCE, SAFETY, ILLEGAL_BUILDINGS, DEMOLITION,
                INVOLVES_WATER, INVOLVES_GAS, TYPE, DISCOVERY, REPORTED_ON, REQUIREMENT, DEADLINE, RESPONSIBLE, PROGRESS,
                REMARKS));
        return List.copyOf(out);
    }
}
