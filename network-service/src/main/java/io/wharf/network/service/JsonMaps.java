package io.wharf.network.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The string maps and lists networks keep as JSON columns (labels, options, aliases). */
final class JsonMaps {
    static final ObjectMapper JSON = new ObjectMapper();

    private JsonMaps() {
    }

    static Map<String, String> read(String json) {
        if (json == null || json.isEmpty()) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(json, new TypeReference<Map<String, String>>() { }));
        } catch (JsonProcessingException e) {
            throw WharfException.system("corrupt JSON column: " + e.getMessage(), e);
        }
    }

    static List<String> readList(String json) {
        if (json == null || json.isEmpty()) {
            return new ArrayList<>();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw WharfException.system("corrupt JSON column: " + e.getMessage(), e);
        }
    }

    /** A JSON object of strings from a request ({@code null} or missing: empty). */
    static Map<String, String> fromNode(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    static List<String> listFromNode(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> out.add(v.asText()));
        }
        return out;
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw WharfException.system("cannot serialise: " + e.getMessage(), e);
        }
    }
}
