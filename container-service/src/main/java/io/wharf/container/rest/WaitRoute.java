package io.wharf.container.rest;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.container.service.WaitService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;

/**
 * {@code POST /internal/v1/containers/{id}/wait}. As dockerd does, the {@code 200} head is sent as
 * soon as the wait is registered and the body ({@code {"StatusCode":N,"Error":null}}) when the
 * condition is met: the docker CLI waits for that head before it starts the container, so a
 * {@code docker run --rm} cannot miss the exit.
 */
@ApplicationScoped
public class WaitRoute {
    private final WaitService waits;

    public WaitRoute(WaitService waits) {
        this.waits = waits;
    }

    void init(@Observes Router router) {
        router.post("/internal/v1/containers/:id/wait").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String ref = ctx.pathParam("id");
        String condition = ctx.request().getParam("condition");
        HttpServerResponse response = ctx.response();
        ctx.vertx().<CompletableFuture<Integer>>executeBlocking(() -> waits.await(ref, condition), false)
                .onFailure(e -> RouteErrors.fail(response, e))
                .onSuccess(outcome -> {
                    response.setChunked(true).putHeader("Content-Type", "application/json");
                    response.write(Buffer.buffer());
                    outcome.whenComplete((code, error) -> ctx.vertx().runOnContext(v -> {
                        if (response.closed() || response.ended()) {
                            return;
                        }
                        JsonObject body = new JsonObject().put("StatusCode", error == null ? code : -1)
                                .put("Error", error == null ? null
                                        : new JsonObject().put("Message", String.valueOf(error.getMessage())));
                        response.end(body.encode() + "\n");
                    }));
                });
    }
}
