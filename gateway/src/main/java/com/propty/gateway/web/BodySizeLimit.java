package com.propty.gateway.web;

import com.propty.gateway.GatewayProperties;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses request bodies over {@code propty.gateway.max-body-bytes} with 413 (CONTRACT §3) before they are
 * forwarded: at once when Content-Length says so, else (chunked bodies) as soon as the streamed bytes pass the
 * limit. Runs after the security filters (order -100), so an anonymous caller still gets 401 first.
 */
@Component
public class BodySizeLimit implements WebFilter, org.springframework.core.Ordered {

    private final long maxBytes;

    public BodySizeLimit(GatewayProperties properties) {
        this.maxBytes = properties.maxBodyBytes();
    }

    @Override
    public int getOrder() {
        return -50;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBytes) {
            return Problem.payloadTooLarge(maxBytes).writeTo(exchange);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                AtomicLong seen = new AtomicLong();
                return super.getBody().handle((buffer, sink) -> {
                    if (seen.addAndGet(buffer.readableByteCount()) > maxBytes) {
                        DataBufferUtils.release(buffer);
                        sink.error(new BodyTooLargeException(maxBytes));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }
}
