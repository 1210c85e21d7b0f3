package com.propty.system;

import com.propty.launcher.Platform;
import com.propty.launcher.PlatformSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The whole platform as real processes on random ports (never the ones of a running {@code ./run.sh}), started once per
 * test JVM from the jars the reactor built before this module, and stopped when the JVM exits.
 */
public final class RunningPlatform {

    private static Platform platform;

    private RunningPlatform() {
    }

    public static synchronized Platform get() {
        if (platform == null) {
            try {
                Path home = Path.of("..").toAbsolutePath().normalize();
                Path data = Files.createDirectories(Path.of("target/platform-" + System.currentTimeMillis()))
                        .toAbsolutePath();
                PlatformSettings settings = PlatformSettings.randomPorts(home, data, Map.of(
                        "SIM_WEBHOOK_DELAY_MS", "100",
                        // explicitly: no property has SMS quiet hours unless a test sets them (QuietHoursPageTest),
                        // so no result depends on the hour the suite runs
                        "PROPERTY_DEFAULT_QUIET_HOURS", "false",
                        "DELIVERY_IN_DOUBT_WINDOW", "PT30S",
                        // a line per consumed batch and per routed request, to follow a trace (ResendJourneyTest)
                        "SPRING_APPLICATION_JSON", "{\"logging.level.com.propty.kit.messaging.BatchTracing\":\"DEBUG\","
                                + "\"logging.level.org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping\":"
                                + "\"DEBUG\"}"));
                long started = System.nanoTime();
                platform = Platform.start(settings, line -> System.out.println("[platform] " + line));
                System.out.printf("[platform] started in %.1f s%n", (System.nanoTime() - started) / 1e9);
                Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
    }

    public static Api api(String user, String... properties) {
        return Api.signIn(get().settings().gatewayUrl(), user, properties);
    }
}
