package io.wharf.gateway.client;

import io.netty.channel.socket.DuplexChannel;
import io.vertx.core.Vertx;
import io.vertx.core.net.impl.NetSocketInternal;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.RoutingContext;
import io.wharf.common.http.HijackedConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Docker's hijacked connections (attach, exec start): the client asks for {@code Upgrade: tcp}; the
 * gateway sends the same upgrade to the service on a connection of its own, answers 101 once the
 * service has, and then pipes raw bytes both ways until either side closes. The upstream connection
 * is a plain TCP connection, never a pooled HTTP one: after the upgrade it belongs to the stream.
 */
@ApplicationScoped
public class HijackProxy {
    private final NetClient net;

    public HijackProxy(Vertx vertx) {
        this.net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(5_000));
    }

    public void tunnel(RoutingContext ctx, String baseUrl, String path) {
        HttpServerRequest in = ctx.request();
        in.pause();
        URI base = URI.create(baseUrl);
        in.body().onSuccess(body -> net.connect(base.getPort(), base.getHost()).onSuccess(upstream -> {
            upstream.pause();
            UpgradeAnswer answer = new UpgradeAnswer(upstream);
            answer.onHead(head -> {
                if (head.status() != 101) {
                    answer.readBody(head, payload -> {
                        upstream.close();
                        relayRefusal(ctx, head, payload);
                    });
                    return;
                }
                upgradeClient(ctx, head, upstream, answer.remainder());
            });
            upstream.resume();
            upstream.write(requestHead(in, base, path, body));
            if (body.length() > 0) {
                upstream.write(body);
            }
        }).onFailure(e -> ctx.fail(ServiceProxy.unavailable(baseUrl, e)))).onFailure(ctx::fail);
        in.resume();
    }

    private static Buffer requestHead(HttpServerRequest in, URI base, String path, Buffer body) {
        StringBuilder head = new StringBuilder()
                .append(in.method().name()).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(base.getHost()).append(':').append(base.getPort()).append("\r\n")
                .append("Connection: Upgrade\r\nUpgrade: tcp\r\n")
                .append("Content-Length: ").append(body.length()).append("\r\n");
        for (String name : new String[] {"Content-Type", "traceparent", "tracestate"}) {
            String value = in.getHeader(name);
            if (value != null) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        }
        return Buffer.buffer(head.append("\r\n").toString(), StandardCharsets.ISO_8859_1.name());
    }

    private static void upgradeClient(RoutingContext ctx, UpgradeAnswer.Head head, NetSocket upstream, Buffer early) {
        String mediaType = head.header("Content-Type");
        HijackedConnection.upgrade(ctx.request(), mediaType == null ? HijackedConnection.RAW : mediaType)
                .onSuccess(client -> {
                    if (early.length() > 0) {
                        client.write(early);
                    }
                    upstream.handler(client::write);
                    upstream.closeHandler(v -> client.close());
                    client.handler(upstream::write);
                    client.closeHandler(v -> upstream.close());
                    // the client's end of input (docker run -i at EOF of its stdin) goes on as a half-close
                    HijackedConnection.onEndOfInput(client, () -> shutdownOutput(upstream));
                }).onFailure(e -> upstream.close());
    }

    /** Half-closes the connection to the service once everything written before has gone out. */
    private static void shutdownOutput(NetSocket upstream) {
        upstream.write(Buffer.buffer()).onComplete(done -> {
            if (upstream instanceof NetSocketInternal internal
                    && internal.channelHandlerContext().channel() instanceof DuplexChannel channel) {
                channel.shutdownOutput();
            }
        });
    }

    private static void relayRefusal(RoutingContext ctx, UpgradeAnswer.Head head, Buffer payload) {
        String contentType = head.header("Content-Type");
        ctx.response().setStatusCode(head.status());
        if (contentType != null) {
            ctx.response().putHeader("Content-Type", contentType);
        }
        ctx.response().end(payload);
    }
}
