package io.wharf.common.error;

/** Docker's error body: {@code {"message": "..."}}. */
public record ErrorBody(String message) {
}
