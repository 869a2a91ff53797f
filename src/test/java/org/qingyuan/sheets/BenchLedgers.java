package org.qingyuan.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Large generated ledgers in the official layouts, for the benchmark and the crash test: the 001 附件1
 * survey ledger with its title, unit and date rows, header and footnotes, rows spread over 惠济区's
 * real villages written as people write them (short names, Chinese dates, 约20人, 有/无).
 */
public final class BenchLedgers {

    /** Short names of 惠济区 villages and communities, as towns write them. */
    static final List<String> VILLAGES = List.of("金河社区", "开元社区", "文运社区", "金杯社区", "家河家社区", "河畔社区", "石桥村", "花园口村",
            "申庄村", "大庙村", "京水村", "南月堤村", "祥云寺村", "八堡村", "西山社区", "绿境社区", "古荥村", "程庄村", "马村", "纪公庙村",
            "张定邦村", "曹村坡村", "南王村", "孙庄村", "黄河桥村", "岭军峪村");
    static final String[] TYPES = {"小散乱污", "小散乱污", "小散乱污", "八小"};
    static final String[] MATERIALS = {"钢材", "废塑料", "木材、油漆", "黄豆", "油墨", "机油", "石料", "布料"};
    static final String[] WATER_GAS = {"涉气", "涉水", "涉水涉气", "均不涉及"};
    static final String[] APPROVALS = {"无", "有", "有营业执照，无环评", "无环评手续"};
    static final String[] REQUIREMENTS = {"补办手续", "整改完善", "限期拆除"};
    static final String[] KINDS = {"机械加工厂", "塑料制品厂", "木器加工点", "豆腐坊", "印刷厂", "汽修店", "石材厂", "服装加工坊"};

    private BenchLedgers() {
    }

    /** Writes a survey ledger for the drills: {@code <rows> <name prefix> <file>} (bench/two-nodes.sh). */
    public static void main(String[] args) throws IOException {
        try (OutputStream out = java.nio.file.Files.newOutputStream(java.nio.file.Path.of(args[2]))) {
            surveyLedger(Integer.parseInt(args[0]), args[1], out);
        }
    }

    public static byte[] surveyLedger(int rows, String prefix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        surveyLedger(rows, prefix, out);
        return out.toByteArray();
    }

    public static void surveyLedger(int rows, String prefix, OutputStream out) throws IOException {
        Workbook wb = new Workbook(out, "bench", "1.0");
        Worksheet ws = wb.newWorksheet("排查台账");
        ws.value(0, 0, "惠济区小散乱污企业排查台账");
        ws.range(0, 0, 0, 13).merge();
        ws.value(1, 0, "镇（办）：惠济区  (盖章)");
        ws.value(2, 0, "日期：2017年3月1日");
        String[] header = {"序号", "所在村组", "企业名称", "企业类型", "企业规模（人员等）", "原辅材料", "涉水涉气", "有无手续", "整治要求", "上报时间",
                "整治期限", "分包责任人", "完成情况（完成日期）", "备注"};
        for (int c = 0; c < header.length; c++) {
            ws.value(3, c, header[c]);
        }
        int r = 4;
        for (int i = 1; i <= rows; i++, r++) {
            ws.value(r, 0, i);
            ws.inlineString(r, 1, VILLAGES.get(i % VILLAGES.size()));
            ws.inlineString(r, 2, prefix + i + "号" + KINDS[i % KINDS.length]);
            ws.inlineString(r, 3, TYPES[i % TYPES.length]);
            ws.inlineString(r, 4, i % 3 == 0 ? "约" + (i % 40 + 2) + "人" : (i % 40 + 2) + "人");
            ws.inlineString(r, 5, MATERIALS[i % MATERIALS.length]);
            ws.inlineString(r, 6, WATER_GAS[i % WATER_GAS.length]);
            ws.inlineString(r, 7, APPROVALS[i % APPROVALS.length]);
            ws.inlineString(r, 8, REQUIREMENTS[i % REQUIREMENTS.length]);
            ws.inlineString(r, 9, "2017." + (1 + i % 2) + "." + (1 + i % 28));
            ws.inlineString(r, 10, i % 5 == 0 ? "3月底" : "2017年5月31日");
            ws.inlineString(r, 11, "责任人" + (i % 50));
            if (i % 4 == 0) {
                ws.inlineString(r, 12, "正在整治");
            }
            if (i % 1000 == 0) {
                ws.flush();
            }
        }
        ws.value(r + 1, 0, "注：1. 此表各镇、办事处环保部门填报，自2月起每月23日前上报。2. 类型分为：小散乱污、八小。");
        ws.finish();
        wb.finish();
    }
}
