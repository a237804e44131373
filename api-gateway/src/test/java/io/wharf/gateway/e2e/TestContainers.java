package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Names the containers a test creates (unique per test instance) and removes them afterwards. */
final class TestContainers {
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<String> created = new ArrayList<>();

    /** {@code base-<run>}, remembered for {@link #removeAll()}. */
    String name(String base) {
        String name = base + "-" + run;
        created.add(name);
        return name;
    }

    /** The part of every name unique to this test instance. */
    String run() {
        return run;
    }

    void removeAll() {
        for (String name : created) {
            docker("rm", "-f", name);
        }
        created.clear();
    }
}
