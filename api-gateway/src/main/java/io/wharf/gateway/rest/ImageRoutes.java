package io.wharf.gateway.rest;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.wharf.common.error.ErrorKind;
import io.wharf.gateway.client.ServiceProxy;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Images belong to image-service. Image names contain slashes, so the gateway passes the name as a
 * {@code ref} query parameter to the internal API instead of as a path segment.
 */
@ApplicationScoped
public class ImageRoutes {
    private final ServiceProxy proxy;
    private final ServiceEndpoints services;

    public ImageRoutes(ServiceProxy proxy, ServiceEndpoints services) {
        this.proxy = proxy;
        this.services = services;
    }

    void register(Router router) {
        router.routeWithRegex(HttpMethod.POST, DockerPaths.regex("/images/create")).handler(this::create);
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/images/(?<op>json|load|get|prune|search)/?$")
                .handler(ctx -> forward(ctx, "/internal/v1/images/" + ctx.pathParam("op"), null));
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/images/(?<name>.+)/(?<op>json|history|tag|push|get)/?$")
                .handler(ctx -> {
                    String op = ctx.pathParam("op");
                    forward(ctx, "/internal/v1/images/" + ("json".equals(op) ? "inspect" : op), ctx.pathParam("name"));
                });
        router.routeWithRegex(HttpMethod.DELETE, "^(?:/v[0-9][0-9.]*)?/images/(?<name>.+?)/?$")
                .handler(ctx -> forward(ctx, "/internal/v1/images", ctx.pathParam("name")));
        router.routeWithRegex(HttpMethod.GET, "^(?:/v[0-9][0-9.]*)?/distribution/(?<name>.+)/json/?$")
                .handler(ctx -> forward(ctx, "/internal/v1/distribution", ctx.pathParam("name")));
        router.routeWithRegex(HttpMethod.POST, DockerPaths.regex("/auth"))
                .handler(ctx -> forward(ctx, "/internal/v1/auth", null));
        router.routeWithRegex(HttpMethod.POST, DockerPaths.regex("/build"))
                .handler(ctx -> forward(ctx, "/internal/v1/build", null));
    }

    /** {@code POST /images/create}: import from the request body ({@code fromSrc=-}) or pull ({@code fromImage}, streamed progress). */
    private void create(RoutingContext ctx) {
        String fromSrc = ctx.request().getParam("fromSrc");
        if ("-".equals(fromSrc)) {
            importFromBody(ctx);
        } else if (fromSrc != null) {
            ApiErrors.send(ctx, ErrorKind.NOT_IMPLEMENTED, "importing from a URL is not supported by Wharf: "
                    + "download the file and pipe it to 'docker import -'");
        } else if (ctx.request().getParam("fromImage") != null) {
            forward(ctx, "/internal/v1/images/pull", null);
        } else {
            ApiErrors.send(ctx, ErrorKind.INVALID_PARAMETER, "fromImage or fromSrc must be specified");
        }
    }

    /** Docker answers an import with a progress stream whose status is the new image id. */
    private void importFromBody(RoutingContext ctx) {
        String url = services.image() + "/internal/v1/images/import" + query(ctx, null);
        ctx.request().pause();
        proxy.postBody(ctx, url).onSuccess(answer -> answer.body().onSuccess(body -> {
            if (answer.statusCode() / 100 != 2) {
                ctx.response().setStatusCode(answer.statusCode()).putHeader("Content-Type", "application/json")
                        .end(body);
                return;
            }
            String id = body.toJsonObject().getString("Id");
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", id).encode() + "\r\n");
        }).onFailure(ctx::fail)).onFailure(ctx::fail);
    }

    private void forward(RoutingContext ctx, String internalPath, String ref) {
        proxy.forward(ctx, services.image(), internalPath + query(ctx, ref));
    }

    private static String query(RoutingContext ctx, String ref) {
        String original = ctx.request().query();
        StringBuilder q = new StringBuilder();
        if (ref != null) {
            q.append("ref=").append(URLEncoder.encode(ref, StandardCharsets.UTF_8));
        }
        if (original != null && !original.isEmpty()) {
            q.append(q.length() > 0 ? "&" : "").append(original);
        }
        return q.length() == 0 ? "" : "?" + q;
    }
}
