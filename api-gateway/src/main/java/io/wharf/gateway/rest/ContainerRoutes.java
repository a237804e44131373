package io.wharf.gateway.rest;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.gateway.client.ServiceProxy;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Containers and exec instances belong to the host agent (container-service): every
 * {@code /containers/...}, {@code /exec/...} and {@code /commit} call goes there, including the
 * hijacked attach and exec-start streams.
 */
@ApplicationScoped
public class ContainerRoutes {
    private final ServiceProxy proxy;
    private final ServiceEndpoints services;

    public ContainerRoutes(ServiceProxy proxy, ServiceEndpoints services) {
        this.proxy = proxy;
        this.services = services;
    }

    void register(Router router) {
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/(containers|exec)(/.*)?$").handler(this::forward);
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/commit/?$").handler(this::forward);
    }

    private void forward(RoutingContext ctx) {
        proxy.forward(ctx, services.container(), "/internal/v1" + DockerPaths.unversioned(ctx.request().uri()));
    }
}
