package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One entry of an image config's {@code history}, as Docker writes it (empty fields omitted). */
@JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HistoryEntry(
        @JsonProperty("created") String created,
        @JsonProperty("created_by") String createdBy,
        @JsonProperty("author") String author,
        @JsonProperty("comment") String comment,
        @JsonProperty("empty_layer") @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean emptyLayer) {
}
