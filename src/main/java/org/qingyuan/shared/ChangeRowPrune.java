package org.qingyuan.shared;

import java.util.ArrayDeque;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Prunes a change table whose rows carry the writing transaction's id ({@code xid xid8}) and are read against kept
 * database snapshots younger than a keep (ledger's {@code enterprise_change}, rectification's {@code
 * rectification_case_change}). Each run notes the oldest transaction still running; the rows of transactions older than
 * a note taken at least one keep ago may go, since every kept snapshot was taken after they ended (a keeper starts its
 * keep before it takes its snapshot, and a note is timed after it is read). Rows whose
 * transaction id this cluster has not reached (restored from another cluster's dump) go too: no snapshot here can see
 * them as committed, so they would otherwise count as written forever.
 */
public final class ChangeRowPrune {

    private record Note(String oldestRunning, long at) {
    }

    private final String table;
    private final long keepNanos;
    private final ArrayDeque<Note> notes = new ArrayDeque<>();

    /** @param table a change table with an indexed {@code xid xid8} column (a name from code, never from input) */
    public ChangeRowPrune(String table, long keepNanos) {
        this.table = table;
        this.keepNanos = keepNanos;
    }

    /** Notes the oldest running transaction and deletes what every snapshot younger than the keep has seen. */
    public void run(JdbcTemplate jdbc) {
        String oldestRunning = jdbc.queryForObject("SELECT pg_snapshot_xmin(pg_current_snapshot())::text", String.class);
        long now = System.nanoTime();   // after the read: every transaction below it had ended by now
        String below = "0";
        synchronized (notes) {
            notes.addLast(new Note(oldestRunning, now));
            while (!notes.isEmpty() && now - notes.peekFirst().at() >= keepNanos) {
                below = notes.removeFirst().oldestRunning();
            }
        }
        jdbc.update("DELETE FROM " + table + " WHERE xid < CAST(? AS xid8) OR xid >= pg_snapshot_xmax(pg_current_snapshot())",
                below);
    }
}
