package io.wharf.common.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterArgsTest {
    private static final Set<String> KEYS = Set.of("status", "name", "label", "label!");

    @Test
    void acceptsTheMapAndTheLegacyListForm() {
        assertEquals(Set.of("running"), FilterArgs.parse("{\"status\":{\"running\":true}}", KEYS).get("status"));
        assertEquals(Set.of("running", "exited"), FilterArgs.parse("{\"status\":[\"running\",\"exited\"]}", KEYS)
                .get("status"));
        assertFalse(FilterArgs.parse(null, KEYS).contains("status"));
        assertFalse(FilterArgs.parse("", KEYS).contains("status"));
    }

    @Test
    void refusesUnknownKeysWithMobysMessage() {
        WharfException e = assertThrows(WharfException.class, () -> FilterArgs.parse("{\"x\":{\"y\":true}}", KEYS));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertEquals("invalid filter 'x'", e.getMessage());
        assertThrows(WharfException.class, () -> FilterArgs.parse("not json", KEYS));
    }

    @Test
    void nameIsARegularExpressionFoundAnywhere() {
        FilterArgs f = FilterArgs.parse("{\"name\":[\"^/we\"]}", KEYS);
        assertTrue(f.match("name", "/web"));
        assertFalse(f.match("name", "/aweb"));
        assertTrue(FilterArgs.parse("{\"name\":[\"eb\"]}", KEYS).match("name", "/web"));
        assertTrue(FilterArgs.parse("{}", KEYS).match("name", "/anything"));
    }

    @Test
    void labelsMatchKeyOrKeyValueAndTheNegation() {
        Map<String, String> labels = Map.of("tier", "web", "env", "prod");
        assertTrue(FilterArgs.parse("{\"label\":[\"tier\",\"env=prod\"]}", KEYS).matchLabels("label", labels));
        assertFalse(FilterArgs.parse("{\"label\":[\"tier=db\"]}", KEYS).matchLabels("label", labels));
        assertFalse(FilterArgs.parse("{\"label!\":[\"tier\"]}", KEYS).matchNoLabels("label!", labels));
        assertTrue(FilterArgs.parse("{\"label!\":[\"tier=db\"]}", KEYS).matchNoLabels("label!", labels));
    }

    @Test
    void fuzzyMatchIsAPrefixMatchAsMobysFuzzyMatch() {
        FilterArgs f = FilterArgs.parse("{\"container\":{\"4f2d\":true}}", Set.of("container"));
        assertTrue(f.fuzzyMatch("container", "4f2d7c0e"));
        assertFalse(f.fuzzyMatch("container", "web"));
        assertFalse(f.fuzzyMatch("container", null));
        assertTrue(FilterArgs.parse(null, Set.of()).fuzzyMatch("container", "anything"));
    }
}
