package io.wharf.gateway.rest;

import io.vertx.ext.web.RoutingContext;
import io.wharf.common.error.ErrorKind;
import io.wharf.gateway.config.ApiVersions;
import io.wharf.gateway.config.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Docker's response headers on every answer, and the API version check of versioned paths. */
@ApplicationScoped
public class ApiHeaders {
    private static final Pattern VERSIONED = Pattern.compile("^/v([0-9][0-9.]*)(/|$)");

    private final ServerIdentity server;

    public ApiHeaders(ServerIdentity server) {
        this.server = server;
    }

    void headersAndVersion(RoutingContext ctx) {
        ctx.response().putHeader("Api-Version", ApiVersions.MAX)
                .putHeader("Server", server.serverHeader())
                .putHeader("OSType", "linux")
                .putHeader("Docker-Experimental", "false");
        Matcher m = VERSIONED.matcher(ctx.normalizedPath());
        if (m.find()) {
            String version = m.group(1);
            if (ApiVersions.compare(version, ApiVersions.MAX) > 0) {
                ApiErrors.send(ctx, ErrorKind.INVALID_PARAMETER, "client version " + version
                        + " is too new. Maximum supported API version is " + ApiVersions.MAX);
                return;
            }
            if (ApiVersions.compare(version, ApiVersions.MIN) < 0) {
                ApiErrors.send(ctx, ErrorKind.INVALID_PARAMETER, "client version " + version
                        + " is too old. Minimum supported API version is " + ApiVersions.MIN
                        + ", please upgrade your client to a newer version");
                return;
            }
        }
        ctx.next();
    }
}
