package com.propty.launcher;

import java.util.Map;

/**
 * One process of the local platform: which jar, which environment, and how to tell it is ready.
 *
 * @param healthUrl an HTTP URL answering 200 when ready, or null to wait for {@code port} to accept connections
 */
record Component(String name, String jar, int port, String healthUrl, String heap, Map<String, String> env,
        boolean infrastructure) {

    /** Without the environment: it holds INTERNAL_TOKEN_SECRET and other secrets. */
    @Override
    public String toString() {
        return "Component[" + name + ", " + jar + ", port " + port + "]";
    }
}
