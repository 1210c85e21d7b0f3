package com.propty.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.ResourceAccessException;

/** When a call to another service's instances is sent again: only when the connection was refused. */
class InternalClientsTest {

    final AtomicInteger calls = new AtomicInteger();

    static ResourceAccessException refused() {
        return new ResourceAccessException("I/O error", new ConnectException("Connection refused"));
    }

    @Test
    void aRefusedConnectionGoesToTheNextInstance() {
        String answer = InternalClients.onLiveInstance(3, () -> {
            if (calls.incrementAndGet() == 1) {
                throw refused();
            }
            return "answered";
        });

        assertThat(answer).isEqualTo("answered");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aTimeoutIsNotSentAgainTheRequestMayHaveReachedTheService() {
        assertThatThrownBy(() -> InternalClients.onLiveInstance(3, () -> {
            calls.incrementAndGet();
            throw new ResourceAccessException("I/O error", new SocketTimeoutException("Read timed out"));
        })).isInstanceOf(ResourceAccessException.class);

        assertThat(calls).hasValue(1);
    }

    @Test
    void refusalsStopAfterTheAttemptsAndTheLastIsThrown() {
        assertThatThrownBy(() -> InternalClients.onLiveInstance(3, () -> {
            calls.incrementAndGet();
            throw refused();
        })).isInstanceOf(ResourceAccessException.class).hasRootCauseInstanceOf(ConnectException.class);

        assertThat(calls).hasValue(3);
    }

    @Test
    void otherFailuresAreTheCallersToHandle() {
        assertThatThrownBy(() -> InternalClients.onLiveInstance(3, () -> {
            calls.incrementAndGet();
            throw new IllegalStateException("notice-service answered 500");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(calls).hasValue(1);
    }
}
