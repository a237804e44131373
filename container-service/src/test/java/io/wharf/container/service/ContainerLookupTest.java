package io.wharf.container.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import io.wharf.container.store.ContainerEntity;
import io.wharf.container.store.ContainerRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContainerLookupTest {
    static final String A = "abc1" + "0".repeat(60);
    static final String B = "abc2" + "0".repeat(60);
    static final String C = "fed0" + "1".repeat(60);

    /** The three queries the lookup makes, over a list instead of a database. */
    static final class FakeRepository extends ContainerRepository {
        final List<ContainerEntity> rows = new ArrayList<>();

        @Override
        public Optional<ContainerEntity> findByIdOptional(String id) {
            return rows.stream().filter(c -> c.id.equals(id)).findFirst();
        }

        @Override
        public Optional<ContainerEntity> findByName(String name) {
            return rows.stream().filter(c -> c.name.equals(name)).findFirst();
        }

        @Override
        public List<ContainerEntity> findByIdPrefix(String prefix, int limit) {
            return rows.stream().filter(c -> c.id.startsWith(prefix)).limit(limit).toList();
        }
    }

    private static ContainerEntity row(String id, String name) {
        ContainerEntity c = new ContainerEntity();
        c.id = id;
        c.name = name;
        return c;
    }

    private final ContainerLookup lookup;

    ContainerLookupTest() {
        FakeRepository repo = new FakeRepository();
        repo.rows.add(row(A, "web"));
        repo.rows.add(row(B, "db"));
        repo.rows.add(row(C, "abc1")); // a name that looks like a prefix of A
        lookup = new ContainerLookup(repo);
    }

    @Test
    void byFullIdNameOrSlashName() {
        assertEquals(A, lookup.resolve(A).id);
        assertEquals(B, lookup.resolve("db").id);
        assertEquals(B, lookup.resolve("/db").id);
    }

    @Test
    void exactNameBeatsIdPrefix() {
        assertEquals(C, lookup.resolve("abc1").id);
    }

    @Test
    void uniquePrefix() {
        assertEquals(C, lookup.resolve("fed").id);
        assertEquals(B, lookup.resolve("abc2").id);
    }

    @Test
    void ambiguousPrefixIs400() {
        WharfException e = assertThrows(WharfException.class, () -> lookup.resolve("abc"));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        assertEquals("Multiple IDs found with provided prefix: abc", e.getMessage());
    }

    @Test
    void unknownIs404() {
        WharfException e = assertThrows(WharfException.class, () -> lookup.resolve("nothing"));
        assertEquals(ErrorKind.NOT_FOUND, e.kind());
        assertEquals("No such container: nothing", e.getMessage());
        assertTrue(lookup.find("").isEmpty());
    }
}
