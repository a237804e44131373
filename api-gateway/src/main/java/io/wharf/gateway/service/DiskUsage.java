package io.wharf.gateway.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.wharf.gateway.client.ServiceClient;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * {@code GET /system/df}, assembled from the owners: containers with their sizes from the host agent,
 * images from image-service (each with how many containers use it and its shared size, and the size of
 * all distinct layers), volumes with UsageData from
 * volume-service. {@code type} (API 1.42) limits the answer to some of them.
 */
@ApplicationScoped
public class DiskUsage {
    private final ServiceClient client;
    private final ServiceEndpoints services;

    public DiskUsage(ServiceClient client, ServiceEndpoints services) {
        this.client = client;
        this.services = services;
    }

    public Future<JsonObject> df(List<String> types) {
        Set<String> wanted = types.isEmpty() ? Set.of("container", "image", "volume", "build-cache") : Set.copyOf(types);
        Future<JsonArray> containers = wanted.contains("container")
                ? client.getJsonArray(services.container() + "/internal/v1/containers/json?all=1&size=1")
                : Future.succeededFuture(new JsonArray());
        Future<JsonObject> images = wanted.contains("image")
                ? client.getJson(services.image() + "/internal/v1/images/df")
                : Future.succeededFuture(new JsonObject());
        Future<JsonObject> volumes = wanted.contains("volume")
                ? client.getJson(services.volume() + "/internal/v1/system/df")
                : Future.succeededFuture(new JsonObject().put("Volumes", new JsonArray()));
        return Future.all(containers, images, volumes).map(done -> {
            JsonObject out = new JsonObject();
            if (wanted.contains("image")) {
                out.put("LayersSize", images.result().getLong("LayersSize", 0L));
                out.put("Images", images.result().getJsonArray("Images", new JsonArray()));
            }
            if (wanted.contains("container")) {
                out.put("Containers", containers.result());
            }
            if (wanted.contains("volume")) {
                out.put("Volumes", volumes.result().getJsonArray("Volumes", new JsonArray()));
            }
            if (wanted.contains("build-cache")) {
                out.put("BuildCache", new JsonArray());
            }
            return out;
        });
    }
}
