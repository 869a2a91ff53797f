package org.qingyuan.sheets.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.qingyuan.ledger.DuplicateReason;
import org.qingyuan.ledger.PossibleDuplicate;
import org.qingyuan.sheets.internal.RowMapper.MappedRow;

/**
 * The enterprises an import registered, with the sheet and row of each, so that a later row's duplicate is reported as
 * "工作表 台账 第 7 行" rather than as a ledger record. Ids come from a sequence, so they arrive in order and are found
 * by binary search; two arrays, not a map, for the 100,000 rows of a district's ledger.
 */
final class ImportedRows {

    private long[] ownIds = new long[1024];
    private String[] ownRows = new String[1024];
    private int own;

    void remember(long id, String row) {
        if (own == ownIds.length) {
            ownIds = Arrays.copyOf(ownIds, own * 2);
            ownRows = Arrays.copyOf(ownRows, own * 2);
        }
        ownIds[own] = id;
        ownRows[own] = row;
        own++;
    }

    /** The row of this import that registered the id, or null when it is an older ledger record. */
    private String ownRow(long id) {
        int lo = 0;
        int hi = own - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (ownIds[mid] < id) {
                lo = mid + 1;
            } else if (ownIds[mid] > id) {
                hi = mid - 1;
            } else {
                return ownRows[mid];
            }
        }
        return null;
    }

    /** The possible duplicates of a row as the report lists them: this file's sheet and row, or the ledger's record. */
    List<Map<String, Object>> duplicates(List<PossibleDuplicate> found, List<Integer> ledgerIndex,
                                                 List<MappedRow> mapped) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PossibleDuplicate d : found) {
            Map<String, Object> one = new LinkedHashMap<>();
            String row = null;
            if (d.id() != null) {
                row = ownRow(d.id().value());
                if (row == null) {
                    one.put("enterpriseId", d.id().value());
                }
            } else if (d.batchRow() >= 0) {
                MappedRow other = mapped.get(ledgerIndex.get(d.batchRow()));
                row = other.sheet() + "|" + other.rowNumber();
            }
            if (row != null) {
                int bar = row.lastIndexOf('|');
                one.put("sheet", row.substring(0, bar));
                one.put("row", Integer.parseInt(row.substring(bar + 1)));
            }
            one.put("name", d.name());
            one.put("reasons", d.reasons().stream().map(DuplicateReason::label).toList());
            out.add(one);
        }
        return out;
    }
}
