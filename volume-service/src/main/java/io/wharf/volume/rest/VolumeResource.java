package io.wharf.volume.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.volume.domain.VolumeRequest;
import io.wharf.volume.service.VolumeListing;
import io.wharf.volume.service.VolumeService;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** The volume part of the Docker Engine API, as the gateway forwards it. */
@Path("/internal/v1/volumes")
@Produces(MediaType.APPLICATION_JSON)
public class VolumeResource {
    private final VolumeService volumes;
    private final VolumeListing listing;

    public VolumeResource(VolumeService volumes, VolumeListing listing) {
        this.volumes = volumes;
        this.listing = listing;
    }

    @GET
    public ObjectNode list(@QueryParam("filters") String filters) {
        return listing.list(filters);
    }

    @POST
    @Path("/create")
    @Consumes(MediaType.WILDCARD)
    public Response create(JsonNode body) {
        JsonNode b = body == null ? com.fasterxml.jackson.databind.node.NullNode.instance : body;
        VolumeRequest request = new VolumeRequest(b.path("Name").asText(""), b.path("Driver").asText(""),
                strings(b.path("DriverOpts")), strings(b.path("Labels")));
        return Response.status(201).entity(listing.view(volumes.create(request))).build();
    }

    @GET
    @Path("/{name}")
    public ObjectNode inspect(@PathParam("name") String name) {
        return listing.inspect(volumes.get(name));
    }

    @DELETE
    @Path("/{name}")
    public Response remove(@PathParam("name") String name, @QueryParam("force") String force) {
        volumes.remove(name, truthy(force));
        return Response.noContent().build();
    }

    @POST
    @Path("/prune")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode prune(@QueryParam("filters") String filters) {
        return listing.prune(filters);
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    static boolean truthy(String value) {
        return value != null && (value.equals("1") || value.equalsIgnoreCase("true"));
    }
}
