package io.wharf.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.wharf.gateway.client.ServiceProxy;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Networks go to network-service, except connect and disconnect, which the host agent carries out (it
 * plumbs the container and asks network-service for the lease); volumes go to volume-service; plugins are
 * listed empty as dockerd does.
 */
@ApplicationScoped
public class ResourceRoutes {
    private final ServiceProxy proxy;
    private final ServiceEndpoints services;

    public ResourceRoutes(ServiceProxy proxy, ServiceEndpoints services) {
        this.proxy = proxy;
        this.services = services;
    }

    void register(Router router) {
        router.routeWithRegex(HttpMethod.POST, "^(?:/v[0-9][0-9.]*)?/networks/[^/]+/(?:connect|disconnect)$")
                .handler(ctx -> proxy.forward(ctx, services.container(),
                        "/internal/v1" + DockerPaths.unversioned(ctx.request().uri())));
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/networks(/.*)?$").handler(ctx -> proxy.forward(ctx,
                services.network(), "/internal/v1" + DockerPaths.unversioned(ctx.request().uri())));
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/volumes(/.*)?$").handler(ctx -> proxy.forward(ctx,
                services.volume(), "/internal/v1" + DockerPaths.unversioned(ctx.request().uri())));
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/plugins")).handler(ctx -> ctx.response()
                .putHeader("Content-Type", "application/json").end("[]\n"));
    }
}
