package org.qingyuan.sheets.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stages on threads of their own that pass chunks through bounded hand-offs (the import reads and maps a file while the
 * transaction's thread writes; the export reads the ledger, looks up the cases and writes cells at once). Memory stays
 * flat: at most {@code capacity} chunks wait between two stages. The first failure of any stage stops the others at
 * their next put or take, and is the one thrown, as it was thrown, by {@link #run}.
 */
final class Pipeline implements AutoCloseable {

    /** The body of a stage. */
    @FunctionalInterface
    interface Stage {
        void run() throws Exception;
    }

    /** The part that runs on the calling thread (feeding or draining the stages). */
    @FunctionalInterface
    interface Driver<R> {
        R run() throws IOException;
    }

    /** Thrown by a put into a pipeline that another stage stopped; {@link #run} throws that stage's failure instead. */
    static final class Stopped extends IllegalStateException {
        Stopped(Throwable cause) {
            super("pipeline stopped", cause);
        }
    }

    private static final Object END = new Object();
    private static final long JOIN_MILLIS = 30_000;

    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Handoff<?>> handoffs = new ArrayList<>();
    private boolean finished;

    /** A hand-off of at most {@code capacity} waiting items. */
    <T> Handoff<T> handoff(int capacity) {
        Handoff<T> h = new Handoff<>(capacity);
        handoffs.add(h);
        return h;
    }

    /** Starts a stage on a daemon thread of its own; what it throws stops the pipeline. */
    void start(String name, Stage stage) {
        Thread t = new Thread(() -> {
            try {
                stage.run();
            } catch (Throwable e) {
                fail(e);
            }
        }, name);
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    /**
     * Runs the calling thread's part, then waits for every stage to end. Throws the first failure of any stage as it was
     * thrown (an {@link IOException}, a runtime exception, anything else wrapped), else what the driver threw.
     */
    <R> R run(Driver<R> driver) throws IOException {
        R result;
        try {
            result = driver.run();
        } catch (Stopped stopped) {
            finish();
            throw stopped;
        } catch (IOException | RuntimeException | Error e) {
            fail(e);
            throw e;
        }
        finish();
        return result;
    }

    /** Records the first failure and empties the hand-offs, so that no stage stays blocked on a full one. */
    void fail(Throwable t) {
        if (failure.compareAndSet(null, t)) {
            handoffs.forEach(h -> h.queue.clear());
        }
    }

    boolean failed() {
        return failure.get() != null;
    }

    private void finish() throws IOException {
        finished = true;
        join();
        Throwable t = failure.get();
        if (t instanceof IOException io) {
            throw io;
        } else if (t instanceof RuntimeException r) {
            throw r;
        } else if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /** Stops stages still running (the caller failed or returned early) and waits for them. */
    @Override
    public void close() {
        if (!finished) {
            fail(new IllegalStateException("pipeline stopped"));
            threads.forEach(Thread::interrupt);
            join();
        }
    }

    private void join() {
        for (Thread t : threads) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One bounded queue between two stages; the end is an item of its own. */
    final class Handoff<T> {

        private final BlockingQueue<Object> queue;
        private volatile long putWaitNanos;
        private volatile long takeWaitNanos;

        private Handoff(int capacity) {
            this.queue = new ArrayBlockingQueue<>(capacity);
        }

        /** Waits for room; throws {@link Stopped} when another stage failed meanwhile. */
        void put(T item) {
            offer(item);
        }

        /** No more items. */
        void end() {
            offer(END);
        }

        /** The next item, or null at the end or when another stage failed. */
        @SuppressWarnings("unchecked")
        T take() {
            long start = System.nanoTime();
            try {
                while (true) {
                    Object item = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (item == END) {
                        return null;
                    }
                    if (item != null) {
                        return (T) item;
                    }
                    if (failed()) {
                        return null;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped(e);
            } finally {
                takeWaitNanos += System.nanoTime() - start;
            }
        }

        private void offer(Object item) {
            long start = System.nanoTime();
            try {
                while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                    if (failed()) {
                        throw new Stopped(failure.get());
                    }
                }
                if (failed()) {
                    throw new Stopped(failure.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopped(e);
            } finally {
                putWaitNanos += System.nanoTime() - start;
            }
        }

        /** How long the putting side waited for room (written by that side only). */
        long putWaitNanos() {
            return putWaitNanos;
        }

        /** How long the taking side waited for items (written by that side only). */
        long takeWaitNanos() {
            return takeWaitNanos;
        }
    }
}
