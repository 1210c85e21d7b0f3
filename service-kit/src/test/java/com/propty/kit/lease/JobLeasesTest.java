package com.propty.kit.lease;

import static org.assertj.core.api.Assertions.assertThat;

import com.propty.testsupport.MutableClock;
import com.propty.testsupport.TestInfrastructure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Leases of two or more instances against a real MongoDB-wire server. */
class JobLeasesTest {


    final MongoTemplate mongo = new MongoTemplate(TestInfrastructure.mongoClient(), "leases-" + System.nanoTime());
    final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T10:00:00Z"));
    final JobLeases one = new JobLeases(mongo, clock, "one");
    final JobLeases two = new JobLeases(mongo, clock, "two");
    final Duration minute = Duration.ofMinutes(1);

    @Test
    void theFirstTakesTheLeaseAndRenewsItWhileTheOtherWaits() {
        assertThat(one.hold("sweep", minute)).isTrue();
        assertThat(two.hold("sweep", minute)).isFalse();

        clock.advance(Duration.ofSeconds(50));
        assertThat(one.hold("sweep", minute)).isTrue();
        clock.advance(Duration.ofSeconds(50));
        assertThat(two.hold("sweep", minute)).as("renewed 50 s ago for a minute").isFalse();
    }

    @Test
    void anEndedLeaseGoesToTheNextInstanceAndTheOldHolderLosesIt() {
        assertThat(one.hold("sweep", minute)).isTrue();

        clock.advance(Duration.ofSeconds(61));
        assertThat(two.hold("sweep", minute)).isTrue();
        assertThat(one.hold("sweep", minute)).isFalse();
    }

    @Test
    void aReleasedLeaseIsFreeAtOnceButOnlyItsHolderCanReleaseIt() {
        assertThat(one.hold("sweep", minute)).isTrue();
        two.release("sweep");
        assertThat(two.hold("sweep", minute)).isFalse();

        one.release("sweep");
        assertThat(two.hold("sweep", minute)).isTrue();
    }

    @Test
    void leasesOfDifferentJobsAreIndependent() {
        assertThat(one.hold("sweep", minute)).isTrue();
        assertThat(two.hold("relay", minute)).isTrue();
    }

    @Test
    void ofManyInstancesRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 20; round++) {
            String job = "race-" + round;
            List<JobLeases> instances = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                instances.add(new JobLeases(mongo, clock, "instance-" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Boolean>> held = new ArrayList<>();
                for (JobLeases instance : instances) {
                    held.add(pool.submit((Callable<Boolean>) () -> instance.hold(job, minute)));
                }
                int holders = 0;
                for (Future<Boolean> f : held) {
                    holders += f.get() ? 1 : 0;
                }
                assertThat(holders).as("round " + round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
