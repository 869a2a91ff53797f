package org.qingyuan.platform;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/**
 * Stops a business transaction at the last moment before its commit, as {@code kill -9} of its node would: the test
 * holds the audit chain's advisory lock (every audited change takes it in {@code beforeCommit}, after its rows are
 * written), waits until a transaction queues for it, and terminates that backend. To PostgreSQL a killed node is
 * exactly this: its connection goes away with the transaction open, and the transaction is rolled back.
 */
public final class KilledMidCommit implements AutoCloseable {

    /** audit.internal.AuditWriter's CHAIN_LOCK ("QYAUDIT"). */
    static final long CHAIN_LOCK = 0x51_59_41_55_44_49_54L;

    private final Connection holder;

    private KilledMidCommit(Connection holder) {
        this.holder = holder;
    }

    /** Takes the chain lock in a transaction of its own; audited changes wait for it until {@link #close()}. */
    public static KilledMidCommit holdAuditChain(DataSource dataSource) throws Exception {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (var s = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            s.setLong(1, CHAIN_LOCK);
            s.executeQuery().close();
        }
        return new KilledMidCommit(c);
    }

    /** Kills every backend waiting for the chain lock now; answers their process ids. */
    private List<Integer> killWaiting() throws Exception {
        List<Integer> pids = new ArrayList<>();
        try (var s = holder.prepareStatement("""
                SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                   AND classid = ? AND objid = ? AND objsubid = 1""")) {
            s.setLong(1, CHAIN_LOCK >>> 32);
            s.setLong(2, CHAIN_LOCK & 0xFFFF_FFFFL);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    pids.add(rs.getInt(1));
                }
            }
        }
        for (int pid : pids) {
            try (var s = holder.prepareStatement("SELECT pg_terminate_backend(?)")) {
                s.setInt(1, pid);
                s.executeQuery().close();
            }
        }
        return pids;
    }

    /**
     * Kills whatever waits for the chain lock until {@code operation} has ended (a background job that happens to
     * commit at the same moment is killed too, and retried by its own schedule); answers the backends killed.
     */
    public List<Integer> killUntilDone(java.util.concurrent.Future<?> operation, int seconds) throws Exception {
        List<Integer> killed = new ArrayList<>();
        long until = System.nanoTime() + seconds * 1_000_000_000L;
        while (!operation.isDone()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the operation did not end within " + seconds + " s; killed " + killed);
            }
            killed.addAll(killWaiting());
            Thread.sleep(20);
        }
        return killed;
    }

    /** Releases the chain lock. */
    @Override
    public void close() throws Exception {
        holder.rollback();
        holder.close();
    }
}
