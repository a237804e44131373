package io.wharf.gateway.rest;

import io.vertx.ext.web.Router;
import io.wharf.common.error.ErrorKind;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Features Wharf does not have answer as a dockerd without them does, so clients read the answer
 * right (a swarm call on a node outside a swarm gets 503, never a 404 or 500).
 */
@ApplicationScoped
public class UnsupportedRoutes {
    static final String NOT_A_SWARM_MANAGER = "This node is not a swarm manager. Use \"docker swarm init\" or "
            + "\"docker swarm join\" to connect this node to swarm and try again.";

    void register(Router router) {
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/(swarm|services|nodes|secrets|configs|tasks)(/.*)?$")
                .handler(ctx -> ApiErrors.send(ctx, ErrorKind.UNAVAILABLE, NOT_A_SWARM_MANAGER));
        router.routeWithRegex("^(?:/v[0-9][0-9.]*)?/session/?$")
                .handler(ctx -> ApiErrors.send(ctx, ErrorKind.NOT_IMPLEMENTED,
                        "BuildKit sessions are not supported: Wharf uses the classic builder (Builder-Version: 1)"));
    }
}
