package io.wharf.gateway.rest;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import org.jboss.logging.Logger;

/** The one place the gateway turns failures into Docker's status codes and {@code {"message"}} bodies. */
public final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class);

    private ApiErrors() {
    }

    public static void send(RoutingContext ctx, ErrorKind kind, String message) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (kind == ErrorKind.NOT_MODIFIED) {
            ctx.response().setStatusCode(304).end();
            return;
        }
        ctx.response().setStatusCode(kind.httpStatus())
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).encode() + "\n");
    }

    /** The failure handler for every route. */
    public static void handleFailure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof WharfException e) {
            send(ctx, e.kind(), e.getMessage());
            return;
        }
        if (failure == null) {
            int status = ctx.statusCode();
            send(ctx, ErrorKind.fromHttpStatus(status), status == 404 ? "page not found" : "request failed");
            return;
        }
        LOG.error("request " + ctx.request().method() + " " + ctx.request().path() + " failed", failure);
        send(ctx, ErrorKind.SYSTEM, String.valueOf(failure.getMessage()));
    }
}
