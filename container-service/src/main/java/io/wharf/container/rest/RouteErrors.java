package io.wharf.container.rest;

import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import org.jboss.logging.Logger;

/** Docker's error answer for the plain Vert.x routes (attach, wait), as WharfExceptionMapper gives for JAX-RS. */
final class RouteErrors {
    private static final Logger LOG = Logger.getLogger(RouteErrors.class);

    private RouteErrors() {
    }

    static void fail(HttpServerResponse response, Throwable cause) {
        int status = 500;
        String message = cause.getMessage();
        if (cause instanceof WharfException w) {
            status = w.kind().httpStatus();
            if (w.kind() == ErrorKind.SYSTEM) {
                LOG.error(message, cause);
            }
        } else {
            LOG.error("request failed", cause);
        }
        if (response.headWritten()) {
            response.reset();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).encode());
    }
}
