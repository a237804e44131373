package io.wharf.gateway.config;

/** The Docker Engine API versions the gateway speaks. */
public final class ApiVersions {
    public static final String MIN = "1.24";
    public static final String MAX = "1.47";

    private ApiVersions() {
    }

    /** Compares dotted versions numerically: 1.9 < 1.24. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int xi = i < x.length ? parse(x[i]) : 0;
            int yi = i < y.length ? parse(y[i]) : 0;
            if (xi != yi) {
                return Integer.compare(xi, yi);
            }
        }
        return 0;
    }

    private static int parse(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
