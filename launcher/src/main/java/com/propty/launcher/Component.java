package com.propty.launcher;

import java.util.Map;

/**
 * One process of the local platform: which jar (or, for a program that is not ours, which command), which
 * environment, and how to tell it is ready.
 *
 * @param healthUrl an HTTP URL answering 200 when ready, or null to wait for {@code port} to accept connections
 * @param command   the command line of a process that is not one of the reactor's jars (Prometheus), else null
 */
record Component(String name, String jar, int port, String healthUrl, String heap, Map<String, String> env,
        boolean infrastructure, java.util.List<String> command) {

    Component(String name, String jar, int port, String healthUrl, String heap, Map<String, String> env,
            boolean infrastructure) {
        this(name, jar, port, healthUrl, heap, env, infrastructure, null);
    }

    /** Without the environment: it holds INTERNAL_TOKEN_SECRET and other secrets. */
    @Override
    public String toString() {
        return "Component[" + name + ", " + jar + ", port " + port + "]";
    }
}
