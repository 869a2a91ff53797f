package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.qingyuan.access.CurrentUser;
import org.qingyuan.access.Scope;
import org.qingyuan.ledger.EnterpriseQuery;
import org.qingyuan.ledger.EnterpriseStatus;
import org.qingyuan.ledger.EnterpriseSummary;
import org.qingyuan.ledger.Ledger;
import org.qingyuan.region.Division;
import org.qingyuan.region.Divisions;
import org.qingyuan.shared.DivisionCode;
import org.qingyuan.shared.DivisionLevel;
import org.qingyuan.shared.FieldError;
import org.qingyuan.shared.InvalidInputException;
import org.qingyuan.shared.ValidationException;
import org.qingyuan.supervision.SupervisionLedger;
import org.qingyuan.supervision.SupervisionLedger.RecordedProblem;
import org.springframework.stereotype.Service;

/**
 * A paper tracking ledger (督查跟踪台账, 001 附件2; .xlsx or .xls) recorded as supervision problems, all or none: the
 * header is found by its names as people spell them (所在乡（镇）、办, 乡镇（街道）, 完成情况（完成日期）…), the title,
 * unit, date and notes rows are skipped; each row's town is matched by name inside the caller's district and its
 * enterprise by name inside that town through the ledger (exactly one active enterprise). 移交日期 takes the forms the
 * ledger import reads (2017.2.28, 2017年3月1日, 2017/3/5, an Excel date); 完成情况 gives the completion day when it
 * names one (拆除到位（2017.3.5）, 已完成 2017-03-05); a row that is a problem already there as the export writes it is
 * recognised, so an exported form imported back records nothing twice. Every bad row is reported with its row and column, and then
 * nothing is recorded; {@link SupervisionLedger#record} checks the caller's right and records.
 */
@Service
public class SupervisionLedgerImport {

    private static final int MAX_ROWS = 5000;
    private static final int HEADER_SEARCH = 12;

    private static final Pattern SEQ = Pattern.compile("序号|编号");
    private static final Pattern TOWN = Pattern.compile("(所在|所属)?(乡镇?办?|乡镇街道|乡镇街办|镇办|镇街|镇|乡镇办事处|街道|街道办|街道办事处|办事处)(名称)?");
    private static final Pattern NAME = Pattern.compile("企业名称|名称|企业场所名称|场所名称|单位名称|企业单位名称");
    private static final Pattern ADDRESS = Pattern.compile("地址|企业地址|详细地址|所在地址|经营地址|具体地址");
    private static final Pattern TYPE = Pattern.compile("企业类型|类型");
    private static final Pattern REQUIREMENT = Pattern.compile("整治要求|整改要求|整治内容|问题及整治要求|存在问题及整治要求|存在问题|督查问题|问题描述");
    private static final Pattern HANDED = Pattern.compile("移交日期|移交时间|交办日期|交办时间|移交");
    private static final Pattern PROGRESS = Pattern.compile("完成情况.*|整治情况.*|整改情况.*|进展情况.*");
    private static final Pattern RESPONSIBLE = Pattern.compile("分包责任人|责任人|包保责任人|分包负责人|分包领导|负责人");
    /** The punctuation header cells are written with: （镇）、办, (完成日期), 乡镇/街道. */
    private static final Pattern HEADER_NOISE = Pattern.compile("[()（）、/\\\\·.*＊:：\\[\\]【】]");
    /** A day anywhere in 完成情况: 拆除到位（2017.3.5）, 已完成 2017-03-05, 2017年3月5日完成. */
    private static final Pattern DAY = Pattern.compile("(\\d{4})[.\\-/年](\\d{1,2})[.\\-/月](\\d{1,2})[日号]?");
    private static final Pattern DONE = Pattern.compile(".*(到位|已完成|完成|已拆除|拆除完毕|已销号|销号|已补办|办结|已整改).*");
    private static final Pattern NOT_DONE = Pattern.compile(".*(未|正在|尚未|没有|待|不到位).*");

    private final Divisions divisions;
    private final Ledger ledger;
    private final SupervisionLedger supervision;

    SupervisionLedgerImport(Divisions divisions, Ledger ledger, SupervisionLedger supervision) {
        this.divisions = divisions;
        this.ledger = ledger;
        this.supervision = supervision;
    }

