package org.qingyuan.statistics;

import java.io.IOException;
import java.io.OutputStream;

/** The statistics table (统计表) of 000 as .xlsx: title, reporting unit, date, liaison, the figures, the seal block. */
public interface StatisticsTables {

    /** Writes the tally as the official statistics table of the unit that reports for its division. */
    void write(Tally tally, OutputStream out) throws IOException;
}
