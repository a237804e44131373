package io.wharf.network.rest;

import io.wharf.network.service.EndpointService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/** The host agent releases every lease of a container at once (exit, removal). */
@Path("/internal/v1/endpoints")
public class ContainerLeasesResource {
    private final EndpointService endpoints;

    public ContainerLeasesResource(EndpointService endpoints) {
        this.endpoints = endpoints;
    }

    @DELETE
    public Response releaseAll(@QueryParam("container") String container) {
        endpoints.releaseAll(container);
        return Response.noContent().build();
    }
}
