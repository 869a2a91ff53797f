package org.qingyuan.gatekeeping.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.qingyuan.utility.Utility;
import org.qingyuan.utility.UtilityAccounts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consumption readings as a utility exports them: a CSV of 户号, 日期, 读数 (account number, date yyyy-mm-dd, consumption),
 * with or without a header line, UTF-8 (a BOM is skipped), comma or tab separated. Every row is checked first and any
 * error is reported by row in Chinese with nothing taken (all or nothing); the accounts are resolved to enterprises
 * through the orders to the utility ({@link UtilityAccounts}); then the readings go to {@link UtilitySignals#receive}, so
 * a reading over the threshold at a closed-out shut-down site raises a rebound lead as the JSON feed does.
 */
@Service
public class ReadingsCsv {

    static final int MAX_ROWS = 5000;

    private final UtilityAccounts accounts;
    private final UtilitySignals signals;

    ReadingsCsv(UtilityAccounts accounts, UtilitySignals signals) {
        this.accounts = accounts;
        this.signals = signals;
    }

    private record Row(int line, String account, LocalDate date, double reading) {
    }

    @Transactional
    public UtilitySignals.Result receive(String utility, String csv, CurrentUser caller) {
        Utility u = utilityOf(utility, caller);
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = parse(csv == null ? "" : csv, errors);
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new InvalidInputException("file", "文件中没有读数（每行：户号,日期,读数）");
        }
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多报送 " + MAX_ROWS + " 条读数，本文件有 " + rows.size() + " 条");
        }
        Map<String, Long> enterprises = accounts.enterprisesOf(u, new LinkedHashSet<>(rows.stream().map(Row::account).toList()),
                caller.division());
        List<UtilitySignals.Reading> readings = new ArrayList<>();
        for (Row row : rows) {
            Long enterprise = enterprises.get(row.account());
            if (enterprise == null) {
                errors.add(new FieldError("row" + row.line(), "第 " + row.line() + " 行：户号“" + row.account() + "”在本辖区没有"
                        + u.label() + "指令，查不到对应的企业"));
                continue;
            }
            readings.add(new UtilitySignals.Reading(enterprise, row.account(), row.date().toString(), row.reading()));
        }
        errors.sort(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.field().substring(3))));
        ValidationException.throwIfAny(errors);
        return signals.receive(u.name(), readings, caller);
    }

    /** The caller's own utility for a utility's officer; otherwise the one named. */
    private static Utility utilityOf(String utility, CurrentUser caller) {
        var own = caller.departmentCode() == null ? java.util.Optional.<Utility>empty() : Utility.ofDepartment(caller.departmentCode());
        if (own.isPresent()) {
            return own.get();
        }
        try {
            return Utility.valueOf(utility == null ? "" : utility.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("utility", "请指明供水（WATER）、供电（POWER）或供气（GAS）");
        }
    }

    private static List<Row> parse(String csv, List<FieldError> errors) {
        List<Row> rows = new ArrayList<>();
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n|\r");
        for (int i = 0; i < lines.length; i++) {
            int line = i + 1;
            String text = lines[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            String[] cells = text.split("[,，\t]", -1);
            if (i == 0 && (text.contains("户号") || text.toLowerCase().startsWith("account"))) {
                continue;
            }
            if (cells.length != 3) {
                errors.add(new FieldError("row" + line, "第 " + line + " 行：应有 3 列（户号,日期,读数），实有 " + cells.length + " 列"));
                continue;
            }
            String account = unquote(cells[0]);
            String date = unquote(cells[1]);
            String reading = unquote(cells[2]);
            List<String> problems = new ArrayList<>();
            if (account.isEmpty() || account.length() > 50) {
                problems.add("户号为空或超过 50 个字符");
            }
            LocalDate day = null;
            try {
                day = LocalDate.parse(date.replace('/', '-'));
            } catch (DateTimeParseException e) {
                problems.add("日期“" + date + "”无效，应为 yyyy-mm-dd");
            }
            double value = -1;
            try {
                value = Double.parseDouble(reading);
                if (value < 0 || Double.isNaN(value) || Double.isInfinite(value)) {
                    problems.add("读数“" + reading + "”不能为负数");
                }
            } catch (NumberFormatException e) {
                problems.add("读数“" + reading + "”不是数字");
            }
            if (!problems.isEmpty()) {
                errors.add(new FieldError("row" + line, "第 " + line + " 行：" + String.join("；", problems)));
                continue;
            }
            rows.add(new Row(line, account, day, value));
        }
        return rows;
    }

    private static String unquote(String cell) {
        String s = cell.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).replace("\"\"", "\"").strip();
        }
        return s;
    }
}
