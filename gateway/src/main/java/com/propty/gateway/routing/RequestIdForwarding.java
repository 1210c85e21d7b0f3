package com.propty.gateway.routing;

import com.propty.internaltoken.RequestId;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Every forwarded request carries an {@code X-Request-Id}, and the response answers it: the client's own when it is
 * a short safe token ({@link RequestId#isSafe}), else a new UUID. The services put it in the audit trail.
 */
@Component
public class RequestIdForwarding implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String id = RequestId.keepOrNew(exchange.getRequest().getHeaders().getFirst(RequestId.HEADER));
        exchange.getResponse().getHeaders().set(RequestId.HEADER, id);
        return chain.filter(exchange.mutate()
                .request(request -> request.headers(headers -> headers.set(RequestId.HEADER, id)))
                .build());
    }
}
