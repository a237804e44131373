package io.wharf.image.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Layer chain ids (OCI image spec): chain(0) = diffId(0), chain(n) = sha256(chain(n-1) + " " + diffId(n)). */
public final class ChainIds {
    private ChainIds() {
    }

    public static List<String> of(List<String> diffIds) {
        List<String> chain = new ArrayList<>(diffIds.size());
        String previous = null;
        for (String diffId : diffIds) {
            previous = previous == null ? diffId
                    : Digest.of((previous + " " + diffId).getBytes(StandardCharsets.UTF_8)).toString();
            chain.add(previous);
        }
        return chain;
    }
}
