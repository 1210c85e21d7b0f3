package com.propty.kit.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.TestInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Version counters against a real MongoDB-wire server. */
class VersionCountersTest {


    final VersionCounters counters = new VersionCounters(
            new MongoTemplate(TestInfrastructure.mongoClient(), "versions-" + System.nanoTime()), "versions");

    @Test
    void aKeyNeverMovedIsZeroAndAMoveCountsEachKeyOnceHoweverOftenListed() {
        assertThat(counters.of(List.of("a", "b"))).isEqualTo(Map.of("a", 0L, "b", 0L));
        counters.move(List.of("a", "a", "b"));
        counters.move(List.of("a"));
        assertThat(counters.of(List.of("a", "b", "c"))).isEqualTo(Map.of("a", 2L, "b", 1L, "c", 0L));
        counters.move(List.of());
        assertThat(counters.of(List.of())).isEmpty();
    }

    @Test
    void concurrentMovesFromManyWritersAreNeverLost() throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                done.add(writers.submit(() -> counters.move(List.of("hot"))));
                done.add(writers.submit(() -> counters.of(List.of("hot"))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(counters.of(List.of("hot"))).containsEntry("hot", 200L);
    }
}
