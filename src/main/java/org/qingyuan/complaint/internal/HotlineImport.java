package org.qingyuan.complaint.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.qingyuan.complaint.Channel;
import org.qingyuan.complaint.Reporter;
import org.qingyuan.complaint.ServiceKind;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A batch from the 12369 platform (.xlsx or .csv), all or nothing: the header row is found by its spellings below any
 * title rows, every row is checked first, and only a batch without a single error is filed (each row a complaint of
 * channel 12369, its platform number kept so that the same batch cannot be filed twice). The report names each bad row
 * and column in Chinese, as the ledger import does.
 */
@Service
public class HotlineImport {

    /** One problem of the batch. */
    public record RowError(int row, String column, String message) {
    }

    /** What an import did: rows read, complaints filed (0 when any row is wrong), the problems. */
    public record Report(int rows, int imported, List<RowError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    enum Column {
        NUMBER("举报编号", "编号", "工单编号", "投诉编号", "受理编号"),
        TIME("举报时间", "受理时间", "来电时间", "投诉时间", "登记时间"),
        KIND("举报类别", "类别", "问题类型", "污染类型"),
        CONTENT("举报内容", "问题描述", "反映内容", "投诉内容", "内容"),
        ADDRESS("被举报地址", "地址", "事发地址", "污染地址"),
        LONGITUDE("经度"),
        LATITUDE("纬度"),
        NAME("举报人", "举报人姓名", "姓名"),
        PHONE("联系电话", "举报人电话", "电话", "手机号"),
        ID_NUMBER("身份证号", "举报人身份证号", "证件号码");

        final List<String> spellings;

        Column(String... spellings) {
            this.spellings = List.of(spellings);
        }

        String label() {
            return spellings.get(0);
        }
    }

    private static final List<DateTimeFormatter> TIMES = List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"), DateTimeFormatter.ofPattern("yyyy/M/d H:mm:ss"),
            DateTimeFormatter.ofPattern("yyyy/M/d H:mm"), DateTimeFormatter.ofPattern("yyyy年M月d日 H:mm"));

    private final ComplaintIntake intake;

    HotlineImport(ComplaintIntake intake) {
        this.intake = intake;
    }

