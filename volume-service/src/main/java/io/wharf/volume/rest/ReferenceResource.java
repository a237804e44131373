package io.wharf.volume.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.volume.domain.VolumeRequest;
import io.wharf.volume.service.ContainerVolumes;
import io.wharf.volume.service.VolumeListing;
import io.wharf.volume.service.VolumeService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/**
 * For the host agent only (not under {@code /volumes}, so the gateway never exposes it): a container's
 * references to its volumes, and mounting a volume for a container.
 */
@Path("/internal/v1/volume-usage")
@Produces(MediaType.APPLICATION_JSON)
public class ReferenceResource {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ContainerVolumes usage;
    private final VolumeListing listing;

    public ReferenceResource(ContainerVolumes usage, VolumeListing listing) {
        this.usage = usage;
        this.listing = listing;
    }

    /**
     * Body {@code {"Volumes":[{"Name","Driver","DriverOpts","Labels"}]}} ("" name: anonymous); answers
     * each volume (Docker's shape) plus {@code "Fresh": true} when this call created it.
     */
    @POST
    @Path("/{container}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ArrayNode acquire(@PathParam("container") String container, JsonNode body) {
        List<VolumeRequest> requests = new ArrayList<>();
        for (JsonNode v : body.path("Volumes")) {
            requests.add(new VolumeRequest(v.path("Name").asText(""), v.path("Driver").asText(""),
                    VolumeResource.strings(v.path("DriverOpts")), VolumeResource.strings(v.path("Labels"))));
        }
        ArrayNode out = JSON.createArrayNode();
        for (VolumeService.Outcome o : usage.acquire(container, requests)) {
            out.add(listing.view(o.volume()).put("Fresh", o.created()));
        }
        return out;
    }

    /** Drops the container's references; {@code removeAnonymous} also removes its anonymous volumes. */
    @DELETE
    @Path("/{container}")
    public ObjectNode release(@PathParam("container") String container,
            @QueryParam("removeAnonymous") String removeAnonymous) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode removed = out.putArray("Removed");
        usage.release(container, VolumeResource.truthy(removeAnonymous)).forEach(removed::add);
        return out;
    }

    @POST
    @Path("/{container}/mount/{name}")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode mount(@PathParam("container") String container, @PathParam("name") String name) {
        return JSON.createObjectNode().put("Mountpoint", usage.mount(name, container));
    }

    @POST
    @Path("/{container}/unmount/{name}")
    @Consumes(MediaType.WILDCARD)
    public ObjectNode unmount(@PathParam("container") String container, @PathParam("name") String name) {
        usage.unmount(name, container);
        return JSON.createObjectNode();
    }
}
