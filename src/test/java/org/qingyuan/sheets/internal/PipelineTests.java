package org.qingyuan.sheets.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * The hand-off between the import's and the export's threads: order, back-pressure, failures from either side or the
 * middle, cancellation, and no stage thread left running.
 */
class PipelineTests {

    @Test
    void chunksArriveInOrderThroughTwoStagesAndAtMostTheCapacityWaits() throws IOException {
        List<Integer> written = new ArrayList<>();
        AtomicInteger maxWaiting = new AtomicInteger();
        AtomicInteger inFlight = new AtomicInteger();
        int count;
        try (Pipeline pipeline = new Pipeline()) {
            Pipeline.Handoff<Integer> read = pipeline.handoff(2);
            Pipeline.Handoff<Integer> looked = pipeline.handoff(2);
            pipeline.start("lookup", () -> {
                for (Integer i = read.take(); i != null; i = read.take()) {
                    looked.put(i * 10);
                }
                looked.end();
            });
            pipeline.start("writer", () -> {
                for (Integer i = looked.take(); i != null; i = looked.take()) {
                    inFlight.decrementAndGet();
                    Thread.sleep(1);
                    written.add(i);
                }
            });
            count = pipeline.run(() -> {
                for (int i = 0; i < 200; i++) {
                    maxWaiting.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    read.put(i);
                }
                read.end();
                return 200;
            });
        }
        assertThat(count).isEqualTo(200);
        assertThat(written).hasSize(200).isSorted().startsWith(0, 10, 20).endsWith(1990);
        assertThat(maxWaiting.get()).as("two queues of two and one item in each of the two stages").isLessThanOrEqualTo(7);
    }

    @Test
    void aFailingStageStopsTheFeederAndItsFailureIsThrownAsItWas() {
        IOException broken = new IOException("单元格无法读取");
        List<Thread> stages = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Pipeline pipeline = new Pipeline()) {
                Pipeline.Handoff<Integer> queue = pipeline.handoff(2);
                pipeline.start("writer", () -> {
                    stages.add(Thread.currentThread());
                    queue.take();
                    throw broken;
                });
                pipeline.run(() -> {
                    for (int i = 0; i < 1_000_000; i++) {
                        queue.put(i);
                    }
                    return null;
                });
            }
        }).isSameAs(broken);
        assertThat(stages).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void aFailingReaderEndsTheDrainingThreadWithTheReadersFailure() {
        IllegalArgumentException unreadable = new IllegalArgumentException("不是 Excel 文件");
        List<Integer> drained = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Pipeline pipeline = new Pipeline()) {
                Pipeline.Handoff<Integer> queue = pipeline.handoff(2);
                pipeline.start("reader", () -> {
                    queue.put(1);
                    throw unreadable;
                });
                pipeline.run(() -> {
                    for (Integer i = queue.take(); i != null; i = queue.take()) {
                        drained.add(i);
                    }
                    return null;
                });
            }
        }).isSameAs(unreadable);
    }

    @Test
    void aFailingDrainerStopsTheReaderWhichIsLeftNoThreadRunning() {
        List<Thread> stages = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Pipeline pipeline = new Pipeline()) {
                Pipeline.Handoff<Integer> queue = pipeline.handoff(2);
                pipeline.start("reader", () -> {
                    stages.add(Thread.currentThread());
                    for (int i = 0; ; i++) {
                        queue.put(i);
                    }
                });
                pipeline.run(() -> {
                    queue.take();
                    throw new IllegalStateException("数据库写入失败");
                });
            }
        }).hasMessage("数据库写入失败");
        assertThat(stages).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void closingBeforeTheEndStopsAStageWaitingForRoomAndOneWaitingForItems() throws InterruptedException {
        List<Thread> stages = new CopyOnWriteArrayList<>();
        CountDownLatch blocked = new CountDownLatch(2);
        try (Pipeline pipeline = new Pipeline()) {
            Pipeline.Handoff<Integer> full = pipeline.handoff(1);
            Pipeline.Handoff<Integer> empty = pipeline.handoff(1);
            pipeline.start("reader", () -> {
                stages.add(Thread.currentThread());
                full.put(1);
                blocked.countDown();
                full.put(2);
            });
            pipeline.start("writer", () -> {
                stages.add(Thread.currentThread());
                blocked.countDown();
                empty.take();
            });
            blocked.await();
        }
        assertThat(stages).hasSize(2).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }

    @Test
    void theMiddleStagesFailureStopsBothTheFeederAndTheLastStage() {
        IllegalStateException lookupFailed = new IllegalStateException("整治信息查询失败");
        List<Thread> stages = new CopyOnWriteArrayList<>();
        assertThatThrownBy(() -> {
            try (Pipeline pipeline = new Pipeline()) {
                Pipeline.Handoff<Integer> read = pipeline.handoff(2);
                Pipeline.Handoff<Integer> looked = pipeline.handoff(2);
                pipeline.start("lookup", () -> {
                    stages.add(Thread.currentThread());
                    looked.put(read.take());
                    throw lookupFailed;
                });
                pipeline.start("writer", () -> {
                    stages.add(Thread.currentThread());
                    for (Integer i = looked.take(); i != null; i = looked.take()) {
                        Thread.sleep(1);
                    }
                });
                pipeline.run(() -> {
                    for (int i = 0; ; i++) {
                        read.put(i);
                    }
                });
            }
        }).isSameAs(lookupFailed);
        assertThat(stages).hasSize(2).allSatisfy(t -> assertThat(t.isAlive()).isFalse());
    }
}
