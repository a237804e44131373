package io.wharf.image.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.image.domain.registry.ProgressMessage;
import io.wharf.image.service.registry.ProgressSink;
import org.jboss.logging.Logger;

/**
 * A pull's or push's answer, as dockerd writes it: nothing is sent until the first progress line (so an
 * error found before that, such as an unknown tag, is a plain HTTP error with Docker's status and
 * {@code {"message"}}); after it, a 200 stream of JSON lines, and an error ends the stream with an
 * {@code errorDetail} line.
 */
final class ProgressStream implements ProgressSink {
    private static final Logger LOG = Logger.getLogger(ProgressStream.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServerResponse response;
    private boolean started;

    ProgressStream(HttpServerResponse response) {
        this.response = response;
    }

    @Override
    public synchronized void send(ProgressMessage message) {
        if (response.closed() || response.ended()) {
            return;
        }
        if (!started) {
            started = true;
            response.setChunked(true).putHeader("Content-Type", "application/json");
        }
        try {
            response.write(MAPPER.writeValueAsString(message) + "\r\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized void finish() {
        if (!response.closed() && !response.ended()) {
            if (!started) {
                response.setStatusCode(200).putHeader("Content-Type", "application/json");
            }
            response.end();
        }
    }

    synchronized void fail(Throwable cause) {
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        int status = 500;
        if (cause instanceof WharfException w) {
            status = w.kind().httpStatus();
            if (w.kind() == ErrorKind.SYSTEM) {
                LOG.warn(message, cause);
            }
        } else {
            LOG.error("registry operation failed", cause);
        }
        if (response.closed() || response.ended()) {
            return;
        }
        if (started) {
            send(ProgressMessage.error(message));
            response.end();
            return;
        }
        response.setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("message", message).encode());
    }
}
