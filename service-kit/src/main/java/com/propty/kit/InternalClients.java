package com.propty.kit;

import java.net.ConnectException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.cloud.client.loadbalancer.LoadBalancerInterceptor;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The one way a service calls another's internal API: by service id, never by host. Each request goes to one of that
 * service's instances, round-robin (Spring Cloud LoadBalancer over the simple discovery list
 * {@code spring.cloud.discovery.client.simple.instances.<service-id>}: one instance from the service's URL property,
 * more when several run, README "Scaling out"), with a fresh service token ({@link ServiceTokens}), and connect and
 * read timeouts.
 */
public final class InternalClients {

    private final RestClient.Builder builder;
    private final Supplier<LoadBalancerClient> loadBalancer;
    private final ServiceTokens tokens;

    InternalClients(RestClient.Builder builder, Supplier<LoadBalancerClient> loadBalancer, ServiceTokens tokens) {
        this.builder = builder;
        this.loadBalancer = loadBalancer;
        this.tokens = tokens;
    }

    /** A client of {@code serviceId}'s instances; a service with no instance known fails its calls as unreachable. */
    public RestClient of(String serviceId, Duration timeout) {
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        LoadBalancerInterceptor loadBalancing = new LoadBalancerInterceptor(loadBalancer.get());
        ClientHttpRequestInterceptor balanced = (request, body, execution) -> {
            try {
                return loadBalancing.intercept(request, body, execution);
            } catch (IllegalStateException noInstance) {
                throw new ConnectException("no instance of " + serviceId + " is known");
            }
        };
        return builder.clone().baseUrl("http://" + serviceId).requestFactory(factory)
                .requestInterceptor(balanced).requestInterceptor(tokens).build();
    }

    /**
     * Runs {@code call}, and again (at most {@code attempts} times in all) while an instance refuses the connection:
     * a refused connection reached no service, so any request, a write too, may go to the next instance. Every other
     * failure is the caller's to handle.
     */
    public static <T> T onLiveInstance(int attempts, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (ResourceAccessException e) {
                if (attempt >= attempts || !refused(e)) {
                    throw e;
                }
            }
        }
    }

    static boolean refused(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
