package com.propty.gateway.web;

import com.propty.gateway.GatewayProperties;
import io.netty.channel.ChannelPipeline;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.netty.NettyPipeline;

/**
 * What the gateway refuses before routing, always as problem+json (README "Input limits"): the framing limits are
 * {@code server.netty.max-initial-line-length} and {@code server.max-http-request-header-size} (application.yml),
 * enforced by Netty's decoder and answered by {@link RequestGuard}; Spring Security's firewall (encoded '/', '\',
 * '.', ';', NUL and other control characters in the path) answers through the rejected-exchange handler.
 */
@Configuration(proxyBeanMethods = false)
public class ServerLimits {

    @Bean
    NettyServerCustomizer requestGuard(GatewayProperties properties) {
        return server -> server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            if (pipeline.get(NettyPipeline.HttpCodec) != null) {
                pipeline.addAfter(NettyPipeline.HttpCodec, "propty.requestGuard",
                        new RequestGuard(properties.maxUriLength()));
            }
        });
    }

    @Bean
    ServerExchangeRejectedHandler firewallRejections() {
        return (exchange, rejected) -> RequestGuard.invalidRequest().writeTo(exchange);
    }
}
