package io.wharf.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.gateway.config.ApiVersions;
import io.wharf.gateway.service.DiskUsage;
import io.wharf.gateway.service.SystemInfo;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code /_ping}, {@code /version}, {@code /info} and {@code /system/df}. */
@ApplicationScoped
public class SystemRoutes {
    private final SystemInfo info;
    private final DiskUsage diskUsage;

    public SystemRoutes(SystemInfo info, DiskUsage diskUsage) {
        this.info = info;
        this.diskUsage = diskUsage;
    }

    void register(Router router) {
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/_ping")).handler(ctx -> ping(ctx, "OK"));
        router.routeWithRegex(HttpMethod.HEAD, DockerPaths.regex("/_ping")).handler(ctx -> ping(ctx, ""));
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/version"))
                .handler(ctx -> info.version().onSuccess(v -> json(ctx, v.encode())).onFailure(ctx::fail));
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/info"))
                .handler(ctx -> info.info().onSuccess(v -> json(ctx, v.encode())).onFailure(ctx::fail));
        router.routeWithRegex(HttpMethod.GET, DockerPaths.regex("/system/df")).handler(ctx -> diskUsage
                .df(ctx.queryParam("type")).onSuccess(v -> json(ctx, v.encode())).onFailure(ctx::fail));
    }

    /** The CLI pings before every command; {@code Builder-Version: 1} selects the classic builder. */
    private static void ping(RoutingContext ctx, String body) {
        ctx.response().putHeader("API-Version", ApiVersions.MAX)
                .putHeader("Builder-Version", "1")
                .putHeader("Cache-Control", "no-cache, no-store, must-revalidate")
                .putHeader("Pragma", "no-cache")
                .putHeader("Content-Type", "text/plain; charset=utf-8")
                .putHeader("Content-Length", Integer.toString(body.length()))
                .end(body);
    }

    private static void json(RoutingContext ctx, String body) {
        ctx.response().putHeader("Content-Type", "application/json").end(body + "\n");
    }
}
