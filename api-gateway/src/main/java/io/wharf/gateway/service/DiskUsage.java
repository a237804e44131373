package io.wharf.gateway.service;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.wharf.gateway.client.ServiceClient;
import io.wharf.gateway.config.ServiceEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /system/df}, assembled from the owners: containers with their sizes from the host agent,
 * images from image-service (with how many containers use each), volumes with UsageData from
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
        Future<JsonArray> containers = wanted.contains("container") || wanted.contains("image")
                ? client.getJsonArray(services.container() + "/internal/v1/containers/json?all=1&size=1")
                : Future.succeededFuture(new JsonArray());
        Future<JsonArray> images = wanted.contains("image")
                ? client.getJsonArray(services.image() + "/internal/v1/images/json")
                : Future.succeededFuture(new JsonArray());
        Future<JsonObject> volumes = wanted.contains("volume")
                ? client.getJson(services.volume() + "/internal/v1/system/df")
                : Future.succeededFuture(new JsonObject().put("Volumes", new JsonArray()));
        return Future.all(containers, images, volumes).map(done -> {
            JsonObject out = new JsonObject();
            if (wanted.contains("image")) {
                Map<String, Integer> users = new HashMap<>();
                containers.result().forEach(c -> users.merge(((JsonObject) c).getString("ImageID", ""), 1, Integer::sum));
                long layers = 0;
                JsonArray list = new JsonArray();
                for (Object o : images.result()) {
                    JsonObject image = ((JsonObject) o).copy();
                    image.put("Containers", users.getOrDefault(image.getString("Id", ""), 0));
                    layers += image.getLong("Size", 0L);
                    list.add(image);
                }
                out.put("LayersSize", layers);
                out.put("Images", list);
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
