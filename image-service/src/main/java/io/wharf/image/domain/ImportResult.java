package io.wharf.image.domain;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to an import: the new image's id. */
public record ImportResult(@JsonProperty("Id") String id) {
}
