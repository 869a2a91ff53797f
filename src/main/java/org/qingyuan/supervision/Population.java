package org.qingyuan.supervision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.qingyuan.shared.Sm3;

/**
 * The frozen population list of a round: every enterprise of the district's ledger when the round was drawn, sorted by
 * id. Its canonical text (one {@link PopulationEntry#line()} per line, each ending in a line feed, UTF-8) is what the
 * stored SM3 digest is taken over, so anyone holding the list can check it is the one the draw used.
 */
public record Population(List<PopulationEntry> entries) {

    public Population {
        List<PopulationEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(PopulationEntry::enterpriseId));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).enterpriseId() == sorted.get(i - 1).enterpriseId()) {
                throw new IllegalArgumentException("enterprise " + sorted.get(i).enterpriseId() + " is listed twice");
            }
        }
        entries = List.copyOf(sorted);
    }

    /** The canonical text of the list. */
    public String text() {
        StringBuilder text = new StringBuilder(entries.size() * 32);
        entries.forEach(e -> text.append(e.line()).append('\n'));
        return text.toString();
    }

    /** The SM3 digest (hex) of the canonical text. */
    public String digest() {
        return Sm3.hex(text());
    }

    /** Reads a list back from its canonical text (as exported with the round); a bad line is an error naming it. */
    public static Population parse(String text) {
        List<PopulationEntry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split("\t");
            String[] stratum = cells.length == 3 ? cells[2].split("/") : new String[0];
            if (cells.length != 3 || stratum.length != 2) {
                throw new IllegalArgumentException("名单第 " + (i + 1) + " 行格式不对，应为“企业编号<TAB>镇街代码<TAB>措施/状态”");
            }
            try {
                entries.add(new PopulationEntry(Long.parseLong(cells[0]), cells[1], new Stratum(stratum[0], stratum[1])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("名单第 " + (i + 1) + " 行的企业编号不是数字：" + cells[0]);
            }
        }
        return new Population(entries);
    }
}
