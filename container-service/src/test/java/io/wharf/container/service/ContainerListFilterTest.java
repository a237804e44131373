package io.wharf.container.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import io.wharf.container.domain.ContainerState;
import io.wharf.common.filter.FilterArgs;
import io.wharf.container.store.ContainerEntity;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContainerListFilterTest {

    private static ContainerEntity container(String name, ContainerState state, int exitCode, Instant created) {
        ContainerEntity c = new ContainerEntity();
        c.id = "abc123" + name;
        c.name = name;
        c.imageId = "sha256:img";
        c.state = state;
        c.exitCode = exitCode;
        c.created = created;
        c.startedAt = state == ContainerState.CREATED ? null : created;
        c.configJson = "{\"Labels\":{\"tier\":\"web\"}}";
        c.hostConfigJson = "{\"NetworkMode\":\"default\"}";
        return c;
    }

    private static ContainerListFilter filter(String json) {
        return new ContainerListFilter(FilterArgs.parse(json, ContainerListFilter.ACCEPTED), null, null, null);
    }

    @Test
    void statusExitedLabelAndName() {
        ContainerEntity exited = container("failed", ContainerState.EXITED, 3, Instant.EPOCH);
        ContainerEntity created = container("fresh", ContainerState.CREATED, 0, Instant.EPOCH);
        assertTrue(filter("{\"status\":{\"exited\":true}}").matches(exited));
        assertFalse(filter("{\"status\":{\"exited\":true}}").matches(created));
        assertTrue(filter("{\"status\":{\"exited\":true}}").impliesAll());
        assertTrue(filter("{\"exited\":[\"3\"]}").matches(exited));
        assertFalse(filter("{\"exited\":[\"0\"]}").matches(exited));
        assertFalse(filter("{\"exited\":[\"0\"]}").matches(created), "never started: no exit code");
        assertTrue(filter("{\"label\":[\"tier=web\"]}").matches(exited));
        assertTrue(filter("{\"id\":[\"^abc\"]}").matches(exited));
        assertTrue(filter("{\"name\":[\"^/fail\"]}").matches(exited));
        assertTrue(filter("{\"network\":[\"bridge\"]}").matches(exited));
        assertTrue(filter("{\"is-task\":[\"false\"]}").matches(exited));
        assertFalse(filter("{\"is-task\":[\"true\"]}").matches(exited));
        ContainerEntity paused = container("frozen", ContainerState.RUNNING, 0, Instant.EPOCH);
        paused.paused = true;
        assertTrue(filter("{\"status\":[\"paused\"]}").matches(paused));
        assertFalse(filter("{\"status\":[\"running\"]}").matches(paused));
    }

    @Test
    void beforeSinceAndAncestorUseResolvedReferences() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        ContainerEntity c = container("c", ContainerState.RUNNING, 0, t);
        FilterArgs none = FilterArgs.parse("{}", ContainerListFilter.ACCEPTED);
        assertTrue(new ContainerListFilter(none, t.plusSeconds(1), null, null).matches(c));
        assertFalse(new ContainerListFilter(none, t, null, null).matches(c));
        assertTrue(new ContainerListFilter(none, null, t.minusSeconds(1), null).matches(c));
        assertFalse(new ContainerListFilter(none, null, t, null).matches(c));
        assertTrue(new ContainerListFilter(none, null, null, Set.of("sha256:img")).matches(c));
        assertFalse(new ContainerListFilter(none, null, null, Set.of()).matches(c));
    }

    @Test
    void badValuesAreRefused() {
        assertEquals("invalid filter 'status=sleepy'",
                assertThrows(WharfException.class, () -> filter("{\"status\":[\"sleepy\"]}")).getMessage());
        assertThrows(WharfException.class, () -> filter("{\"exited\":[\"x\"]}"));
        assertThrows(WharfException.class, () -> filter("{\"health\":[\"meh\"]}"));
        assertThrows(WharfException.class, () -> filter("{\"is-task\":[\"maybe\"]}"));
    }

    @Test
    void goFileModesCarryTypeBits() {
        assertEquals((1L << 31) | 0755, GoFileMode.of(0040755));
        assertEquals((1L << 27) | 0777, GoFileMode.of(0120777));
        assertEquals(0644, GoFileMode.of(0100644));
        assertEquals((1L << 23) | 0755, GoFileMode.of(0104755));
    }
}
