package com.propty.kit.tracing;

import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.ExecutorService;

/**
 * A task handed to a pool of a service's own runs in the trace of the code that submitted it: its log lines carry
 * that trace, and what it publishes or calls carries it on (a plain pool would start each task with no trace).
 */
public final class TracedExecutors {

    private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

    private TracedExecutors() {
    }

    public static ExecutorService inSubmittersTrace(ExecutorService pool) {
        return ContextExecutorService.wrap(pool, SNAPSHOTS);
    }
}
