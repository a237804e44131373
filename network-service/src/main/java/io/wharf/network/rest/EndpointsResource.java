package io.wharf.network.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.network.service.EndpointService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/** Endpoints (address leases) for the host agent: joined when a container starts or connects, left after. */
@Path("/internal/v1/networks/{id}/endpoints")
@Produces(MediaType.APPLICATION_JSON)
public class EndpointsResource {
    private final EndpointService endpoints;

    public EndpointsResource(EndpointService endpoints) {
        this.endpoints = endpoints;
    }

    /** Body: {@code {"ContainerID","ContainerName","Aliases":[],"IPAddress","MacAddress"}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response connect(@PathParam("id") String network, JsonNode body) {
        List<String> aliases = new ArrayList<>();
        body.path("Aliases").forEach(a -> aliases.add(a.asText()));
        ObjectNode endpoint = endpoints.connect(network, new EndpointService.Request(body.path("ContainerID").asText(),
                body.path("ContainerName").asText(), aliases, body.path("IPAddress").asText(""),
                body.path("MacAddress").asText("")));
        return Response.status(201).entity(endpoint).build();
    }

    @DELETE
    @Path("/{container}")
    public Response disconnect(@PathParam("id") String network, @PathParam("container") String container) {
        endpoints.disconnect(network, container);
        return Response.noContent().build();
    }
}
