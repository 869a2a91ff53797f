package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.qingyuan.access.Scope;
import org.qingyuan.lead.Lead;
import org.qingyuan.lead.Leads;
import org.qingyuan.lead.NewLead;
import org.qingyuan.ledger.Discovery;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.Sm3;
import org.qingyuan.shared.ValidationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A list of suspected sites (a superior's assignment, a satellite screening, a supervision team's findings) filed as
 * leads, all or none: each row names its village (as people write it: 金河社区, 古荥镇毛庄村三组) and says what is
 * suspected; name, address, longitude, latitude and a reference (图斑编号, 编号) are optional. Every bad row is
 * refused naming its row and column, and then nothing is filed. A row's reference — its own, or the file's SM3 and the
 * row number — makes a second upload of the same list file nothing twice.
 */
@Service
public class LeadListImport {

    /** What an upload filed: new leads, and rows already filed by an earlier upload. */
    public record Result(int filed, int already, List<Long> leadIds) {
    }

    private static final Pattern VILLAGE = Pattern.compile("所在村.*|村（?社区）?|村\\(社区\\)|社区|村居|村组|所属村.*|所在社区");
    private static final Pattern DESCRIPTION = Pattern.compile("线索描述|情况描述|问题描述|描述|线索内容|情况说明|问题|情况|疑似问题");
    private static final Pattern NAME = Pattern.compile("名称|企业名称|场所名称|企业（场所）名称|单位名称|店名");
    private static final Pattern ADDRESS = Pattern.compile("地址|详细地址|位置|位置描述|具体位置");
    private static final Pattern LONGITUDE = Pattern.compile("经度|东经|lng|lon|longitude", Pattern.CASE_INSENSITIVE);
    private static final Pattern LATITUDE = Pattern.compile("纬度|北纬|lat|latitude", Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile("编号|图斑编号|线索编号|交办编号|来源编号");
    private static final int MAX_ROWS = 5000;

    private final Leads leads;
    private final Divisions divisions;
    private final TransactionTemplate tx;
    private final Clock clock;

    LeadListImport(Leads leads, Divisions divisions, TransactionTemplate tx, Clock clock) {
        this.leads = leads;
        this.divisions = divisions;
        this.tx = tx;
        this.clock = clock;
    }

    /** Reads the first sheet of the file and files its rows as leads of the given source, in one transaction. */
    public Result file(byte[] content, Discovery source, Scope scope) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "请选择要导入的线索清单（.xlsx 或 .xls）");
        }
        if (source == null) {
            throw new InvalidInputException("source", "请选择线索来源");
        }
        List<NewLead> rows = read(content, source, scope);
        Instant started = clock.instant();
        return tx.execute(status -> {
            List<Long> ids = new ArrayList<>();
            int already = 0;
            for (NewLead row : rows) {
                Lead lead = leads.report(row, scope);
                ids.add(lead.id());
                if (lead.reportedAt().isBefore(started)) {
                    already++;   // filed by an earlier upload of the same list
                }
            }
            return new Result(rows.size() - already, already, ids);
        });
    }

    private List<NewLead> read(byte[] content, Discovery source, Scope scope) {
        Path file = null;
        try {
            file = Files.createTempFile("leads", ".bin");
            Files.write(file, content);
            String digest = Sm3.hex(content).substring(0, 16);
            try (Workbook book = Workbook.open(file)) {
                Workbook.SheetInfo sheet = book.sheets().get(0);
                List<Object[]> cells = new ArrayList<>();
                book.rows(sheet, (index, row) -> {
                    while (cells.size() < index) {
                        cells.add(new Object[0]);
                    }
                    cells.add(row);
                });
                return parse(cells, source, scope, digest);
            }
        } catch (Cells.Unreadable e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (IOException e) {
            throw new InvalidInputException("file", "无法读取该文件：" + e.getMessage());
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is removed by the system
                }
            }
        }
    }

    private List<NewLead> parse(List<Object[]> rows, Discovery source, Scope scope, String digest) {
        int header = -1;
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int r = 0; r < Math.min(rows.size(), 10) && header < 0; r++) {
            Map<String, Integer> found = columns(rows.get(r));
            if (found.containsKey("village") && found.containsKey("description")) {
                header = r;
                columns = found;
            }
        }
        if (header < 0) {
            throw new InvalidInputException("file", "前 10 行中找不到表头：须有“所在村（社区）”和“线索描述”（或“情况描述”）两列");
        }
        if (rows.size() - header - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 条线索");
        }
        VillageResolver villages = new VillageResolver(divisions, scope);
        List<FieldError> errors = new ArrayList<>();
        List<NewLead> out = new ArrayList<>();
        for (int r = header + 1; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            int excelRow = r + 1;
            String village = cell(row, columns.get("village"));
            String description = cell(row, columns.get("description"));
            String name = cell(row, columns.get("name"));
            String address = cell(row, columns.get("address"));
            if (village == null && description == null && name == null && address == null) {
                continue;   // a blank row, or a footnote's spacing
            }
            String at = "第 " + excelRow + " 行";
            org.qingyuan.shared.DivisionCode division = null;
            if (village == null) {
                errors.add(new FieldError("row" + excelRow, at + "：“所在村（社区）”为空"));
            } else {
                try {
                    division = villages.resolve(village).division();
                } catch (Cells.Unreadable e) {
                    errors.add(new FieldError("row" + excelRow, at + "：所在村（社区）“" + village + "”：" + e.getMessage()));
                }
            }
            if (description == null) {
                errors.add(new FieldError("row" + excelRow, at + "：“线索描述”为空"));
            } else if (description.length() > 2000) {
                errors.add(new FieldError("row" + excelRow, at + "：“线索描述”超过 2000 个字"));
            }
            Double longitude = number(row, columns.get("longitude"), at, "经度", 180, errors, excelRow);
            Double latitude = number(row, columns.get("latitude"), at, "纬度", 90, errors, excelRow);
            if ((longitude == null) != (latitude == null)) {
                errors.add(new FieldError("row" + excelRow, at + "：经度和纬度须同时填写"));
            }
            String reference = cell(row, columns.get("reference"));
            out.add(new NewLead(source, reference != null ? "清单 " + reference : "清单 " + digest + "#" + excelRow, division, name,
                    address, longitude, latitude, description));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("file", "表头下没有线索");
        }
        return out;
    }

    private static Map<String, Integer> columns(Object[] row) {
        Map<String, Integer> found = new LinkedHashMap<>();
        for (int c = 0; c < row.length; c++) {
            String text = Cells.text(row[c]);
            if (text == null) {
                continue;
            }
            String h = text.replace(" ", "").replace("*", "");
            if (VILLAGE.matcher(h).matches()) {
                found.putIfAbsent("village", c);
            } else if (DESCRIPTION.matcher(h).matches()) {
                found.putIfAbsent("description", c);
            } else if (NAME.matcher(h).matches()) {
                found.putIfAbsent("name", c);
            } else if (ADDRESS.matcher(h).matches()) {
                found.putIfAbsent("address", c);
            } else if (LONGITUDE.matcher(h).matches()) {
                found.putIfAbsent("longitude", c);
            } else if (LATITUDE.matcher(h).matches()) {
                found.putIfAbsent("latitude", c);
            } else if (REFERENCE.matcher(h).matches()) {
                found.putIfAbsent("reference", c);
            }
        }
        return found;
    }

    private static String cell(Object[] row, Integer column) {
        return column == null || column >= row.length ? null : Cells.text(row[column]);
    }

    private static Double number(Object[] row, Integer column, String at, String label, double limit, List<FieldError> errors, int excelRow) {
        String text = cell(row, column);
        if (text == null) {
            return null;
        }
        try {
            double v = new BigDecimal(text).doubleValue();
            if (Math.abs(v) > limit) {
                errors.add(new FieldError("row" + excelRow, at + "：" + label + "“" + text + "”超出范围"));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            errors.add(new FieldError("row" + excelRow, at + "：" + label + "应为数字，实际为“" + text + "”"));
            return null;
        }
    }
}
