package io.wharf.network.rest;

import io.wharf.network.service.NetworkInventory;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** What this service contributes to {@code docker info} and {@code docker version}. */
@Path("/internal/v1/info")
public class InfoResource {
    private final NetworkInventory inventory;

    public InfoResource(NetworkInventory inventory) {
        this.inventory = inventory;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> info() {
        return Map.of("Networks", inventory.count(), "ServiceVersion", inventory.serviceVersion());
    }
}
