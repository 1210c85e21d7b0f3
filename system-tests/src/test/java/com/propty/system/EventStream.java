package com.propty.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A notice's server-sent events read with a bearer header, as the web page reads them: through the gateway with the
 * user's token, or straight from one notice-service instance with the internal token the gateway would forward.
 */
public final class EventStream implements AutoCloseable {

    private final List<String> events = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Void>> response;

    public EventStream(String gateway, String token, String noticeId) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/notices/" + noticeId + "/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        response = HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(
                new java.util.concurrent.Flow.Subscriber<String>() {
                    @Override
                    public void onSubscribe(java.util.concurrent.Flow.Subscription subscription) {
                        subscription.request(Long.MAX_VALUE);
                    }

                    @Override
                    public void onNext(String line) {
                        if (line.startsWith("event:")) {
                            events.add(line.substring("event:".length()).trim());
                        }
                    }

                    @Override
                    public void onError(Throwable throwable) {
                    }

                    @Override
                    public void onComplete() {
                    }
                }));
    }

    /** The names of the events received so far, in order. */
    public List<String> events() {
        return List.copyOf(events);
    }

    @Override
    public void close() {
        response.cancel(true);
    }
}
