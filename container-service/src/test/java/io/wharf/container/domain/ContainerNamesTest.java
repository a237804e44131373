package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContainerNamesTest {

    @Test
    void validNamesAreStoredWithoutSlash() {
        assertEquals("web-1", ContainerNames.validate("web-1"));
        assertEquals("web_1.a", ContainerNames.validate("/web_1.a"));
    }

    @Test
    void invalidNamesGiveDockersMessage() {
        for (String bad : new String[] {"a", "-web", "we b", "web/1", "_x"}) {
            WharfException e = assertThrows(WharfException.class, () -> ContainerNames.validate(bad));
            assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
            assertEquals("Invalid container name (" + bad + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed", e.getMessage());
        }
    }

    @Test
    void conflictMessageIsDockers() {
        assertEquals("Conflict. The container name \"/web\" is already in use by container \"abc\". You have to remove"
                + " (or rename) that container to be able to reuse that name.",
                ContainerNames.conflict("web", "abc").getMessage());
    }

    @Test
    void generatedNamesAreValidAndRetriesAddADigit() {
        Random random = new Random(42);
        Pattern plain = Pattern.compile("[a-z]+_[a-z]+");
        for (int i = 0; i < 200; i++) {
            String name = NameGenerator.generate(0, random);
            assertTrue(plain.matcher(name).matches(), name);
            assertEquals(name, ContainerNames.validate(name));
            assertTrue(!name.equals("boring_wozniak"));
        }
        assertTrue(NameGenerator.generate(1, random).matches("[a-z]+_[a-z]+[0-9]"));
    }

    @Test
    void idsAreHexAndNotAllDigitsUpFront() {
        for (int i = 0; i < 50; i++) {
            String id = ContainerIds.generate();
            assertTrue(ContainerIds.isFull(id));
            assertTrue(!id.substring(0, 12).chars().allMatch(Character::isDigit));
        }
        assertTrue(ContainerIds.isPrefix("abc1"));
        assertTrue(!ContainerIds.isPrefix("web"));
    }
}
