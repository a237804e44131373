package io.wharf.container.rest;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.common.http.HijackedConnection;
import io.wharf.container.service.AttachService;
import io.wharf.container.service.LogsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /internal/v1/containers/{id}/logs}: the head goes out at once (a follower waits for it),
 * then the log so far, then, with {@code follow}, what the container writes until it exits.
 */
@ApplicationScoped
public class LogsRoute {
    private final LogsService logs;

    public LogsRoute(LogsService logs) {
        this.logs = logs;
    }

    void init(@Observes Router router) {
        router.get("/internal/v1/containers/:id/logs").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpServerResponse response = ctx.response();
        LogsService.Request r = new LogsService.Request(flag(request, "stdout"), flag(request, "stderr"),
                flag(request, "follow"), request.getParam("since"), request.getParam("until"),
                flag(request, "timestamps"), request.getParam("tail"));
        Context context = ctx.vertx().getOrCreateContext();
        ctx.vertx().<LogsService.LogStream>executeBlocking(() -> logs.open(ctx.pathParam("id"), r), false)
                .onFailure(e -> RouteErrors.fail(response, e))
                .onSuccess(stream -> {
                    response.setChunked(true).putHeader("Content-Type",
                            stream.tty() ? HijackedConnection.RAW : HijackedConnection.MULTIPLEXED);
                    response.write(Buffer.buffer(stream.initial()));
                    if (!stream.following()) {
                        response.end();
                        return;
                    }
                    response.closeHandler(v -> stream.close());
                    stream.follow(new AttachService.Sink() {
                        @Override
                        public void write(byte[] data) {
                            context.runOnContext(v -> {
                                if (!response.ended() && !response.closed()) {
                                    response.write(Buffer.buffer(data));
                                }
                            });
                        }

                        @Override
                        public boolean full() {
                            return response.writeQueueFull();
                        }

                        @Override
                        public void end() {
                            context.runOnContext(v -> {
                                if (!response.ended() && !response.closed()) {
                                    response.end();
                                }
                            });
                        }
                    });
                });
    }

    private static boolean flag(HttpServerRequest request, String name) {
        return ContainerResource.truthy(request.getParam(name));
    }
}
