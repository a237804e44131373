package io.wharf.gateway.rest;

import io.vertx.ext.web.Router;
import io.wharf.common.error.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Assembles the Docker Engine API: headers and version check first, then one router per resource
 * (as moby does), features Wharf does not have, and Docker's 404 for everything else.
 */
@ApplicationScoped
public class GatewayRouter {
    private final ApiHeaders headers;
    private final SystemRoutes system;
    private final EventRoutes events;
    private final ContainerRoutes containers;
    private final ImageRoutes images;
    private final ResourceRoutes resources;
    private final UnsupportedRoutes unsupported;

    public GatewayRouter(ApiHeaders headers, SystemRoutes system, EventRoutes events, ContainerRoutes containers,
            ImageRoutes images, ResourceRoutes resources, UnsupportedRoutes unsupported) {
        this.headers = headers;
        this.system = system;
        this.events = events;
        this.containers = containers;
        this.images = images;
        this.resources = resources;
        this.unsupported = unsupported;
    }

    void register(@Observes Router router) {
        router.route().order(-1000).handler(headers::headersAndVersion);
        system.register(router);
        events.register(router);
        containers.register(router);
        images.register(router);
        resources.register(router);
        unsupported.register(router);
        router.route().order(10_000).handler(ctx -> ApiErrors.send(ctx, ErrorKind.NOT_FOUND, "page not found"));
        router.route().failureHandler(ApiErrors::handleFailure);
    }
}
