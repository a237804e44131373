package io.wharf.image.domain.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One {@code WWW-Authenticate} challenge of a registry: its scheme ({@code basic} or {@code bearer}) and
 * parameters ({@code realm}, {@code service}, {@code scope}), parsed as RFC 7235 auth-params.
 */
public record AuthChallenge(String scheme, Map<String, String> parameters) {

    public boolean isBearer() {
        return "bearer".equals(scheme);
    }

    public boolean isBasic() {
        return "basic".equals(scheme);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    /** Every challenge in the header values, in order; unparseable parts are skipped. */
    public static List<AuthChallenge> parse(List<String> headers) {
        List<AuthChallenge> challenges = new ArrayList<>();
        for (String header : headers) {
            parseOne(header, challenges);
        }
        return challenges;
    }

    private static void parseOne(String header, List<AuthChallenge> out) {
        int i = 0;
        int n = header.length();
        while (i < n) {
            while (i < n && (header.charAt(i) == ' ' || header.charAt(i) == ',')) {
                i++;
            }
            int start = i;
            while (i < n && header.charAt(i) != ' ' && header.charAt(i) != ',') {
                i++;
            }
            if (start == i) {
                return;
            }
            String scheme = header.substring(start, i).toLowerCase(Locale.ROOT);
            Map<String, String> params = new LinkedHashMap<>();
            i = parseParams(header, i, params);
            out.add(new AuthChallenge(scheme, params));
        }
    }

    /** Reads {@code key=value} or {@code key="quoted"} pairs until the next scheme token; returns the index after them. */
    private static int parseParams(String s, int i, Map<String, String> params) {
        int n = s.length();
        while (i < n) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == ',')) {
                i++;
            }
            int keyStart = i;
            while (i < n && s.charAt(i) != '=' && s.charAt(i) != ' ' && s.charAt(i) != ',') {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                return keyStart; // a new scheme starts here
            }
            String key = s.substring(keyStart, i).toLowerCase(Locale.ROOT);
            i++;
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '"') {
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                i++;
            } else {
                while (i < n && s.charAt(i) != ',' && s.charAt(i) != ' ') {
                    value.append(s.charAt(i++));
                }
            }
            params.put(key, value.toString());
        }
        return i;
    }
}
