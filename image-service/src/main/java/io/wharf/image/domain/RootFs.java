package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** The {@code rootfs} of an image config: the uncompressed layer digests, bottom first. */
public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<String> diffIds) {

    public static RootFs layers(List<String> diffIds) {
        return new RootFs("layers", List.copyOf(diffIds));
    }
}