    @Transactional
    public Report importBatch(String fileName, byte[] content) {
        List<HotlineBatch.Line> lines = HotlineBatch.read(fileName, content);
        int headerAt = -1;
        Map<Column, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(lines.size(), 6) && headerAt < 0; i++) {
            Map<Column, Integer> found = header(lines.get(i));
            if (found.containsKey(Column.CONTENT)) {
                headerAt = i;
                columns = found;
            }
        }
        if (headerAt < 0) {
            throw new InvalidInputException("file", "找不到表头：前 6 行中没有“举报内容”（或“问题描述”“反映内容”）列");
        }
        List<RowError> errors = new ArrayList<>();
        for (Column required : List.of(Column.NUMBER, Column.TIME)) {
            if (!columns.containsKey(required)) {
                errors.add(new RowError(lines.get(headerAt).number(), required.label(), "缺少“" + required.label() + "”列"));
            }
        }
        List<Intake> intakes = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        int rows = 0;
        for (int i = headerAt + 1; i < lines.size(); i++) {
            HotlineBatch.Line line = lines.get(i);
            if (line.cells().stream().allMatch(c -> c == null || c.isBlank())) {
                continue;
            }
            rows++;
            Intake in = row(line, columns, errors, numbers);
            if (in != null) {
                intakes.add(in);
            }
        }
        if (rows == 0) {
            errors.add(new RowError(lines.get(headerAt).number() + 1, null, "表头下没有数据行"));
        }
        if (!errors.isEmpty()) {
            return new Report(rows, 0, errors);
        }
        for (Intake in : intakes) {
            intake.receive(in);
        }
        return new Report(rows, intakes.size(), List.of());
    }

    private Intake row(HotlineBatch.Line line, Map<Column, Integer> columns, List<RowError> errors, Set<String> numbers) {
        int before = errors.size();
        String number = get(line, columns, Column.NUMBER);
        if (number == null) {
            errors.add(new RowError(line.number(), Column.NUMBER.label(), "举报编号为空"));
        } else if (!numbers.add(number)) {
            errors.add(new RowError(line.number(), Column.NUMBER.label(), "举报编号 " + number + " 在文件中重复"));
        }
        Instant at = null;
        String time = get(line, columns, Column.TIME);
        if (time == null) {
            errors.add(new RowError(line.number(), Column.TIME.label(), "举报时间为空"));
        } else {
            at = time(time);
            if (at == null) {
                errors.add(new RowError(line.number(), Column.TIME.label(), "举报时间“" + time + "”无法识别，应为 2026-12-01 09:30 这样的格式"));
            }
        }
        Double lon = number(line, columns, Column.LONGITUDE, errors);
        Double lat = number(line, columns, Column.LATITUDE, errors);
        String kind = get(line, columns, Column.KIND);
        ServiceKind service = kind != null && (kind.contains("死灰复燃") || kind.contains("恢复生产")) ? ServiceKind.REBOUND
                : kind != null && (kind.contains("扰民") || kind.contains("噪声") || kind.contains("异味") || kind.contains("废气")
                || kind.contains("废水")) ? ServiceKind.POLLUTION : ServiceKind.SLW;
        Intake in = new Intake(Channel.IMPORT_12369, number, service, get(line, columns, Column.CONTENT), get(line, columns, Column.ADDRESS),
                lon, lat, new Reporter(get(line, columns, Column.NAME), get(line, columns, Column.PHONE), get(line, columns, Column.ID_NUMBER)),
                List.of(), at, null, null);
        try {
            intake.check(in);
        } catch (ValidationException e) {
            for (FieldError f : e.errors()) {
                errors.add(new RowError(line.number(), columnOf(f.field()), f.message()));
            }
        }
        if (number != null && intake.alreadyFiled(Channel.IMPORT_12369, number)) {
            errors.add(new RowError(line.number(), Column.NUMBER.label(), "举报编号 " + number + " 已经导入过"));
        }
        return errors.size() == before ? in : null;
    }

    private static String columnOf(String field) {
        return switch (field) {
            case "description" -> Column.CONTENT.label();
            case "address", "lat" -> Column.ADDRESS.label();
            case "phone" -> Column.PHONE.label();
            case "name" -> Column.NAME.label();
            case "idNumber" -> Column.ID_NUMBER.label();
            default -> field;
        };
    }

    private static Map<Column, Integer> header(HotlineBatch.Line line) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int c = 0; c < line.cells().size(); c++) {
            String text = line.cell(c) == null ? "" : line.cell(c).replaceAll("\\s", "");
            for (Column col : Column.values()) {
                if (!found.containsKey(col) && col.spellings.contains(text)) {
                    found.put(col, c);
                }
            }
        }
        return found;
    }

    private static String get(HotlineBatch.Line line, Map<Column, Integer> columns, Column column) {
        Integer c = columns.get(column);
        String v = c == null ? null : line.cell(c);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static Double number(HotlineBatch.Line line, Map<Column, Integer> columns, Column column, List<RowError> errors) {
        String v = get(line, columns, column);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            errors.add(new RowError(line.number(), column.label(), column.label() + "应为数字，实际为“" + v + "”"));
            return null;
        }
    }

    static Instant time(String text) {
        if (text.matches("\\d{5}(\\.\\d+)?")) {
            // an Excel date serial (days since 1899-12-30, the fraction the time of day)
            BigDecimal serial = new BigDecimal(text);
            long seconds = serial.multiply(BigDecimal.valueOf(86400)).longValue();
            return LocalDate.of(1899, 12, 30).atStartOfDay().plusSeconds(seconds).atZone(ComplaintHandling.CHINA).toInstant();
        }
        for (DateTimeFormatter f : TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(ComplaintHandling.CHINA).toInstant();
            } catch (DateTimeParseException next) {
                // try the next spelling
            }
        }
        try {
            return LocalDate.parse(text).atStartOfDay(ComplaintHandling.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
