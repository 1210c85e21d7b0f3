package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.propty.localmongo.MongoWireServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Per-user fixed-window limits against a real MongoDB-wire server, shared by two "instances" of a service. */
class RateLimitsTest {

    static MongoWireServer server;
    static MongoClient client;

    final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T10:00:05Z"));
    final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    final MongoTemplate mongo = new MongoTemplate(client, "rate-" + System.nanoTime());
    final RateLimitProperties properties = new RateLimitProperties(
            Map.of("resend", new RateLimitProperties.Limit(3, Duration.ofMinutes(1))));
    final Caller ann = new Caller("ann", "Ann", Set.of("PROPERTY_MANAGER"), Set.of("p1"));
    final Caller bob = new Caller("bob", "Bob", Set.of("PROPERTY_MANAGER"), Set.of("p1"));

    @BeforeAll
    static void start() {
        server = MongoWireServer.inMemory();
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void theLimitHoldsAcrossInstancesPerUserAndResetsWithTheNextWindow() {
        RateLimits one = new RateLimits(mongo, properties, clock);
        RateLimits two = new RateLimits(mongo, properties, clock);
        one.acquire(ann, "resend");
        two.acquire(ann, "resend");
        one.acquire(ann, "resend");
        assertThatThrownBy(() -> two.acquire(ann, "resend")).isInstanceOfSatisfying(TooManyRequests.class, e -> {
            assertThat(e.status().value()).isEqualTo(429);
            assertThat(e.code()).isEqualTo("RATE_LIMITED");
            assertThat(e.retryAfterSeconds()).isEqualTo(55);
        });
        two.acquire(bob, "resend"); // another user has a budget of his own

        now.set(Instant.parse("2026-12-02T10:01:00Z"));
        one.acquire(ann, "resend");
        assertThat(mongo.getCollection(RateLimits.COLLECTION).countDocuments())
                .as("ann's previous window was swept when her new one started; bob's stays until his next")
                .isEqualTo(2);
    }

    @Test
    void anActionWithoutALimitIsNeverRefused() {
        RateLimits limits = new RateLimits(mongo, properties, clock);
        for (int i = 0; i < 10; i++) {
            limits.acquire(ann, "export");
        }
        assertThat(mongo.getCollection(RateLimits.COLLECTION).countDocuments()).isZero();
    }
}
