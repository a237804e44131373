package io.wharf.gateway.rest;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.gateway.domain.DockerEventMessage;
import io.wharf.gateway.domain.EventFilter;
import io.wharf.gateway.domain.EventWindow;
import io.wharf.gateway.service.EventReader;
import io.wharf.gateway.service.EventStreams;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code GET /events}: one JSON object per event, the stream kept open as dockerd does. */
@ApplicationScoped
public class EventRoutes {
    private final EventStreams streams;

    public EventRoutes(EventStreams streams) {
        this.streams = streams;
    }

    void register(Router router) {
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/events")).handler(this::events);
    }

    private void events(RoutingContext ctx) {
        EventWindow window = EventWindow.parse(ctx.request().getParam("since"), ctx.request().getParam("until"));
        EventFilter filter = EventFilter.parse(ctx.request().getParam("filters"));
        HttpServerResponse response = ctx.response();
        response.setChunked(true).putHeader("Content-Type", "application/json");
        response.write(Buffer.buffer());
        Context context = Vertx.currentContext();
        EventReader reader = streams.open(window, filter,
                event -> context.runOnContext(v -> {
                    if (!response.closed() && !response.ended()) {
                        response.write(DockerEventMessage.of(event).encode() + "\n");
                    }
                }),
                () -> context.runOnContext(v -> {
                    if (!response.closed() && !response.ended()) {
                        response.end();
                    }
                }));
        response.closeHandler(v -> reader.cancel());
    }
}
