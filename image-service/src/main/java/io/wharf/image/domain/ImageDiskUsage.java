package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** image-service's part of Docker's {@code GET /system/df}: the gateway adds containers, volumes, build cache. */
public record ImageDiskUsage(@JsonProperty("LayersSize") long layersSize,
        @JsonProperty("Images") List<ImageSummary> images) {
}
