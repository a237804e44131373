package io.wharf.volume.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** Docker's Volume JSON shape. */
public final class VolumeView {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")
            .withZone(ZoneOffset.UTC);

    private VolumeView() {
    }

    public static ObjectNode of(String name, String driver, Instant createdAt, String labelsJson, String optionsJson,
            String mountpoint, String scope) {
        ObjectNode o = JSON.createObjectNode();
        o.put("CreatedAt", RFC3339.format(createdAt));
        o.put("Driver", driver);
        o.set("Labels", object(labelsJson));
        o.put("Mountpoint", mountpoint == null ? "" : mountpoint);
        o.put("Name", name);
        o.set("Options", object(optionsJson));
        o.put("Scope", scope);
        return o;
    }

    public static Map<String, String> map(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        object(json).properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static JsonNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json == null ? "{}" : json);
            return node != null && node.isObject() ? node : JSON.createObjectNode();
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
