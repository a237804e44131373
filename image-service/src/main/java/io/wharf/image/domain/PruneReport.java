package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** Docker's ImagePruneResponse. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PruneReport(@JsonProperty("ImagesDeleted") List<DeleteResponseItem> imagesDeleted,
        @JsonProperty("SpaceReclaimed") long spaceReclaimed) {
}
