package com.propty.gateway.web;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;

/**
 * Sits right after Netty's HTTP decoder, where requests that no WebFilter would ever see are refused: a request line
 * or headers over the framing limits, a line Netty cannot parse, a request target that is not a URI (a broken
 * percent-encoding such as {@code %zz}, a raw space), or one longer than the gateway's URI limit. Without it, Reactor
 * Netty and Spring answer those with an empty 400/414/431. It answers problem+json with a {@code code} and closes the
 * connection (the rest of that request is read and discarded, not parsed). One instance per connection.
 */
public class RequestGuard extends ChannelInboundHandlerAdapter {

    private static final int LINGER_SECONDS = 2;

    private final int maxUriLength;
    private boolean refused;

    public RequestGuard(int maxUriLength) {
        this.maxUriLength = maxUriLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Problem problem = problemFor(request.decoderResult(), request.uri(), maxUriLength);
            if (problem != null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, problem);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The refusal for this request, or null when it may go on. */
    static Problem problemFor(DecoderResult decoded, String uri, int maxUriLength) {
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                return uriTooLong();
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return new Problem(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "HEADERS_TOO_LARGE",
                        "Request header fields too large", "The request headers are too large.");
            }
            return invalidRequest();
        }
        if (uri.length() > maxUriLength) {
            return uriTooLong();
        }
        try {
            new URI(uri);
        } catch (URISyntaxException e) {
            return invalidRequest();
        }
        return null;
    }

    private static Problem uriTooLong() {
        return new Problem(HttpStatus.URI_TOO_LONG, "URI_TOO_LONG", "URI too long",
                "The URL is too long. For a large selection, POST /api/notices/{id}/resend-options with "
                        + "{\"recipientIds\": [...]} instead of ?selected=.");
    }

    static Problem invalidRequest() {
        return new Problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                "The request could not be read: check the URL's percent-encoding (no encoded '/', '\\\\' or NUL, "
                        + "UTF-8 only) and the headers.");
    }

    private static void refuse(ChannelHandlerContext ctx, Problem problem) {
        byte[] body = problem.json();
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status().value()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(written -> {
            Channel channel = ctx.channel();
            if (channel instanceof DuplexChannel duplex && channel.isActive()) {
                // Closing at once, with the rest of an oversize request still arriving, makes the kernel reset the
                // connection and the client loses this answer: stop writing, drain (the decoder discards what
                // follows), and close when the client does, or after a short grace.
                duplex.shutdownOutput();
                ctx.executor().schedule(() -> channel.close(), LINGER_SECONDS, TimeUnit.SECONDS);
            } else {
                channel.close();
            }
        });
    }
}
