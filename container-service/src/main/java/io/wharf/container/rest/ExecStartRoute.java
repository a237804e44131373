package io.wharf.container.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.wharf.common.error.WharfException;
import io.wharf.common.http.HijackedConnection;
import io.wharf.container.service.ExecService;
import io.wharf.container.service.ExecStreams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code POST /internal/v1/exec/{id}/start}: with {@code Detach} a 200 and the exec runs on its own;
 * otherwise the connection is hijacked as for attach and carries the exec's streams until it exits.
 */
@ApplicationScoped
public class ExecStartRoute {
    private final ExecService execs;
    private final ExecStreams streams;

    public ExecStartRoute(ExecService execs, ExecStreams streams) {
        this.execs = execs;
        this.streams = streams;
    }

    void init(@Observes Router router) {
        router.post("/internal/v1/exec/:id/start").order(-100).handler(BodyHandler.create()).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String id = ctx.pathParam("id");
        Buffer body = ctx.body().buffer();
        {
            boolean detach;
            try {
                JsonObject json = body == null || body.length() == 0 ? new JsonObject() : body.toJsonObject();
                detach = json.getBoolean("Detach", false);
            } catch (RuntimeException e) {
                RouteErrors.fail(request.response(), WharfException.invalid("invalid exec start body: " + e.getMessage()));
                return;
            }
            ctx.vertx().<ExecService.Started>executeBlocking(() -> execs.start(id), false).onComplete(result -> {
                if (result.failed()) {
                    RouteErrors.fail(request.response(), result.cause());
                    return;
                }
                ExecService.Started started = result.result();
                if (detach) {
                    streams.run(started, null);
                    request.response().setStatusCode(200).end();
                    return;
                }
                String type = started.session().config().tty() ? HijackedConnection.RAW : HijackedConnection.MULTIPLEXED;
                HijackedConnection.upgrade(request, type).onSuccess(socket -> follow(socket, started))
                        .onFailure(e -> {
                            started.process().kill();
                            streams.run(started, null);
                        });
            });
        }
    }

    private void follow(NetSocket socket, ExecService.Started started) {
        ExecStreams.Input input = streams.run(started, new ExecStreams.Sink() {
            @Override
            public void write(byte[] data) {
                socket.write(Buffer.buffer(data));
            }

            @Override
            public void end() {
                socket.end();
            }
        });
        socket.handler(data -> {
            if (input != null) {
                input.offer(data.getBytes());
            }
        });
        Runnable endOfInput = HijackedConnection.onEndOfInput(socket, () -> {
            if (input != null) {
                input.end();
            }
        });
        socket.closeHandler(v -> endOfInput.run());
    }
}
