package io.wharf.volume.domain;

import java.util.Map;

/** What a volume is created from: a name ("" for an anonymous one), a driver ("" for the default), options, labels. */
public record VolumeRequest(String name, String driver, Map<String, String> options, Map<String, String> labels) {
    /** moby's label on anonymous volumes (what prune without -a removes). */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
}
