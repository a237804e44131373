package io.wharf.gateway.domain;

import io.vertx.core.json.JsonObject;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import java.util.Map;

/** Projects the Wharf envelope onto Docker's event message, legacy fields included. */
public final class DockerEventMessage {

    private DockerEventMessage() {
    }

    public static JsonObject of(Event event) {
        JsonObject json = new JsonObject();
        if (event.type() == EventType.CONTAINER || event.type() == EventType.IMAGE) {
            json.put("status", event.action()).put("id", event.actor().id());
            String from = event.actor().attributes().get("image");
            if (event.type() == EventType.CONTAINER && from != null) {
                json.put("from", from);
            }
        }
        JsonObject attributes = new JsonObject();
        for (Map.Entry<String, String> a : event.actor().attributes().entrySet()) {
            attributes.put(a.getKey(), a.getValue());
        }
        return json.put("Type", event.type().wireName())
                .put("Action", event.action())
                .put("Actor", new JsonObject().put("ID", event.actor().id()).put("Attributes", attributes))
                .put("scope", event.scope())
                .put("time", event.time())
                .put("timeNano", event.timeNano());
    }
}