    /** Reads the first sheet of the file and records its rows, all or none. */
    public SupervisionLedger.Recorded record(byte[] content, CurrentUser user) {
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "请选择要导入的督查跟踪台账（.xlsx 或 .xls）");
        }
        List<RecordedProblem> rows = parse(read(content), user);
        return supervision.record(user, asRecorded(rows, user));
    }

    /**
     * The rows with the problem's own description where a row is a problem already in the tracking ledger as the export
     * writes it (整治要求 = 关停取缔：现场有工人生产, the same enterprise and 移交日期), so that an exported form imported
     * back records nothing twice.
     */
    private List<RecordedProblem> asRecorded(List<RecordedProblem> rows, CurrentUser user) {
        Map<String, String> exported = new HashMap<>();
        for (org.qingyuan.supervision.Problem p : supervision.rows(user, null, null)) {
            LocalDate handed = p.handedAt() == null ? null : LocalDate.ofInstant(p.handedAt(), java.time.ZoneId.of("Asia/Shanghai"));
            exported.putIfAbsent(p.enterpriseId() + "|" + handed + "|" + Cells.text(SupervisionLedgerSheet.requirement(p)), p.description());
        }
        List<RecordedProblem> out = new ArrayList<>(rows.size());
        for (RecordedProblem r : rows) {
            String description = exported.get(r.enterpriseId() + "|" + r.handedOn() + "|" + r.description());
            out.add(description == null || description.equals(r.description()) ? r
                    : new RecordedProblem(r.row(), r.enterpriseId(), description, r.handedOn(), r.responsiblePerson(), r.completedOn()));
        }
        return out;
    }

    private static List<Object[]> read(byte[] content) {
        Path file = null;
        try {
            file = Files.createTempFile("supervision-ledger", ".bin");
            Files.write(file, content);
            try (Workbook book = Workbook.open(file)) {
                Workbook.SheetInfo sheet = book.sheets().get(0);
                List<Object[]> cells = new ArrayList<>();
                book.rows(sheet, (index, row) -> {
                    while (cells.size() < index) {
                        cells.add(new Object[0]);
                    }
                    cells.add(row);
                });
                return cells;
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

    /** The columns of the form by what they hold. */
    private enum Column {
        SEQ("序号"), TOWN("所在乡（镇）、办"), NAME("企业名称"), ADDRESS("地址"), TYPE("企业类型"), REQUIREMENT("整治要求"),
        HANDED("移交日期"), PROGRESS("完成情况（完成日期）"), RESPONSIBLE("分包责任人");

        final String label;

        Column(String label) {
            this.label = label;
        }
    }

    List<RecordedProblem> parse(List<Object[]> rows, CurrentUser user) {
        int header = -1;
        Map<Column, Integer> columns = Map.of();
        for (int r = 0; r < Math.min(rows.size(), HEADER_SEARCH) && header < 0; r++) {
            Map<Column, Integer> found = columns(rows.get(r));
            if (found.containsKey(Column.NAME) && found.containsKey(Column.REQUIREMENT)) {
                header = r;
                columns = found;
            }
        }
        if (header < 0) {
            throw new InvalidInputException("file", "前 " + HEADER_SEARCH + " 行中找不到督查跟踪台账的表头：须有“企业名称”和“整治要求”两列");
        }
        if (rows.size() - header - 1 > MAX_ROWS) {
            throw new InvalidInputException("file", "一次最多导入 " + MAX_ROWS + " 行");
        }
        Scope scope = user.scope();
        Towns towns = new Towns(district(scope.division()));
        Map<String, Object> enterprises = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<RecordedProblem> out = new ArrayList<>();
        for (int r = header + 1; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            int excelRow = r + 1;
            if (notes(row)) {
                break;   // the notes and the seal block follow the rows
            }
            String name = text(row, columns.get(Column.NAME));
            String town = text(row, columns.get(Column.TOWN));
            String requirement = text(row, columns.get(Column.REQUIREMENT));
            String handedText = text(row, columns.get(Column.HANDED));
            String progress = text(row, columns.get(Column.PROGRESS));
            String responsible = text(row, columns.get(Column.RESPONSIBLE));
            if (name == null && town == null && requirement == null && handedText == null && responsible == null
                    && (progress == null || progress.contains("完成日期"))) {
                continue;   // a blank row, the second line of the header (（完成日期）) or the seal block
            }
            List<String> problems = new ArrayList<>();
            String at = "第 " + excelRow + " 行";
            DivisionCode townCode = null;
            if (town != null) {
                try {
                    townCode = towns.resolve(town);
                } catch (Cells.Unreadable e) {
                    problems.add(at + "，" + where(Column.TOWN, columns) + "：" + e.getMessage());
                }
            }
            Long enterpriseId = null;
            if (name == null) {
                problems.add(at + "，" + where(Column.NAME, columns) + "：企业名称为空");
            } else if (town == null || townCode != null) {
                DivisionCode within = townCode != null ? townCode : towns.district;
                Object found = enterprises.computeIfAbsent(within.value() + "|" + name, k -> enterprise(name, within, scope));
                if (found instanceof Long id) {
                    enterpriseId = id;
                } else {
                    problems.add(at + "：" + found + "（" + where(Column.NAME, columns) + "）");
                }
            }
            if (requirement == null) {
                problems.add(at + "，" + where(Column.REQUIREMENT, columns) + "：整治要求为空");
            } else if (requirement.length() > 2000) {
                problems.add(at + "，" + where(Column.REQUIREMENT, columns) + "：整治要求超过 2000 个字");
            }
            LocalDate handedOn = null;
            Object handedCell = cell(row, columns.get(Column.HANDED));
            if (handedText != null) {
                try {
                    Cells.DateValue d = Cells.date(handedCell, null);
                    if (d == null || d.date() == null) {
                        problems.add(at + "，" + where(Column.HANDED, columns) + "：“" + handedText + "”不是确切日期（应如 2017.2.28、2017年3月1日 或 2017/3/5）");
                    } else {
                        handedOn = d.date();
                    }
                } catch (Cells.Unreadable e) {
                    problems.add(at + "，" + where(Column.HANDED, columns) + "：" + e.getMessage());
                }
            }
            LocalDate completedOn = null;
            if (progress != null) {
                try {
                    completedOn = completion(cell(row, columns.get(Column.PROGRESS)), progress);
                } catch (Cells.Unreadable e) {
                    problems.add(at + "，" + where(Column.PROGRESS, columns) + "：" + e.getMessage());
                }
            }
            if (responsible != null && responsible.length() > 100) {
                problems.add(at + "，" + where(Column.RESPONSIBLE, columns) + "：分包责任人超过 100 个字");
            }
            if (!problems.isEmpty()) {
                problems.forEach(m -> errors.add(new FieldError("row" + excelRow, m)));
                continue;
            }
            out.add(new RecordedProblem(excelRow, enterpriseId, requirement, handedOn, responsible, completedOn));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        if (out.isEmpty()) {
            throw new InvalidInputException("file", "表头下没有督查问题");
        }
        return out;
    }

    /**
     * The completion day 完成情况 names (拆除到位（2017.3.5）, 已完成 2017-03-05, an Excel date), or null while the work goes
     * on (正在整治, 补办手续); a finished state without its day is refused, as the form's note 4 asks for it.
     */
    static LocalDate completion(Object cell, String text) {
        if (cell instanceof LocalDate || cell instanceof java.math.BigDecimal) {
            Cells.DateValue d = Cells.date(cell, null);
            return d == null ? null : d.date();
        }
        String t = Cells.plain(text).replace('．', '.').replace('。', '.');
        Matcher m = DAY.matcher(t);
        if (m.find()) {
            try {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } catch (DateTimeException e) {
                throw new Cells.Unreadable("“" + text + "”中的完成日期无效");
            }
        }
        if (DONE.matcher(t).matches() && !NOT_DONE.matcher(t).matches()) {
            throw new Cells.Unreadable("“" + text + "”已完成但未注明完成日期（应如 拆除到位（2017.3.5））");
        }
        return null;
    }

    /** The ledger's one active enterprise of that name in the division, or the reason there is none. */
    private Object enterprise(String name, DivisionCode within, Scope scope) {
        EnterpriseQuery query = new EnterpriseQuery(within, name, null, null, null, null, null, null, null, null, null,
                EnterpriseStatus.ACTIVE, false, false, EnterpriseQuery.Sort.REPORTED_ON, false, 0, EnterpriseQuery.MAX_SIZE);
        String wanted = VillageNames.plain(name);
        List<Long> ids = new ArrayList<>();
        for (EnterpriseSummary e : ledger.search(query, scope).items()) {
            if (e.status() == EnterpriseStatus.ACTIVE && VillageNames.plain(e.name()).equals(wanted)) {
                ids.add(e.id().value());
            }
        }
        if (ids.size() == 1) {
            return ids.get(0);
        }
        return ids.isEmpty() ? "台账中未找到“" + name + "”" : "找到多家同名企业“" + name + "”（" + ids.size() + " 家），请在台账中核对";
    }

    private DivisionCode district(DivisionCode scope) {
        return scope.level().compareTo(DivisionLevel.COUNTY) > 0 ? DivisionCode.of(scope.value().substring(0, 6)) : scope;
    }

    /** The district's towns by the names people write (新城街道, 新城, 新城办事处, 古荥镇人民政府) or their codes. */
    private final class Towns {

        final DivisionCode district;
        private final Map<String, Set<Division>> forms = new HashMap<>();

        Towns(DivisionCode district) {
            this.district = district;
            for (Division d : divisions.children(district)) {
                if (d.level() == DivisionLevel.TOWN) {
                    for (String form : VillageNames.townForms(d.name())) {
                        forms.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(d);
                    }
                }
            }
        }

        DivisionCode resolve(String text) {
            String t = VillageNames.plain(text);
            if (t.matches("\\d{9}")) {
                DivisionCode code = DivisionCode.of(t);
                if (!code.value().startsWith(district.value()) || divisions.find(code).isEmpty()) {
                    throw new Cells.Unreadable("区划代码“" + text + "”不是本区的乡（镇）、办");
                }
                return code;
            }
            Set<Division> found = forms.get(t);
            if (found == null) {
                found = forms.get(HEADER_NOISE.matcher(t).replaceAll(""));
            }
            if (found == null || found.isEmpty()) {
                throw new Cells.Unreadable("本区没有名为“" + text + "”的乡（镇）、办");
            }
            if (found.size() > 1) {
                throw new Cells.Unreadable("“" + text + "”可指 " + String.join("、", found.stream().map(Division::name).toList()));
            }
            return found.iterator().next().code();
        }
    }

    private static Map<Column, Integer> columns(Object[] row) {
        Map<Column, Integer> found = new LinkedHashMap<>();
        for (int c = 0; c < row.length; c++) {
            String text = Cells.text(row[c]);
            if (text == null) {
                continue;
            }
            String h = HEADER_NOISE.matcher(Cells.plain(text)).replaceAll("");
            Column column = SEQ.matcher(h).matches() ? Column.SEQ
                    : NAME.matcher(h).matches() ? Column.NAME
                    : ADDRESS.matcher(h).matches() ? Column.ADDRESS
                    : TYPE.matcher(h).matches() ? Column.TYPE
                    : REQUIREMENT.matcher(h).matches() ? Column.REQUIREMENT
                    : HANDED.matcher(h).matches() ? Column.HANDED
                    : PROGRESS.matcher(h).matches() ? Column.PROGRESS
                    : RESPONSIBLE.matcher(h).matches() ? Column.RESPONSIBLE
                    : TOWN.matcher(h).matches() ? Column.TOWN : null;
            if (column != null) {
                found.putIfAbsent(column, c);
            }
        }
        return found;
    }

    /** The notes under the rows (注：1. …) start the footer: nothing below is data. */
    private static boolean notes(Object[] row) {
        for (Object cell : row) {
            String t = Cells.text(cell);
            if (t != null) {
                return t.startsWith("注：") || t.startsWith("注:") || t.startsWith("注 ：");
            }
        }
        return false;
    }

    /** “企业名称”（C 列）: the column as the messages name it. */
    private static String where(Column column, Map<Column, Integer> columns) {
        Integer c = columns.get(column);
        return "“" + column.label + "”" + (c == null ? "" : "（" + letter(c) + " 列）");
    }

    static String letter(int column) {
        StringBuilder s = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            s.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return s.toString();
    }

    private static Object cell(Object[] row, Integer column) {
        return column == null || column >= row.length ? null : row[column];
    }

    private static String text(Object[] row, Integer column) {
        return Cells.text(cell(row, column));
    }
}
