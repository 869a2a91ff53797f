package org.qingyuan.sheets.internal;

import static org.qingyuan.sheets.internal.SheetColumn.*;

import org.qingyuan.ledger.Discovery;
import org.qingyuan.ledger.EnterpriseType;
import org.qingyuan.ledger.Premises;

/** The ledger's codes from what towns write: 厂房性质 (自有, 租赁 …), 企业类型 (小散乱污, 八小), 发现方式. */
final class ChoiceCells {

    private ChoiceCells() {
    }

    static Premises premises(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text);
        if (t.contains("租")) {
            return Premises.RENTED;
        }
        if (t.contains("自建") || t.contains("自有") || t.contains("自己") || t.contains("自家") || t.contains("宅基")) {
            return Premises.SELF_BUILT;
        }
        throw new Cells.Unreadable("“" + text + "”应为租赁或自建");
    }

    static EnterpriseType type(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text).replace("“", "").replace("”", "").replace("\"", "");
        if (t.contains("八小")) {
            return EnterpriseType.EIGHT_SMALL;
        }
        if (t.contains("散") || t.contains("乱") || t.contains("污") || t.equalsIgnoreCase("SLW")) {
            return EnterpriseType.SLW;
        }
        throw new Cells.Unreadable("“" + text + "”应为小散乱污或八小");
    }

    static Discovery discovery(String text) {
        if (text == null) {
            return null;
        }
        String t = Cells.plain(text);
        for (Discovery d : Discovery.values()) {
            if (t.equals(d.label()) || t.equals(d.name()) || t.contains(d.label().substring(0, 2))) {
                return d;
            }
        }
        if (t.contains("举报") || t.contains("信访") || t.contains("12369")) {
            return Discovery.COMPLAINT;
        }
        if (t.contains("排查") || t.contains("巡查") || t.contains("网格")) {
            return Discovery.PATROL;
        }
        throw new Cells.Unreadable("“" + text + "”应为巡查发现、群众举报、上级交办、督查发现或台账导入");
    }
}
