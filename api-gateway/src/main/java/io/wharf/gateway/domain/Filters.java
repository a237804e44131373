package io.wharf.gateway.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter: {@code {"key":{"value":true}}} (or the legacy
 * {@code {"key":["value"]}}), with moby's exact, fuzzy (prefix) and key=value matching.
 */
public final class Filters {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Set<String>> values;

    private Filters(Map<String, Set<String>> values) {
        this.values = values;
    }

    public static Filters none() {
        return new Filters(Map.of());
    }

    public static Filters parse(String json) {
        if (json == null || json.isBlank()) {
            return none();
        }
        try {
            JsonNode root = MAPPER.readTree(json);
            if (!root.isObject()) {
                throw WharfException.invalid("invalid filter: expected a JSON object");
            }
            Map<String, Set<String>> values = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                Set<String> set = new LinkedHashSet<>();
                JsonNode node = field.getValue();
                if (node.isArray()) {
                    node.forEach(v -> set.add(v.asText()));
                } else if (node.isObject()) {
                    node.fieldNames().forEachRemaining(set::add);
                } else {
                    throw WharfException.invalid("invalid filter '" + field.getKey() + "'");
                }
                values.put(field.getKey(), set);
            }
            return new Filters(values);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw WharfException.invalid("invalid filter: " + e.getOriginalMessage());
        }
    }

    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** True when there is no filter for {@code key}, or one equal to {@code value}. */
    public boolean exactMatch(String key, String value) {
        Set<String> wanted = values.get(key);
        return wanted == null || wanted.isEmpty() || (value != null && wanted.contains(value));
    }

    /** True when there is no filter for {@code key}, or {@code value} starts with one of them. */
    public boolean fuzzyMatch(String key, String value) {
        Set<String> wanted = values.get(key);
        if (wanted == null || wanted.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String w : wanted) {
            if (value.startsWith(w)) {
                return true;
            }
        }
        return false;
    }

    /** Every {@code k} or {@code k=v} filter under {@code key} is present in {@code attributes}. */
    public boolean matchKeyValues(String key, Map<String, String> attributes) {
        for (String filter : get(key)) {
            int eq = filter.indexOf('=');
            String k = eq < 0 ? filter : filter.substring(0, eq);
            if (!attributes.containsKey(k)) {
                return false;
            }
            if (eq >= 0 && !filter.substring(eq + 1).equals(attributes.get(k))) {
                return false;
            }
        }
        return true;
    }
}
