package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** One line of Docker's image delete response: either {@code Untagged} or {@code Deleted}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeleteResponseItem(@JsonProperty("Untagged") String untagged, @JsonProperty("Deleted") String deleted) {

    public static DeleteResponseItem untagged(String reference) {
        return new DeleteResponseItem(reference, null);
    }

    public static DeleteResponseItem deleted(String id) {
        return new DeleteResponseItem(null, id);
    }
}
