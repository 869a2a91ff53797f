package org.qingyuan.sheets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.sheets.internal.SheetParser.DeclaredColumn;
import org.qingyuan.sheets.internal.SheetParser.Header;

/**
 * Recognises a header row by its names: at least three known columns, one of them the enterprise's name; also over two
 * rows (完成情况 / （完成日期）, or a group heading over its sub-columns). Headers of facts the active plan declares win
 * over the synonyms.
 */
final class SheetHeaders {

    static final int MIN_HEADER_COLUMNS = 3;

    private SheetHeaders() {
    }

    /** The header a row would be: at least three known columns, one of them the enterprise's name. */
    static Header headerOf(Object[] cells, Map<String, String> declaredHeaders) {
        int[] cellOf = new int[SheetColumn.values().length];
        Arrays.fill(cellOf, -1);
        String[] names = new String[cellOf.length];
        List<DeclaredColumn> declared = new ArrayList<>();
        int found = 0;
        for (int c = 0; c < cells.length; c++) {
            if (!(cells[c] instanceof String s)) {
                continue;
            }
            if (declared(s, c, declaredHeaders, declared)) {
                continue;
            }
            SheetColumn column = SheetColumn.byHeader(s);
            if (column != null && cellOf[column.ordinal()] < 0) {
                cellOf[column.ordinal()] = c;
                names[column.ordinal()] = Cells.plain(s);
                found++;
            }
        }
        return found >= MIN_HEADER_COLUMNS && cellOf[SheetColumn.NAME.ordinal()] >= 0 ? new Header(cellOf, names, declared) : null;
    }

    /** Whether the header text names a fact the plan declares (then added to {@code declared} once). */
    private static boolean declared(String text, int cell, Map<String, String> declaredHeaders, List<DeclaredColumn> declared) {
        if (declaredHeaders.isEmpty() || text == null) {
            return false;
        }
        String fact = declaredHeaders.get(SheetColumn.normalise(text));
        if (fact == null) {
            return false;
        }
        if (declared.stream().noneMatch(d -> d.fact().equals(fact))) {
            declared.add(new DeclaredColumn(fact, cell, Cells.plain(text)));
        }
        return true;
    }

    /**
     * The header over two rows, when the row below the header is a second header row: most of its
     * cells name a column alone (消防 under 手续情况) or together with the cell above
     * (完成情况 + （完成日期））, and none of it is data. Null when it is a data row.
     */
    static Header subHeader(Object[] upper, Object[] lower, Map<String, String> declaredHeaders) {
        List<DeclaredColumn> declared = new ArrayList<>();
        int matched = 0;
        int filled = 0;
        int width = Math.max(upper.length, lower.length);
        int[] cellOf = new int[SheetColumn.values().length];
        Arrays.fill(cellOf, -1);
        String[] names = new String[cellOf.length];
        Map<SheetColumn, Integer> byColumn = new EnumMap<>(SheetColumn.class);
        for (int c = 0; c < width; c++) {
            String up = c < upper.length ? Cells.text(upper[c]) : null;
            Object lowValue = c < lower.length ? lower[c] : null;
            if (lowValue != null && !(lowValue instanceof String)) {
                return null;
            }
            String low = Cells.text(lowValue);
            SheetColumn column = null;
            String name = null;
            if (low != null && declared(low, c, declaredHeaders, declared)) {
                filled++;
                matched++;
                continue;
            }
            if (low == null && up != null && declared(up, c, declaredHeaders, declared)) {
                continue;
            }
            if (low != null) {
                filled++;
                if (up != null && !up.equals(low) && (column = SheetColumn.byHeader(up + low)) != null) {
                    name = up + low;
                } else if ((column = SheetColumn.byHeader(low)) != null) {
                    name = low;
                }
                if (column != null) {
                    matched++;
                }
            }
            if (column == null && up != null) {
                column = SheetColumn.byHeader(up);
                name = up;
            }
            if (column != null && !byColumn.containsKey(column)) {
                byColumn.put(column, c);
                cellOf[column.ordinal()] = c;
                names[column.ordinal()] = Cells.plain(name);
            }
        }
        if (filled == 0 || matched * 2 < filled) {
            return null;
        }
        return cellOf[SheetColumn.NAME.ordinal()] >= 0 ? new Header(cellOf, names, declared) : null;
    }

    static boolean nonBlank(Object[] cells) {
        return nonEmpty(cells) > 0;
    }

    static int nonEmpty(Object[] cells) {
        int n = 0;
        for (Object c : cells) {
            if (Cells.text(c) != null) {
                n++;
            }
        }
        return n;
    }

    static String firstText(Object[] cells) {
        for (Object c : cells) {
            String t = Cells.text(c);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    static String join(String a, String b) {
        if (a == null) {
            return b;
        }
        return b == null || a.equals(b) ? a : a + b;
    }

    static String columnName(int index) {
        StringBuilder s = new StringBuilder();
        int n = index + 1;
        while (n > 0) {
            int r = (n - 1) % 26;
            s.insert(0, (char) ('A' + r));
            n = (n - 1) / 26;
        }
        return s.toString();
    }
}
