package io.wharf.image.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.image.domain.Reference;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeleteRulesTest {
    private static final String ID = "sha256:" + "0123456789abcdef".repeat(4);
    private static final String DIGEST = "@sha256:" + "ab".repeat(32);

    private static List<Reference> refs(String... refs) {
        return List.of(refs).stream().map(Reference::parse).toList();
    }

    @Test
    void singleReferenceMeansOneRepositoryAndAtMostOneTag() {
        assertFalse(ImageDeleter.isSingleReference(refs()));
        assertTrue(ImageDeleter.isSingleReference(refs("busybox:latest")));
        assertTrue(ImageDeleter.isSingleReference(refs("busybox:latest", "busybox" + DIGEST)));
        assertFalse(ImageDeleter.isSingleReference(refs("busybox:latest", "busybox:1")));
        assertFalse(ImageDeleter.isSingleReference(refs("busybox:latest", "other" + DIGEST)));
    }

    @Test
    void recognisesIdPrefixes() {
        assertTrue(ImageDeleter.isImageIdPrefix(ID, "0123"));
        assertTrue(ImageDeleter.isImageIdPrefix(ID, "sha256:0123"));
        assertTrue(ImageDeleter.isImageIdPrefix(ID, ID));
        assertFalse(ImageDeleter.isImageIdPrefix(ID, "busybox"));
        assertFalse(ImageDeleter.isImageIdPrefix(ID, "1234"));
    }

    @Test
    void parsesDockerFilterShapes() {
        assertTrue(ListFilters.parse("{\"dangling\":{\"true\":true}}").dangling());
        assertTrue(ListFilters.parse("{\"dangling\":[\"1\"]}").dangling());
        assertFalse(ListFilters.parse("{\"dangling\":[\"false\"]}").dangling());
        assertTrue(ListFilters.parse("").dangling() == null);
        ListFilters labels = ListFilters.parse("{\"label\":[\"a\",\"b=2\"]}");
        assertTrue(labels.labelsMatch(java.util.Map.of("a", "x", "b", "2")));
        assertFalse(labels.labelsMatch(java.util.Map.of("a", "x", "b", "3")));
        assertFalse(labels.labelsMatch(java.util.Map.of("b", "2")));
    }
}
