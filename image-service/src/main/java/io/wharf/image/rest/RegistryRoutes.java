package io.wharf.image.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.image.domain.Reference;
import io.wharf.image.domain.registry.AuthConfig;
import io.wharf.image.service.registry.LayerTransfers;
import io.wharf.image.service.registry.PullService;
import io.wharf.image.service.registry.PushService;
import io.wharf.image.service.registry.PushSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * The streamed registry calls: {@code POST /internal/v1/images/pull?fromImage=&tag=&platform=} and
 * {@code POST /internal/v1/images/push?ref=&tag=}, with the client's {@code X-Registry-Auth}. Each runs on a
 * transfer thread of its own (pulls last minutes; they must not hold an event loop or a request worker)
 * and answers with Docker's JSON progress stream.
 */
@ApplicationScoped
public class RegistryRoutes {
    private final PullService pulls;
    private final PushService pushes;
    private final LayerTransfers transfers;

    public RegistryRoutes(PullService pulls, PushService pushes, LayerTransfers transfers) {
        this.pulls = pulls;
        this.pushes = pushes;
        this.transfers = transfers;
    }

    void init(@Observes Router router) {
        router.post("/internal/v1/images/pull").order(-100).handler(this::pull);
        router.post("/internal/v1/images/push").order(-100).handler(this::push);
    }

    private void pull(RoutingContext ctx) {
        ProgressStream stream = new ProgressStream(ctx.response());
        String fromImage = ctx.request().getParam("fromImage");
        String tag = ctx.request().getParam("tag");
        String platform = ctx.request().getParam("platform");
        String auth = ctx.request().getHeader("X-Registry-Auth");
        ctx.request().resume();
        transfers.threads().execute(() -> {
            try {
                Reference ref = PullService.target(fromImage, tag);
                pulls.pull(ref, platform, AuthConfig.fromHeader(auth), stream);
                stream.finish();
            } catch (RuntimeException e) {
                stream.fail(e);
            }
        });
    }

    private void push(RoutingContext ctx) {
        ProgressStream stream = new ProgressStream(ctx.response());
        String name = ctx.request().getParam("ref");
        String tag = ctx.request().getParam("tag");
        String auth = ctx.request().getHeader("X-Registry-Auth");
        ctx.request().resume();
        transfers.threads().execute(() -> {
            try {
                Reference ref = PushService.target(name, tag);
                List<PushSource.Tagged> images = pushes.prepare(ref);
                pushes.push(ref, images, AuthConfig.fromHeader(auth), stream);
                stream.finish();
            } catch (RuntimeException e) {
                stream.fail(e);
            }
        });
    }
}
