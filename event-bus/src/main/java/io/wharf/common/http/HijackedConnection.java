package io.wharf.common.http;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Docker's connection hijack, used by the gateway and the host agent alike: answer {@code 101}
 * with {@code Upgrade: tcp} and hand over the raw connection. Vert.x's {@code toNetSocket()} only
 * upgrades GET and CONNECT requests, while Docker attaches with POST, so the status line goes out
 * through Netty and the connection is then turned into a NetSocket (which removes the HTTP codecs
 * behind the written head).
 */
public final class HijackedConnection {
    public static final String MULTIPLEXED = "application/vnd.docker.multiplexed-stream";
    public static final String RAW = "application/vnd.docker.raw-stream";

    private HijackedConnection() {
    }

    /** Whether the client asked for a hijack ({@code Connection: Upgrade} with an {@code Upgrade} header). */
    public static boolean requested(HttpServerRequest request) {
        String connection = request.getHeader("Connection");
        return request.getHeader("Upgrade") != null && connection != null
                && connection.toLowerCase(java.util.Locale.ROOT).contains("upgrade");
    }

    public static Future<NetSocket> upgrade(HttpServerRequest request, String contentType) {
        if (!(request.connection() instanceof Http1xServerConnection connection)) {
            return Future.failedFuture("a hijacked stream needs an HTTP/1.1 connection");
        }
        Channel channel = connection.channel();
        // clients half-close their write side right after the upgrade; the output must still flow
        channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        DefaultHttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.SWITCHING_PROTOCOLS);
        head.headers().set("Content-Type", contentType).set("Connection", "Upgrade").set("Upgrade", "tcp");
        // flushed on its own, before any output: some clients drop data that shares a packet with the head
        channel.writeAndFlush(head);
        return connection.netSocket();
    }

    /**
     * Runs {@code action} once, when the client ends its input: a half-close (the connection stays open
     * thanks to ALLOW_HALF_CLOSURE, so Netty reports it as an event) or the end of the stream. Returns the
     * once-only action, for callers that must also run it when the connection closes.
     */
    public static Runnable onEndOfInput(NetSocket socket, Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        Runnable once = () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
        socket.endHandler(v -> once.run());
        if (socket instanceof NetSocketInternal internal) {
            internal.eventHandler(event -> {
                if (event instanceof ChannelInputShutdownEvent) {
                    once.run();
                }
            });
        }
        return once;
    }
}
