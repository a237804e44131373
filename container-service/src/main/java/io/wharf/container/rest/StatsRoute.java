package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.container.domain.StatsJson;
import io.wharf.container.service.StatsService;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * {@code GET /internal/v1/containers/{id}/stats?stream=&one-shot=}. Streamed: one JSON line per
 * second (the first with an empty precpu) until the client leaves or the container stops running.
 * Not streamed: two readings a second apart, so CPU percentages can be computed; with one-shot, a
 * single reading at once. Readings run on worker threads; no thread waits between them.
 */
@ApplicationScoped
public class StatsRoute {
    static final long INTERVAL_MS = 1000;

    private final StatsService stats;

    public StatsRoute(StatsService stats) {
        this.stats = stats;
    }

    void init(@Observes Router router) {
        router.get("/internal/v1/containers/:id/stats").order(-100).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String ref = ctx.pathParam("id");
        // moby's BoolValueOrDefault: any case of false, 0, no or none is false (docker-py sends "False")
        String streamParam = ctx.request().getParam("stream");
        boolean stream = streamParam == null || ContainerResource.truthy(streamParam);
        boolean oneShot = ContainerResource.truthy(ctx.request().getParam("one-shot"));
        HttpServerResponse response = ctx.response();
        Vertx vertx = ctx.vertx();
        vertx.executeBlocking(() -> {
            ContainerEntity c = stats.container(ref);
            return new Start(c, stats.read(c.id));
        }, false).onFailure(e -> RouteErrors.fail(response, e)).onSuccess(start -> {
            response.setChunked(true).putHeader("Content-Type", "application/json");
            if (!stream && oneShot) {
                response.end(line(start.container(), start.reading(), null));
            } else if (!stream) {
                vertx.setTimer(INTERVAL_MS, t -> next(vertx, response, start.container(), start.reading(), false));
            } else {
                response.write(line(start.container(), start.reading(), null));
                vertx.setTimer(INTERVAL_MS, t -> next(vertx, response, start.container(), start.reading(), true));
            }
        });
    }

    private record Start(ContainerEntity container, StatsJson.Reading reading) {
    }

    private void next(Vertx vertx, HttpServerResponse response, ContainerEntity c, StatsJson.Reading pre,
            boolean stream) {
        if (response.closed() || response.ended()) {
            return;
        }
        vertx.executeBlocking(() -> java.util.Optional.ofNullable(stats.read(c.id)), false)
                .onFailure(e -> response.reset())
                .onSuccess(maybe -> {
                    if (response.closed() || response.ended()) {
                        return;
                    }
                    StatsJson.Reading now = maybe.orElse(null);
                    if (!stream) {
                        response.end(line(c, now, pre));
                    } else if (now == null) {
                        response.end(line(c, null, null)); // stopped: a zero reading ends the stream
                    } else {
                        response.write(line(c, now, pre));
                        vertx.setTimer(INTERVAL_MS, t -> next(vertx, response, c, now, true));
                    }
                });
    }

    private String line(ContainerEntity c, StatsJson.Reading now, StatsJson.Reading pre) {
        ObjectNode json = stats.json(c, now, pre);
        return json.toString() + "\n";
    }
}
