package com.propty.gateway.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The browser's way of reusing a connection, on a plain Reactor Netty server: it sends its next request as soon as it
 * has the whole body of the previous response (Content-Length), which may be before the server has ended that
 * response; the server queues that request, and when it is answered at once (a 304 for a page asset is) the
 * connection used to stop reading for good, so the request after it waited forever.
 */
class KeepAliveReadResumeTest {

    private static final int SILENT_MS = 3000;

    /** Ends /slow's response, which has sent its whole body already. */
    private final Sinks.Empty<Void> slowEnds = Sinks.empty();
    /** Requests the server has read off the connection, whether it answers them yet or queues them. */
    private final AtomicInteger received = new AtomicInteger();

    @Test
    void theRequestAfterOneQueuedBehindAnOpenResponseIsAnswered() throws IOException {
        DisposableServer server = start(new KeepAliveReadResume()::apply);
        try (Socket socket = connect(server)) {
            assertThat(queueOneBehindAnOpenResponse(socket)).startsWith("HTTP/1.1 204");

            send(socket, "/fast");
            assertThat(response(socket)).startsWith("HTTP/1.1 204");
        } finally {
            server.disposeNow();
        }
    }

    /**
     * Reactor Netty's own behaviour without the workaround (reactor/reactor-netty#4361). When this fails, the Reactor
     * Netty in use has the fix: delete {@link KeepAliveReadResume} and this test.
     */
    @Test
    void withoutItTheConnectionStopsReadingThere() throws IOException {
        DisposableServer server = start(UnaryOperator.identity());
        try (Socket socket = connect(server)) {
            assertThat(queueOneBehindAnOpenResponse(socket)).startsWith("HTTP/1.1 204");

            send(socket, "/fast");
            assertThatThrownBy(() -> response(socket)).isInstanceOf(SocketTimeoutException.class);
        } finally {
            server.disposeNow();
        }
    }

    /** /slow's whole body, then /fast read by the server while /slow is still open; answers /fast's response. */
    private String queueOneBehindAnOpenResponse(Socket socket) throws IOException {
        send(socket, "/slow");
        assertThat(response(socket)).startsWith("HTTP/1.1 200").endsWith("ok");
        send(socket, "/fast");
        await().atMost(Duration.ofSeconds(10)).until(() -> received.get() == 2);
        slowEnds.tryEmitEmpty();
        return response(socket);
    }

    private DisposableServer start(UnaryOperator<HttpServer> customizer) {
        return customizer.apply(HttpServer.create().host("127.0.0.1").port(0))
                .doOnChannelInit((observer, channel, remoteAddress) -> channel.pipeline()
                        .addAfter(NettyPipeline.HttpCodec, "requests", new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                if (msg instanceof HttpRequest) {
                                    received.incrementAndGet();
                                }
                                ctx.fireChannelRead(msg);
                            }
                        }))
                .route(routes -> routes
                        // the body goes out at once, the response ends later (as a static file read off a jar does)
                        .get("/slow", (request, response) -> response.header(HttpHeaderNames.CONTENT_LENGTH, "2")
                                .sendString(Flux.just("o", "k")).then()
                                .then(slowEnds.asMono()))
                        // answered without waiting for anything, like a 304 Not Modified
                        .get("/fast", (request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send()))
                .bindNow();
    }

    private static Socket connect(DisposableServer server) throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setSoTimeout(SILENT_MS);
        return socket;
    }

    private static void send(Socket socket, String path) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** One response: the head, then as many body bytes as Content-Length says. */
    private static String response(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = text.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                .mapToInt(line -> Integer.parseInt(line.substring(line.indexOf(':') + 1).trim())).findFirst().orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
