package com.propty.system.ops;

import static org.awaitility.Awaitility.await;

import com.propty.launcher.PlatformSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** The services' meters at one moment, scraped as Prometheus would; read by name and labels, or compared with later. */
public record PlatformMeters(Map<String, Scrape> byService) {

    public static PlatformMeters scrape(PlatformSettings settings) {
        Map<String, Scrape> scrapes = new LinkedHashMap<>();
        scrapes.put("gateway", Scrape.of(settings.gatewayPort()));
        scrapes.put("notice-service", Scrape.of(settings.noticePort()));
        scrapes.put("resend-service", Scrape.of(settings.resendPort()));
        scrapes.put("delivery-service", Scrape.of(settings.deliveryPort()));
        scrapes.put("history-service", Scrape.of(settings.historyPort()));
        return new PlatformMeters(scrapes);
    }

    /**
     * Waits until no delivery result has been published for one poll (the tail of earlier tests' webhooks), so that
     * what a test then does is all that moves the meters.
     */
    public static PlatformMeters quiet(PlatformSettings settings) {
        AtomicReference<Double> last = new AtomicReference<>(-1.0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(700)).until(() -> {
            double now = Scrape.of(settings.deliveryPort()).sum("notice_deliveries_total");
            return last.getAndSet(now) == now;
        });
        return scrape(settings);
    }

    public double value(String service, String name, String... labels) {
        return byService.get(service).value(name, labels);
    }

    /** How much a series moved from {@code earlier} to this scrape. */
    public double since(PlatformMeters earlier, String service, String name, String... labels) {
        return value(service, name, labels) - earlier.value(service, name, labels);
    }
}
