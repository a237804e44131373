package io.wharf.container.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.container.service.network.NetworkConnector;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code docker network connect / disconnect}: the gateway sends them here, the agent plumbs the container. */
@Path("/internal/v1/networks/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class NetworkConnectResource {
    private final NetworkConnector connector;

    public NetworkConnectResource(NetworkConnector connector) {
        this.connector = connector;
    }

    /** Body: {@code {"Container","EndpointConfig":{"IPAMConfig":{"IPv4Address"},"Aliases":[]}}}. */
    @POST
    @Path("/connect")
    @Consumes(MediaType.WILDCARD)
    public Response connect(@PathParam("id") String network, JsonNode body) {
        connector.connect(network, body);
        return Response.ok().build();
    }

    /** Body: {@code {"Container","Force"}}. */
    @POST
    @Path("/disconnect")
    @Consumes(MediaType.WILDCARD)
    public Response disconnect(@PathParam("id") String network, JsonNode body) {
        connector.disconnect(network, body);
        return Response.ok().build();
    }
}
