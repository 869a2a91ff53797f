package org.qingyuan.support;

import java.util.concurrent.CountDownLatch;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write in a transaction of its own, on its own thread, that commits only when told: for the tests of the kept
 * answers (ledger totals, battle boards, home page figures), which must see a write committed after they counted.
 */
public final class LateCommit {

    private final CountDownLatch written = new CountDownLatch(1);
    private final CountDownLatch commit = new CountDownLatch(1);
    private final Thread thread;

    private LateCommit(TransactionTemplate tx, Runnable write) {
        thread = new Thread(() -> tx.executeWithoutResult(s -> {
            write.run();
            written.countDown();
            try {
                commit.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
    }

    /** Starts the write and answers once it is done, its transaction still open. */
    public static LateCommit written(TransactionTemplate tx, Runnable write) throws InterruptedException {
        LateCommit late = new LateCommit(tx, write);
        late.thread.start();
        late.written.await();
        return late;
    }

    /** Commits the write and waits until it is committed. */
    public void commit() throws InterruptedException {
        commit.countDown();
        thread.join();
    }
}
