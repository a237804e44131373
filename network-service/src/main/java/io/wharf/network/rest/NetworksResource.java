package io.wharf.network.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.network.service.NetworkCreator;
import io.wharf.network.service.NetworkListing;
import io.wharf.network.service.NetworkRemover;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Docker's network API (the gateway forwards {@code /networks...} here; connect/disconnect go to the host agent). */
@Path("/internal/v1/networks")
@Produces(MediaType.APPLICATION_JSON)
public class NetworksResource {
    private final NetworkCreator creator;
    private final NetworkListing listing;
    private final NetworkRemover remover;

    public NetworksResource(NetworkCreator creator, NetworkListing listing, NetworkRemover remover) {
        this.creator = creator;
        this.listing = listing;
        this.remover = remover;
    }

    @GET
    public ArrayNode list(@QueryParam("filters") String filters) {
        return listing.list(filters);
    }

    @GET
    @Path("/{id}")
    public ObjectNode inspect(@PathParam("id") String id) {
        return listing.inspect(id);
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.WILDCARD)
    public Response create(JsonNode body) {
        String id = creator.create(body == null ? JsonNodeFactory.instance.objectNode() : body);
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        out.put("Id", id);
        out.put("Warning", "");
        return Response.status(201).entity(out).build();
    }

    @DELETE
    @Path("/{id}")
    public Response remove(@PathParam("id") String id) {
        remover.remove(id);
        return Response.noContent().build();
    }

    @POST
    @Path("/prune")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode prune(@QueryParam("filters") String filters) {
        return remover.prune(filters);
    }
}
