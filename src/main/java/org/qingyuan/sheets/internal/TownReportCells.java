package org.qingyuan.sheets.internal;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qingyuan.rectification.TownReport;

/**
 * Reads the survey ledger's 整治要求 / 整治期限 / 分包责任人 / 完成情况 of an accepted row into the town's report that
 * the rectification module applies to the enterprise's case: the deadline as a date where it reads as one, the
 * responsible person's name and phone, the progress with its date written the one way (拆除到位（2017-03-18）).
 */
final class TownReportCells {

    private static final Pattern PHONE = Pattern.compile("(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}|\\d{7,8})");
    private static final Pattern DATE = Pattern.compile(
            "(\\d{4})\\s*[.．/\\-年]\\s*(\\d{1,2})\\s*[.．/\\-月]\\s*(\\d{1,2})\\s*日?");

    private TownReportCells() {
    }

    static TownReport of(long enterpriseId, RowMapper.CampaignColumns c, String source) {
        LocalDate deadline = null;
        if (c.deadline() != null) {
            try {
                Cells.DateValue d = Cells.date(c.deadline(), null);
                deadline = d == null ? null : d.date();
            } catch (Cells.Unreadable e) {
                deadline = null;
            }
        }
        String name = null;
        String phone = null;
        if (c.responsible() != null) {
            String text = c.responsible().strip();
            Matcher m = PHONE.matcher(text);
            if (m.find()) {
                phone = m.group(1);
                text = (text.substring(0, m.start()) + " " + text.substring(m.end())).strip();
            }
            name = text.replaceAll("[\\s,，;；:：()（）电话手机]+$", "").replaceAll("^[\\s,，;；:：]+", "").strip();
            name = name.isEmpty() ? null : name;
        }
        return new TownReport(enterpriseId, c.requirement(), c.deadline(), deadline, name, phone, progress(c.progress()), source);
    }

    /** 拆除到位 2017.3.18 → 拆除到位（2017-03-18）; words without a date stay as written. */
    static String progress(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = DATE.matcher(text);
        if (!m.find()) {
            return text.strip();
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (java.time.DateTimeException e) {
            return text.strip();
        }
        String words = (text.substring(0, m.start()) + text.substring(m.end())).replaceAll("[\\s（）()，,。；;:：]+", "").strip();
        return words.isEmpty() ? date.toString() : words + "（" + date + "）";
    }
}
