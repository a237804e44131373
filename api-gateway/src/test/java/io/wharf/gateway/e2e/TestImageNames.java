package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Names the image repositories a test creates (unique per test instance) and removes every tag of them afterwards. */
final class TestImageNames {
    private final String run;
    private final List<String> created = new ArrayList<>();

    TestImageNames(String run) {
        this.run = run;
    }

    /** {@code base-<run>}, remembered for {@link #removeAll()}. */
    String name(String base) {
        String name = base + "-" + run;
        created.add(name);
        return name;
    }

    /** Removes every image any tag of a remembered repository points at. */
    void removeAll() {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : created) {
            docker("images", "-q", "--no-trunc", "--filter", "reference=" + name).out().lines()
                    .filter(l -> !l.isBlank()).forEach(ids::add);
        }
        for (String id : ids) {
            docker("rmi", "-f", id);
        }
        created.clear();
    }
}
