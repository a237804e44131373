package io.wharf.volume.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.volume.service.VolumeListing;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** This service's part of {@code GET /system/df}: {@code {"Volumes": [... with UsageData]}}. */
@Path("/internal/v1/system/df")
@Produces(MediaType.APPLICATION_JSON)
public class DiskUsageResource {
    private final VolumeListing listing;

    public DiskUsageResource(VolumeListing listing) {
        this.listing = listing;
    }

    @GET
    public ObjectNode df() {
        ObjectNode out = new ObjectMapper().createObjectNode();
        out.set("Volumes", listing.diskUsage());
        return out;
    }
}
