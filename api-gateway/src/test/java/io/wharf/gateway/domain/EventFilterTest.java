package io.wharf.gateway.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import io.wharf.eventbus.envelope.Event;
import io.wharf.eventbus.envelope.EventType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFilterTest {
    private static final String ID = "4f2d7c0e8b1a9d3c5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d";
    private static final Event START = Event.now("container-service", "h", EventType.CONTAINER, "start", ID,
            Map.of("name", "web", "image", "busybox:latest", "com.example.tier", "front"));
    private static final Event TAG = Event.now("image-service", "h", EventType.IMAGE, "tag", "sha256:abc",
            Map.of("name", "busybox:latest"));

    private static boolean matches(String filters, Event event) {
        return EventFilter.parse(filters).includes(event);
    }

    @Test
    void noFiltersLetEverythingThrough() {
        assertTrue(matches(null, START));
        assertTrue(matches("{}", TAG));
    }

    @Test
    void typeAndEventAreExact() {
        assertTrue(matches("{\"type\":{\"container\":true}}", START));
        assertFalse(matches("{\"type\":{\"container\":true}}", TAG));
        assertTrue(matches("{\"event\":{\"start\":true,\"die\":true}}", START));
        assertFalse(matches("{\"event\":{\"sta\":true}}", START));
    }

    @Test
    void containerMatchesIdPrefixOrNameAndExcludesOtherTypes() {
        assertTrue(matches("{\"container\":{\"web\":true}}", START));
        assertTrue(matches("{\"container\":{\"4f2d7c\":true}}", START));
        assertFalse(matches("{\"container\":{\"db\":true}}", START));
        assertFalse(matches("{\"container\":{\"web\":true}}", TAG));
    }

    @Test
    void imageMatchesWithOrWithoutTag() {
        assertTrue(matches("{\"image\":{\"busybox\":true}}", START));
        assertTrue(matches("{\"image\":{\"busybox:latest\":true}}", TAG));
        assertFalse(matches("{\"image\":{\"alpine\":true}}", START));
    }

    @Test
    void labelsMatchKeyOrKeyValue() {
        assertTrue(matches("{\"label\":{\"com.example.tier\":true}}", START));
        assertTrue(matches("{\"label\":{\"com.example.tier=front\":true}}", START));
        assertFalse(matches("{\"label\":{\"com.example.tier=back\":true}}", START));
    }

    @Test
    void legacyArrayFormIsAccepted() {
        assertTrue(matches("{\"type\":[\"container\"]}", START));
    }

    @Test
    void malformedFiltersAreA400() {
        WharfException e = assertThrows(WharfException.class, () -> EventFilter.parse("{\"type\":"));
        assertEquals(400, e.kind().httpStatus());
        assertThrows(WharfException.class, () -> EventFilter.parse("[1]"));
        WharfException unknown = assertThrows(WharfException.class, () -> EventFilter.parse("{\"colour\":[\"red\"]}"));
        assertEquals("invalid filter 'colour'", unknown.getMessage());
    }

    @Test
    void windowsParseDockerTimestamps() {
        EventWindow w = EventWindow.parse("1700000000.5", "1700000010");
        assertEquals(1700000000500000000L, w.sinceNanos());
        assertTrue(w.contains(1700000005000000000L));
        assertFalse(w.contains(1700000011000000000L));
        assertTrue(w.closedAt(1700000011000000000L));
        assertEquals(1700000000000000000L, EventWindow.parse("2023-11-14T22:13:20Z", null).sinceNanos());
        assertThrows(WharfException.class, () -> EventWindow.parse("yesterday", null));
    }

    @Test
    void dockerMessageKeepsLegacyFieldsForContainers() {
        var json = DockerEventMessage.of(START);
        assertEquals("start", json.getString("status"));
        assertEquals(ID, json.getString("id"));
        assertEquals("busybox:latest", json.getString("from"));
        assertEquals("container", json.getString("Type"));
        assertEquals("web", json.getJsonObject("Actor").getJsonObject("Attributes").getString("name"));
        assertEquals(START.timeNano(), json.getLong("timeNano"));
    }
}
