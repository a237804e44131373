package io.wharf.container.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import jakarta.ws.rs.core.Response;

/** Another service's error answer as a {@link WharfException} of the same kind and Docker message. */
final class ServiceErrors {
    private ServiceErrors() {
    }

    static RuntimeException from(Response response, String service) {
        String message = service + " answered " + response.getStatus();
        try {
            JsonNode body = response.readEntity(JsonNode.class);
            if (body != null && body.hasNonNull("message")) {
                message = body.get("message").asText();
            }
        } catch (RuntimeException ignored) {
            // not a Docker error body: keep the generic message
        }
        return new WharfException(ErrorKind.fromHttpStatus(response.getStatus()), message);
    }
}
