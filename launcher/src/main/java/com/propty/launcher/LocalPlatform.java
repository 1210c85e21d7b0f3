package com.propty.launcher;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./run.sh [--demo] [--instances N] [--brokers 1|3] [--only name,…]}: starts the whole platform on embedded defaults and keeps it running until
 * Ctrl-C (or SIGTERM), which stops every process cleanly.
 */
public final class LocalPlatform {

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        PlatformSettings settings = PlatformSettings.fromEnvironment(Path.of("").toAbsolutePath())
                .withTopology(count(arguments, "--instances"), count(arguments, "--brokers"));
        long started = System.nanoTime();
        int only = arguments.indexOf("--only");
        Platform platform = Platform.of(settings, System.out::println);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping…");
            platform.close();
            System.out.println("stopped");
        }, "platform-shutdown"));
        if (only >= 0 && only + 1 < arguments.size()) {
            platform.start(arguments.get(only + 1).split(","));
        } else {
            platform.start();
        }
        System.out.printf("%nready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        if (only < 0) {
            printWelcome(settings);
            if (arguments.contains("--demo")) {
                new DemoSeed(settings.gatewayUrl(), System.out::println).run();
            }
        }
        platform.watch();
    }

    /** The number after {@code option} ({@code --instances 2}), 1 without it. */
    static int count(List<String> arguments, String option) {
        int at = arguments.indexOf(option);
        if (at < 0) {
            return 1;
        }
        if (at + 1 >= arguments.size() || !arguments.get(at + 1).matches("\\d{1,2}")) {
            throw new IllegalArgumentException(option + " needs a number, e.g. " + option + " 2");
        }
        return Integer.parseInt(arguments.get(at + 1));
    }

    private static void printWelcome(PlatformSettings s) {
        System.out.println("""

                Notice delivery platform is up (data in %s, logs in %s/logs)
                  web page + API gateway  %s
                  provider simulator      %s/admin/messages
                  notice-service %d · resend-service %d · delivery-service %d · history-service %d
                  Kafka localhost:%d · MongoDB-wire localhost:%d

                Get a token (local profile only):
                  curl -s -X POST %s/dev/token -H 'Content-Type: application/json' \\
                    -d '{"sub":"manager-1","name":"Ann Manager","roles":["PROPERTY_MANAGER"],"properties":["demo-property"]}'
                Ctrl-C stops everything.
                """.formatted(s.dataDir(), s.dataDir(), s.gatewayUrl(), s.simulatorUrl(), s.noticePort(),
                s.resendPort(), s.deliveryPort(), s.historyPort(), s.kafkaPort(), s.mongoPort(), s.gatewayUrl()));
        if (s.topology().instances() > 1 || s.topology().brokers() > 1) {
            System.out.printf("  %d instances of each service (a second one on its first's port + 100) on %d Kafka"
                    + " node(s): %s%n", s.topology().instances(), s.topology().brokers(), s.kafkaBootstrap());
        }
    }
}
