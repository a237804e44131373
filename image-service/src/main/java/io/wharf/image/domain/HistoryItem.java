package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One line of {@code docker history}: Docker's HistoryResponseItem. */
@JsonPropertyOrder({"Comment", "Created", "CreatedBy", "Id", "Size", "Tags"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record HistoryItem(
        @JsonProperty("Comment") String comment,
        @JsonProperty("Created") long created,
        @JsonProperty("CreatedBy") String createdBy,
        @JsonProperty("Id") String id,
        @JsonProperty("Size") long size,
        @JsonProperty("Tags") List<String> tags) {

    /** What Docker shows for an entry that no local image stands for. */
    public static final String MISSING = "<missing>";
}
