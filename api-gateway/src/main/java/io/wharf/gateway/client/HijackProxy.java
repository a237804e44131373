package io.wharf.gateway.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Docker's hijacked connections (attach, exec start): the client asks for {@code Upgrade: tcp}; the
 * gateway opens the same upgrade to the service, answers 101 once the service has, and then pipes
 * raw bytes both ways until either side closes.
 */
@ApplicationScoped
public class HijackProxy {
    private final ServiceHttp http;

    public HijackProxy(ServiceHttp http) {
        this.http = http;
    }

    public void tunnel(RoutingContext ctx, String baseUrl, String path) {
        HttpServerRequest in = ctx.request();
        allowHalfClose(in);
        in.pause();
        RequestOptions options = new RequestOptions().setMethod(in.method()).setAbsoluteURI(baseUrl + path)
                .putHeader("Connection", "Upgrade").putHeader("Upgrade", "tcp");
        String contentType = in.getHeader("Content-Type");
        if (contentType != null) {
            options.putHeader("Content-Type", contentType);
        }
        http.client().request(options).onSuccess(out -> {
            in.body().onSuccess(body -> {
                if (body.length() > 0) {
                    out.putHeader("Content-Length", Integer.toString(body.length()));
                    out.write(body);
                }
                out.connect().onSuccess(answer -> {
                    if (answer.statusCode() != 101) {
                        relayRefusal(ctx, answer);
                        return;
                    }
                    NetSocket upstream = answer.netSocket();
                    upgradeClient(ctx, answer, upstream);
                }).onFailure(e -> ctx.fail(ServiceProxy.unavailable(baseUrl, e)));
            });
            in.resume();
        }).onFailure(e -> ctx.fail(ServiceProxy.unavailable(baseUrl, e)));
    }

    private static void upgradeClient(RoutingContext ctx, HttpClientResponse answer, NetSocket upstream) {
        String mediaType = answer.getHeader("Content-Type");
        ctx.response().putHeader("Content-Type", mediaType == null ? "application/vnd.docker.raw-stream" : mediaType)
                .putHeader("Connection", "Upgrade")
                .putHeader("Upgrade", "tcp");
        ctx.request().toNetSocket().onSuccess(client -> {
            upstream.handler(client::write);
            upstream.closeHandler(v -> client.close());
            upstream.endHandler(v -> client.end());
            client.handler(upstream::write);
            client.closeHandler(v -> upstream.close());
        }).onFailure(e -> upstream.close());
    }

    private static void relayRefusal(RoutingContext ctx, HttpClientResponse answer) {
        answer.body().onComplete(body -> {
            ctx.response().setStatusCode(answer.statusCode());
            ServiceProxy.copyHeaders(answer.headers(), ctx.response().headers(), List.of("Content-Type"));
            ctx.response().end(body.succeeded() ? body.result() : io.vertx.core.buffer.Buffer.buffer());
        });
    }

    /** Docker clients shut down their write side after the upgrade; that must not close our side. */
    private static void allowHalfClose(HttpServerRequest in) {
        if (in.connection() instanceof ConnectionBase base) {
            Channel channel = base.channel();
            channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        }
    }
}
