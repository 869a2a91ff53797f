package org.qingyuan.sheets;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Realistic, messy town ledgers built in code: what towns really send, with every kind of mess the
 * import must swallow (title and unit/date rows, two-row and multi-line headers, header synonyms,
 * cells merged down, footnotes, blank rows, a 续表 sheet, full-width digits, Chinese and vague
 * dates, 是/否/有/无/√/×, numbers with units and approximations, trailing spaces, unknown columns).
 */
public final class MessyLedgers {

    private MessyLedgers() {
    }

    /**
     * 001 附件1 as a town keeps it, in 惠济区 (410108): 12 data rows on two sheets.
     * Rows (Excel numbering) on sheet “排查台账”: 6 金河 (merged 所在村组 rows 6–8), 7, 8, 9 (bad village),
     * 10 (blank), 11 (vague date, 八小, town in front, village group behind), 12 (duplicate of row 6),
     * 13 (a village of another town than the form's unit, and a type that is no type), then footnotes;
     * sheet “续表” without a header: rows 1–4.
     */
    public static byte[] surveyLedger(String tag) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("排查台账");
        ws.value(0, 0, "惠济区小散乱污企业排查台账");
        ws.range(0, 0, 0, 14).merge();
        ws.value(1, 0, "镇（办）：新城街道  (盖章)");
        ws.value(2, 0, "日期：2017年3月1日");
        // two-row header: 完成情况 / (完成日期) and a multi-line cell 企业规模\n(人员等)
        String[] upper = {"序号", "所在村组", "企业名称 ", "企业类型", "企业规模\n(人员等)", "原辅材料", "涉水涉气", "有无手续", "整治要求",
                "上报时间", "整治期限", "分包\n责任人", "完成情况", "备注", "巡查人员"};
        for (int c = 0; c < upper.length; c++) {
            ws.value(3, c, upper[c]);
        }
        ws.value(4, 12, "（完成日期）");
        for (int c = 0; c < upper.length; c++) {
            if (c != 12) {
                ws.range(3, c, 4, c).merge();
            }
        }
        Object[][] rows = {
                {"１", "金河社区", tag + "金河机械加工厂  ", "小散乱污", "约20人", "钢材", "涉气", "无", "补办手续", "2017.2.28", "2017年5月31日", "张三", "正在整治", "", "李四"},
                {"2", null, tag + "宏达塑料制品厂", "小散乱污", "8人", "废塑料", "涉水涉气", "有营业执照，无环评", "整改完善", "2017年3月1日", "3月底", "张三", "", "屋顶彩钢瓦", ""},
                {"3", null, tag + "鑫源木器加工点", "八小", "１２人", "木材、油漆", "均不涉及", "√", "限期拆除", new BigDecimal("42795"), "", "王五", "拆除到位（2017.3.5）", "", ""},
                {"4", "不存在村", tag + "无名作坊", "小散乱污", "3人", "", "", "", "", "2017/3/5", "", "", "", "", ""},
                {null, null, null, null, null, null, null, null, null, null, null, null, null, null, null},
                {"5", "新城街道 毛庄村三组", tag + "毛庄豆腐坊", "八小", "5", "黄豆", "涉水", "×", "补办手续", "3月底", "", "赵六", "", "", ""},
                {"6", "金河社区居民委员会", tag + "金河机械加工厂", "小散乱污", "20", "钢材", "涉气", "无", "补办手续", "2017.2.28", "", "", "", "", ""},
                {"7", "花园口镇石桥村", "=HYPERLINK(\"x\")" + tag, "大型企业", "10人", "", "", "", "", "2017.3.2", "", "", "", "", ""},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof String s && !s.isEmpty()) {
                    ws.value(5 + r, c, s);
                } else if (v instanceof BigDecimal n) {
                    ws.value(5 + r, c, n);
                }
            }
        }
        ws.range(5, 1, 7, 1).merge();
        ws.value(14, 0, "注：1. 此表各镇、办事处环保部门填报，自2月起每月23日前上报。2. 类型分为：小散乱污、八小。");
        ws.value(15, 0, "填报人：张三            审核人：李四");
        ws.finish();

        Worksheet more = wb.newWorksheet("续表");
        more.value(0, 0, "续表");
        Object[][] next = {
                {"8", "开元社区", tag + "开元印刷厂", "小散乱污", "15人", "油墨", "涉气", "有", "整改完善", "2017年2月20日", "", "钱七", "", "", ""},
                {"9", "文运社区", tag + "文运汽修", "小散乱污", "6", "机油", "涉水", "无环评手续", "限期拆除", "2017.2.21", "", "", "", "", ""},
                {"10", "金杯社区", tag + "金杯喷漆", "小散乱污", "4人", "油漆", "涉气", "无", "限期拆除", "2017.2.22", "", "", "", "", ""},
        };
        for (int r = 0; r < next.length; r++) {
            for (int c = 0; c < next[r].length; c++) {
                if (next[r][c] instanceof String s && !s.isEmpty()) {
                    more.value(1 + r, c, s);
                }
            }
        }
        more.finish();
        wb.finish();
        return out.toByteArray();
    }

    /**
     * A survey ledger whose table runs on over three sheets: “附件1” (title, unit row, header on row 3,
     * data rows 4–5), “附件1（续）” (a 续表 title row, the header repeated on row 2, data rows 3–5 with
     * 所在村组 merged down all three) and “续表” (no header at all, data rows 1–2). Messy values on the
     * way: a vague 上报时间 (3月底) on 附件1（续） row 4, 约20人, full-width digits (２５人, １８号), 2017/3/5.
     */
    public static byte[] continuedLedger(String tag) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        String[] header = {"序号", "所在村组", "企业名称", "企业类型", "企业规模（人员等）", "原辅材料", "涉水涉气", "有无手续", "整治要求",
                "上报时间", "整治期限", "分包责任人", "完成情况（完成日期）", "备注"};
        Worksheet first = wb.newWorksheet("附件1");
        first.value(0, 0, "惠济区小散乱污企业排查台账");
        first.value(1, 0, "镇（办）：新城街道    日期：2017年3月1日");
        for (int c = 0; c < header.length; c++) {
            first.value(2, c, header[c]);
        }
        put(first, 3, "1", "金河社区", tag + "续表甲厂", "小散乱污", "约20人", "钢材", "涉气", "无", "补办手续", "2017.2.28");
        put(first, 4, "2", "开元社区", tag + "续表乙厂", "八小", "8人", "黄豆", "涉水", "有", "整改完善", "2017年3月1日");
        first.finish();

        Worksheet second = wb.newWorksheet("附件1（续）");
        second.value(0, 0, "续表");
        for (int c = 0; c < header.length; c++) {
            second.value(1, c, header[c]);
        }
        put(second, 2, "3", "文运社区", tag + "续表丙厂", "小散乱污", "２５人", "废塑料", "涉水涉气", "×", "限期拆除", "2017/3/5");
        put(second, 3, "4", null, tag + "续表丁厂", "小散乱污", "6", "油墨", "涉气", "无", "补办手续", "3月底");
        put(second, 4, "5", null, tag + "续表戊厂", "八小", "3人", "机油", "均不涉及", "√", "整改完善", "2017.2.20");
        second.range(2, 1, 4, 1).merge();
        second.value(6, 0, "注：续表与附件1同列。");
        second.finish();

        Worksheet third = wb.newWorksheet("续表");
        put(third, 0, "6", "金杯社区", tag + "续表己厂", "小散乱污", "4人", "油漆", "涉气", "无", "限期拆除", "2017.2.22");
        put(third, 1, "7", "毛庄村", tag + "续表庚厂", "小散乱污", "１８", "石料", "涉水", "无", "补办手续", "2017.2.23");
        third.finish();
        wb.finish();
        return out.toByteArray();
    }

    private static void put(Worksheet ws, int row, String... values) {
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                ws.value(row, c, values[c]);
            }
        }
    }

    /** 004 附件2 as a community keeps it (in 惠济区 for the tests): synonyms, 12.5万, 125000元, √/×, an unknown column. */
    public static byte[] communityTable(String tag) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "test", "1.0");
        Worksheet ws = wb.newWorksheet("Sheet1");
        ws.value(0, 0, "惠济区小散乱污企业社区统计表");
        ws.value(1, 0, "单位名称：新城街道（加盖公章）:");
        ws.value(2, 0, "联络员：王芳           联系电话：１３８１２３４５６７８");
        List<String> header = List.of("序\n号", "行业", "企业名称", "企业地址", "联系人", "联系电话", "用工人数", "设备型号", "产品", "产值\n（万元）",
                "厂房性质（租赁或自建）", "污染物排放是否超标", "是否符合产业政策及当地产业布局规划", "有无消防手续", "有无环评手续", "有无规划手续",
                "有无工商执照", "安全生产是否有隐患", "有无违法违章建筑", "是否纳入拆迁范围", "整治\n情况", "所属街道社区", "网格员");
        for (int c = 0; c < header.size(); c++) {
            ws.value(3, c, header.get(c));
        }
        int n = 100 + Math.floorMod(tag.hashCode(), 90000);
        Object[][] rows = {
                {"1", "铸造", tag + "金河铸造厂", "金河路" + fullWidth(n) + "号", "刘一", "138 1234 5678", "约20人", "中频炉 KGPS-250", "铸件", "12.5万", "租赁",
                        "是", "否", "无", "无", "×", "√", "有", "有", "否", "停产整治", "金河社区", "A"},
                {"2", "家具", tag + "开元家具厂", "开元路" + (n + 1) + "号", "陈二", "0371-63639577", "8人", "", "沙发", "125000元", "自建",
                        "否", "是", "有", "有", "有", "有", "无", "无", "是", "补办手续", "开元社区", "B"},
                {"3", "豆腐加工", tag + "文运豆腐坊", "文运街" + (n + 2) + "号", "张三", "13800000000", "3", "", "豆腐", "8", "租房",
                        "N", "Y", "无", "无", "无", "无", "无", "无", "否", "", "文运", "C"},
                // the total row statistics tables end with: 合计 under 序号, the count under 企业名称
                {"合计", "", "共3家", "", "", "", "26人", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""},
        };
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                if (rows[r][c] instanceof String s && !s.isEmpty()) {
                    ws.value(4 + r, c, s);
                }
            }
        }
        ws.finish();
        wb.finish();
        return out.toByteArray();
    }

    static String fullWidth(int n) {
        StringBuilder s = new StringBuilder();
        for (char c : Integer.toString(n).toCharArray()) {
            s.append((char) (c - '0' + '０'));
        }
        return s.toString();
    }

    /** A legacy .xls (Excel 97–2003) survey ledger with a merged village cell and an Excel date. */
    public static byte[] legacyXls(String tag) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet s = wb.createSheet("台账");
            s.createRow(0).createCell(0).setCellValue("惠济区小散乱污企业排查台账");
            s.createRow(1).createCell(0).setCellValue("镇（办）：新城街道");
            String[] header = {"序号", "所在村组", "企业名称", "企业类型", "企业规模（人员等）", "上报时间", "备注"};
            Row h = s.createRow(2);
            for (int c = 0; c < header.length; c++) {
                h.createCell(c).setCellValue(header[c]);
            }
            Row r1 = s.createRow(3);
            r1.createCell(0).setCellValue(1);
            r1.createCell(1).setCellValue("金河社区");
            r1.createCell(2).setCellValue(tag + "老表格五金厂");
            r1.createCell(3).setCellValue("小散乱污");
            r1.createCell(4).setCellValue(9);
            var dateStyle = wb.createCellStyle();
            dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            var d = r1.createCell(5);
            d.setCellValue(LocalDate.of(2017, 2, 27));
            d.setCellStyle(dateStyle);
            Row r2 = s.createRow(4);
            r2.createCell(0).setCellValue(2);
            r2.createCell(2).setCellValue(tag + "老表格塑料厂");
            r2.createCell(3).setCellValue("八小");
            r2.createCell(4).setCellValue("7人");
            r2.createCell(5).setCellValue("2017年2月28日");
            s.addMergedRegion(new CellRangeAddress(3, 4, 1, 1));
            wb.write(out);
            return out.toByteArray();
        }
    }
}
