package io.wharf.volume.rest;

import io.wharf.volume.service.VolumeInventory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** What this service contributes to {@code docker info} and {@code docker version}. */
@Path("/internal/v1/info")
public class InfoResource {
    private final VolumeInventory inventory;

    public InfoResource(VolumeInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> info() {
        return Map.of("Volumes", inventory.count(), "ServiceVersion", inventory.serviceVersion());
    }
}
