package io.wharf.eventbus.serde;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wharf.eventbus.envelope.Actions;
import io.wharf.eventbus.envelope.Actor;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    private static final Event DIE = new Event("2f1c6a1e-0d5b-4c39-9a0e-6f1f2a3b4c5d", 1, "container-service", "host-a",
            EventType.CONTAINER, Actions.DIE,
            new Actor("4f2d7c0e8b1a9d3c5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d",
                    Map.of("name", "web", "image", "busybox", "exitCode", "0")),
            "local", 1700000000L, 1700000000123456789L);

    @Test
    void writesTheDocumentedEnvelopeExactly() throws IOException {
        assertEquals(golden("container-die.json"), EventJson.write(DIE));
    }

    @Test
    void readsTheGoldenEnvelopeBack() throws IOException {
        assertEquals(DIE, EventJson.read(golden("container-die.json")));
    }

    @Test
    void toleratesFieldsAddedByLaterVersions() {
        String newer = EventJson.write(DIE).replace("\"scope\"", "\"traceId\":\"abc\",\"scope\"");
        assertEquals(DIE, EventJson.read(newer));
    }

    @Test
    void rejectsWhatIsNotAnEnvelope() {
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("{\"type\":\"spaceship\"}"));
        assertThrows(IllegalArgumentException.class, () -> EventJson.read("not json"));
    }

    @Test
    void kafkaSerdeRoundTrips() {
        byte[] bytes = new EventSerializer().serialize("wharf.container.events", DIE);
        assertEquals(DIE, new EventDeserializer().deserialize("wharf.container.events", bytes));
    }

    @Test
    void topicsAreOnePerResourceType() {
        assertEquals("wharf.container.events", EventType.CONTAINER.topic());
        assertEquals("wharf.image.events", EventType.IMAGE.topic());
        assertEquals("wharf.network.events", EventType.NETWORK.topic());
        assertEquals("wharf.volume.events", EventType.VOLUME.topic());
        assertEquals("wharf.daemon.events", EventType.DAEMON.topic());
    }

    @Test
    void newEventsCarryConsistentTimes() {
        Event e = Event.now("s", "n", EventType.IMAGE, Actions.TAG, "sha256:x", Map.of("name", "a:b"));
        assertEquals(e.time(), e.timeNano() / 1_000_000_000L);
        assertEquals(e.timeNano() / 1_000_000L, e.timeMillis());
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = EventJsonTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
