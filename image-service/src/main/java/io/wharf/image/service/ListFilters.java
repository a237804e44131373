package io.wharf.image.service;

import io.wharf.common.filter.FilterArgs;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.GlobPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's {@code filters} query parameter for image lists: a JSON map from filter name to values,
 * either {@code {"dangling":{"true":true}}} or the older {@code {"dangling":["true"]}}.
 */
public final class ListFilters {
    private static final Set<String> SUPPORTED = Set.of("dangling", "label", "reference", "before", "since");

    private final Map<String, List<String>> values;

    private ListFilters(Map<String, List<String>> values) {
        this.values = values;
    }

    public static ListFilters none() {
        return new ListFilters(Map.of());
    }

    /** Parses Docker's filter JSON with the shared parser; unknown keys are a 400 {@code invalid filter}. */
    public static ListFilters parse(String json) {
        FilterArgs args = FilterArgs.parse(json, SUPPORTED);
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String key : SUPPORTED) {
            if (args.contains(key)) {
                values.put(key, new ArrayList<>(args.get(key)));
            }
        }
        ListFilters filters = new ListFilters(values);
        filters.dangling(); // validate early
        filters.references();
        return filters;
    }

    /** null when not filtered by dangling. */
    public Boolean dangling() {
        List<String> v = values.get("dangling");
        if (v == null || v.isEmpty()) {
            return null;
        }
        Boolean result = null;
        for (String value : v) {
            boolean parsed = switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw WharfException.invalid("Invalid filter 'dangling=" + value + "'");
            };
            if (result != null && result != parsed) {
                throw WharfException.invalid("invalid filter 'dangling': conflicting values");
            }
            result = parsed;
        }
        return result;
    }

    /** {@code key} or {@code key=value}; every one must match. */
    public List<String> labels() {
        return values.getOrDefault("label", List.of());
    }

    /** Patterns; an image matches when any of its references matches any of them. */
    public List<GlobPattern> references() {
        return values.getOrDefault("reference", List.of()).stream().map(GlobPattern::compile).toList();
    }

    public List<String> before() {
        return values.getOrDefault("before", List.of());
    }

    public List<String> since() {
        return values.getOrDefault("since", List.of());
    }

    public boolean labelsMatch(Map<String, String> labels) {
        for (String filter : labels()) {
            int eq = filter.indexOf('=');
            if (eq < 0 ? !labels.containsKey(filter)
                    : !filter.substring(eq + 1).equals(labels.get(filter.substring(0, eq)))) {
                return false;
            }
        }
        return true;
    }
}
