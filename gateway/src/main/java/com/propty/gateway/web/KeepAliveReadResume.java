package com.propty.gateway.web;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.LastHttpContent;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.channel.ChannelOperations;
import reactor.netty.http.server.HttpServer;

/**
 * Works around a Reactor Netty bug (reactor/reactor-netty#4361; in 1.3.6, which Boot brings, and in 1.3.7) that leaves
 * a browser's keep-alive connection unread for good, so the page's next request on it never gets an answer and a
 * navigation hangs (the browser tests' 180 s {@code driver.get}).
 * <p>
 * A browser sends its next request as soon as it has the whole body of a response, which can be before the gateway
 * has ended that response (a static file read off the jar ends a moment after its last byte). Reactor Netty queues
 * that request with its empty last content; when the response ends it dispatches the request, and if that one is
 * answered at once (a 304 for an unchanged asset), it then drains the leftover last content and stops without asking
 * the socket for more. Reading on demand, the connection then reads nothing more and has no idle timeout either.
 * <p>
 * This handler sits just before Reactor Netty's bridge to the application: a last content arriving there with no
 * request in progress means the connection is idle, so it asks for the next read. Where Reactor Netty already did,
 * the extra read changes nothing. {@code KeepAliveReadResumeTest} fails once the Reactor Netty in use has the fix;
 * then this class goes.
 */
@Component
public class KeepAliveReadResume implements NettyServerCustomizer {

    static final String HANDLER = "propty.keepAliveReadResume";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> {
            ChannelPipeline pipeline = channel.pipeline();
            // HTTP/1.1 connections only: the queue is HttpTrafficHandler's
            if (pipeline.get(NettyPipeline.HttpTrafficHandler) != null && pipeline.get(HANDLER) == null) {
                pipeline.addBefore(NettyPipeline.ReactiveBridge, HANDLER, new ReadWhenIdle());
            }
        });
    }

    private static final class ReadWhenIdle extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            boolean idle = msg instanceof LastHttpContent && ChannelOperations.get(ctx.channel()) == null;
            ctx.fireChannelRead(msg);
            if (idle) {
                ctx.read();
            }
        }
    }
}
