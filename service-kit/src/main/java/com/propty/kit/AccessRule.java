package com.propty.kit;

/**
 * What a request to a service needs (README "Security"). Provider webhooks ({@code /webhooks/**}, authenticated by
 * the providers' signatures) and the actuator ({@code /actuator/**}, for probes) are open; the internal API
 * ({@code /internal/**}) needs a service's token (role SERVICE); everything else, {@code /api/**} included, needs an
 * internal token. A request is open only when both its raw path and the path the container normalised say so, so
 * that {@code /webhooks/../api/…} or {@code /webhooks;x/…} cannot slip past: doubt means a token is required.
 */
enum AccessRule {

    OPEN, CALLER, SERVICE;

    static AccessRule of(String rawPath, String normalisedPath) {
        if (isInternal(rawPath) || isInternal(normalisedPath)) {
            return SERVICE;
        }
        return isOpen(rawPath) && isOpen(normalisedPath) ? OPEN : CALLER;
    }

    private static boolean isOpen(String path) {
        return path.startsWith("/webhooks/") || under(path, "/actuator");
    }

    private static boolean isInternal(String path) {
        return under(path, "/internal");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
