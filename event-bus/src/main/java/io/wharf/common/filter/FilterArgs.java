package io.wharf.common.filter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Docker's {@code filters} query parameter ({@code {"status":{"running":true}}} or the legacy
 * {@code {"status":["running"]}}) with moby's matching: regular expressions ({@code Match}), prefixes
 * ({@code FuzzyMatch}), exact values and {@code k} / {@code k=v} label terms. The one parser every
 * service and the gateway use.
 */
public final class FilterArgs {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, Set<String>> values;

    private FilterArgs(Map<String, Set<String>> values) {
        this.values = values;
    }

    /** Parses the JSON and refuses keys outside {@code accepted} with moby's {@code invalid filter 'x'}. */
    public static FilterArgs parse(String json, Set<String> accepted) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        if (json != null && !json.isBlank()) {
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (IOException e) {
                throw WharfException.invalid("invalid filter: " + e.getMessage());
            }
            if (root == null || !root.isObject()) {
                throw WharfException.invalid("invalid filter: expected a JSON object");
            }
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                Set<String> set = new LinkedHashSet<>();
                JsonNode node = field.getValue();
                if (node.isArray()) {
                    node.forEach(v -> set.add(v.asText()));
                } else if (node.isObject()) {
                    node.properties().forEach(e -> {
                        if (e.getValue().asBoolean(true)) {
                            set.add(e.getKey());
                        }
                    });
                } else {
                    throw WharfException.invalid("invalid filter '" + field.getKey() + "'");
                }
                values.put(field.getKey(), set);
            }
        }
        for (String key : values.keySet()) {
            if (!accepted.contains(key)) {
                throw WharfException.invalid("invalid filter '" + key + "'");
            }
        }
        return new FilterArgs(values);
    }

    public Set<String> get(String key) {
        return values.getOrDefault(key, Set.of());
    }

    public boolean contains(String key) {
        return !get(key).isEmpty();
    }

    /** moby's {@code Match}: no filter, or one term is a regular expression found in {@code source}. */
    public boolean match(String key, String source) {
        Set<String> terms = get(key);
        if (terms.isEmpty()) {
            return true;
        }
        for (String term : terms) {
            try {
                if (Pattern.compile(term).matcher(source).find()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // moby ignores terms that are not valid expressions
            }
        }
        return false;
    }

    /** moby's {@code FuzzyMatch}: no filter, or {@code value} starts with one of the terms. */
    public boolean fuzzyMatch(String key, String value) {
        Set<String> terms = get(key);
        if (terms.isEmpty()) {
            return true;
        }
        if (value == null) {
            return false;
        }
        for (String term : terms) {
            if (value.startsWith(term)) {
                return true;
            }
        }
        return false;
    }

    /** No filter, or {@code value} is one of the terms. */
    public boolean exact(String key, String value) {
        Set<String> terms = get(key);
        return terms.isEmpty() || terms.contains(value);
    }

    /** moby's {@code MatchKVList}: every {@code k} or {@code k=v} term is among {@code labels}. */
    public boolean matchLabels(String key, Map<String, String> labels) {
        for (String term : get(key)) {
            int eq = term.indexOf('=');
            String k = eq < 0 ? term : term.substring(0, eq);
            if (!labels.containsKey(k)) {
                return false;
            }
            if (eq >= 0 && !term.substring(eq + 1).equals(labels.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** moby's {@code label!}: true when no term matches (a {@code k} term matches any value). */
    public boolean matchNoLabels(String key, Map<String, String> labels) {
        for (String term : get(key)) {
            int eq = term.indexOf('=');
            String k = eq < 0 ? term : term.substring(0, eq);
            if (labels.containsKey(k) && (eq < 0 || term.substring(eq + 1).equals(labels.get(k)))) {
                return false;
            }
        }
        return true;
    }
}
