package com.propty.kit;

import com.propty.internaltoken.InternalTokenSigner;
import com.propty.internaltoken.InternalTokenVerifier;
import com.propty.kit.messaging.BatchTracing;
import com.propty.kit.metrics.ConsumerMeters;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import com.propty.kit.lease.JobLeases;
import java.time.Clock;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.web.client.RestClient;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What every HTTP service shares: the internal token checked on every request (the caller comes from it),
 * service tokens for calls to other services, problem+json, body limits, per-user rate limits.
 */
@AutoConfiguration(afterName = {"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@Import({ProblemAdvice.class, AuditConfiguration.class})
@EnableConfigurationProperties({InternalTokenProperties.class, RateLimitProperties.class})
public class ServiceKitAutoConfiguration implements WebMvcConfigurer {

    /** Per-user rate limits, counted in the service's own MongoDB so that they hold across its instances. */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    RateLimits rateLimits(MongoTemplate mongo, RateLimitProperties properties, ObjectProvider<Clock> clock) {
        return new RateLimits(mongo, properties, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Leases on the jobs only one instance of a service may run at a time (sweeps over shared work). */
    @Bean
    @ConditionalOnBean(MongoTemplate.class)
    JobLeases jobLeases(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        return new JobLeases(mongo, clock.getIfAvailable(Clock::systemUTC));
    }

    /** Projection lag and dead letters of the service's consumers (README "Meters"). */
    @Bean
    ConsumerMeters consumerMeters(ObjectProvider<MeterRegistry> registry, ObjectProvider<Clock> clock) {
        return new ConsumerMeters(registry.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
    }

    /** The span in which a batch consumer works, continuing its records' traces (README "Tracing and logs"). */
    @Bean
    BatchTracing batchTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new BatchTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
    }

    @Bean
    FilterRegistrationBean<BodySizeLimitFilter> bodySizeLimitFilter(
            @Value("${propty.http.max-body-bytes:1048576}") long maxBytes) {
        FilterRegistrationBean<BodySizeLimitFilter> registration =
                new FilterRegistrationBean<>(new BodySizeLimitFilter(maxBytes));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Fails start-up without a secret of at least 32 bytes (only the local profile has a default). */
    @Bean
    InternalTokenVerifier internalTokenVerifier(InternalTokenProperties properties) {
        return new InternalTokenVerifier(properties.secret(), properties.previousSecret());
    }

    @Bean
    FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalTokenVerifier verifier) {
        FilterRegistrationBean<InternalTokenFilter> registration =
                new FilterRegistrationBean<>(new InternalTokenFilter(verifier));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Every request's {@code X-Request-Id} (the gateway's), for the audit trail; before the token check. */
    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /** Clients of other services' internal APIs by service id, over their instances (README "Scaling out"). */
    @Bean
    InternalClients internalClients(ObjectProvider<RestClient.Builder> builder,
            ObjectProvider<LoadBalancerClient> loadBalancer, ServiceTokens tokens) {
        return new InternalClients(builder.getIfAvailable(RestClient::builder), loadBalancer::getObject, tokens);
    }

    @Bean
    ServiceTokens serviceTokens(InternalTokenProperties properties,
            @Value("${spring.application.name}") String serviceName) {
        return new ServiceTokens(new InternalTokenSigner(properties.secret(), serviceName, properties.lifetime()),
                serviceName);
    }
}
