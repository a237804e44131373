package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.ErrorKind;
import io.wharf.common.error.WharfException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReferenceTest {
    private static final String DIGEST = "sha256:" + "ab".repeat(32);

    @ParameterizedTest
    @CsvSource({
        // input, normalised (tag defaulted), familiar
        "busybox, docker.io/library/busybox:latest, busybox:latest",
        "busybox:1.36, docker.io/library/busybox:1.36, busybox:1.36",
        "library/busybox, docker.io/library/busybox:latest, busybox:latest",
        "docker.io/busybox, docker.io/library/busybox:latest, busybox:latest",
        "index.docker.io/busybox, docker.io/library/busybox:latest, busybox:latest",
        "docker.io/library/busybox:latest, docker.io/library/busybox:latest, busybox:latest",
        "user/app, docker.io/user/app:latest, user/app:latest",
        "user/app:v2, docker.io/user/app:v2, user/app:v2",
        "library/a/b, docker.io/library/a/b:latest, library/a/b:latest",
        "localhost/x, localhost/x:latest, localhost/x:latest",
        "localhost:5000/x:1, localhost:5000/x:1, localhost:5000/x:1",
        "registry.example.com/team/app:1.0, registry.example.com/team/app:1.0, registry.example.com/team/app:1.0",
        "quay.io/a/b/c, quay.io/a/b/c:latest, quay.io/a/b/c:latest",
        "Example.com/app, Example.com/app:latest, Example.com/app:latest",
        "[::1]:5000/app:x, [::1]:5000/app:x, [::1]:5000/app:x",
        "a-b__c/d.e, docker.io/a-b__c/d.e:latest, a-b__c/d.e:latest",
        "x:Tag_1.0-rc, docker.io/library/x:Tag_1.0-rc, x:Tag_1.0-rc",
    })
    void normalisesLikeDocker(String input, String normalised, String familiar) {
        Reference ref = Reference.parse(input).withDefaultTag();
        assertEquals(normalised, ref.toString());
        assertEquals(familiar, ref.familiar());
    }

    @Test
    void keepsDigestsAndDoesNotAddATagToThem() {
        Reference ref = Reference.parse("busybox@" + DIGEST).withDefaultTag();
        assertEquals("docker.io/library/busybox@" + DIGEST, ref.toString());
        assertEquals("busybox@" + DIGEST, ref.familiar());
        assertNull(ref.tag());
        assertTrue(ref.hasDigest());
        Reference both = Reference.parse("localhost:5000/x:1@" + DIGEST);
        assertEquals("1", both.tag());
        assertEquals(DIGEST, both.digest());
        assertEquals("localhost:5000/x", both.name());
    }

    @Test
    void exposesNameParts() {
        Reference ref = Reference.parse("busybox");
        assertEquals("docker.io", ref.domain());
        assertEquals("library/busybox", ref.path());
        assertEquals("docker.io/library/busybox", ref.name());
        assertEquals("busybox", ref.familiarName());
        assertNull(ref.tag());
    }

    private static String error(String input) {
        WharfException e = assertThrows(WharfException.class, () -> Reference.parse(input));
        assertEquals(ErrorKind.INVALID_PARAMETER, e.kind());
        return e.getMessage();
    }

    @Test
    void reportsUppercaseRepositoriesAsDockerDoes() {
        assertEquals("invalid reference format: repository name (library/Busybox) must be lowercase",
                error("Busybox"));
        assertEquals("invalid reference format: repository name (user/App) must be lowercase", error("user/App:1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":latest", "busybox:", "a//b", "-a", "a-", "a:b:c", "busybox@sha256:abc",
        "busybox:" + "t123456789", "busybox:.tag", "foo/bar baz", "a@", "UPPER.example.com/App"})
    void rejectsInvalidReferences(String input) {
        String message = error(input.replace("t123456789", "t".repeat(129)));
        assertTrue(message.startsWith("invalid") || message.contains("digest"), message);
    }

    @Test
    void rejectsSixtyFourHexAsARepositoryName() {
        String hex = "a".repeat(64);
        assertEquals("invalid repository name (" + hex + "), cannot specify 64-byte hexadecimal strings",
                error(hex));
    }

    @Test
    void rejectsOverlongNames() {
        assertTrue(error("a/" + "b".repeat(260)).contains("must not be more than 255 characters"));
    }

    @Test
    void checksDigests() {
        assertEquals("invalid checksum digest length", error("busybox@sha256:" + "a".repeat(40)));
        assertEquals("unsupported digest algorithm", error("busybox@md5:" + "a".repeat(32)));
    }

    @Test
    void buildsRepoTagReferencesLikeMoby() {
        assertNull(Reference.repoTag("", "x"));
        assertNull(Reference.repoTag(null, null));
        assertEquals("docker.io/library/busybox:latest", Reference.repoTag("busybox", null).toString());
        assertEquals("docker.io/library/busybox:1", Reference.repoTag("busybox", "1").toString());
        assertEquals("docker.io/library/busybox:2", Reference.repoTag("busybox:1", "2").toString());
        assertEquals("docker.io/library/busybox:1", Reference.repoTag("busybox:1", "").toString());
        assertEquals("invalid tag format",
                assertThrows(WharfException.class, () -> Reference.repoTag("busybox", "bad tag")).getMessage());
        assertEquals("cannot import digest reference",
                assertThrows(WharfException.class, () -> Reference.repoTag("busybox@" + DIGEST, null)).getMessage());
    }

    @Test
    void equalityFollowsTheNormalisedForm() {
        assertEquals(Reference.parse("busybox").withDefaultTag(), Reference.parse("docker.io/library/busybox:latest"));
    }
}
