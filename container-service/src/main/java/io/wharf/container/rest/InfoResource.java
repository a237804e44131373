package io.wharf.container.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.common.annotation.Blocking;
import io.wharf.container.service.InfoService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Host facts and container counts for {@code docker info}. */
@Path("/internal/v1/info")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class InfoResource {
    private final InfoService info;

    public InfoResource(InfoService info) {
        this.info = info;
    }

    @GET
    public ObjectNode info() {
        return info.info();
    }
}
