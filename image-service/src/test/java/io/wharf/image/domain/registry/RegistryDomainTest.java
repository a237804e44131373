package io.wharf.image.domain.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.common.error.WharfException;
import io.wharf.image.domain.Digest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegistryDomainTest {
    private static final String D1 = "sha256:" + "a".repeat(64);
    private static final String D2 = "sha256:" + "b".repeat(64);

    @Test
    void parsesABearerChallengeWithQuotedParameters() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of(
                "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:a/b:pull,push\""));
        assertEquals(1, challenges.size());
        AuthChallenge c = challenges.get(0);
        assertTrue(c.isBearer());
        assertEquals("https://auth.example/token", c.parameter("realm"));
        assertEquals("registry.example", c.parameter("service"));
        assertEquals("repository:a/b:pull,push", c.parameter("scope"));
    }

    @Test
    void parsesSeveralChallengesInOneHeader() {
        List<AuthChallenge> challenges = AuthChallenge.parse(List.of("Basic realm=\"x\", Bearer realm=\"https://t\""));
        assertEquals(2, challenges.size());
        assertTrue(challenges.get(0).isBasic());
        assertEquals("x", challenges.get(0).parameter("realm"));
        assertTrue(challenges.get(1).isBearer());
        assertEquals("https://t", challenges.get(1).parameter("realm"));
    }

    @Test
    void decodesXRegistryAuthInBase64UrlWithoutPadding() {
        String json = "{\"username\":\"alice\",\"password\":\"p?>w\",\"serveraddress\":\"127.0.0.1:5000\"}";
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        AuthConfig auth = AuthConfig.fromHeader(header);
        assertEquals("alice", auth.username());
        assertEquals("p?>w", auth.password());
        assertEquals("Basic " + Base64.getEncoder().encodeToString("alice:p?>w".getBytes(StandardCharsets.UTF_8)),
                auth.basic());
    }

    @Test
    void splitsTheAuthFieldIntoUserAndPassword() {
        String pair = Base64.getEncoder().encodeToString("bob:secret".getBytes(StandardCharsets.UTF_8));
        AuthConfig auth = AuthConfig.parse(("{\"auth\":\"" + pair + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals("bob", auth.username());
        assertEquals("secret", auth.password());
    }

    @Test
    void anEmptyOrAbsentHeaderIsAnonymous() {
        assertFalse(AuthConfig.fromHeader(null).hasCredentials());
        assertFalse(AuthConfig.fromHeader("e30=").hasCredentials());
        assertThrows(WharfException.class, () -> AuthConfig.fromHeader("!!!not base64"));
    }

    @Test
    void parsesASchema2Manifest() {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestTypes.DOCKER_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.docker.container.image.v1+json\",\"size\":10,\"digest\":\"" + D1 + "\"},\"layers\":["
                + "{\"mediaType\":\"application/vnd.docker.image.rootfs.diff.tar.gzip\",\"size\":20,\"digest\":\"" + D2
                + "\"}]}";
        Manifest m = Manifest.parse("application/json", json.getBytes(StandardCharsets.UTF_8));
        assertFalse(m.isIndex());
        assertEquals(D1, m.config().digest().toString());
        assertEquals(1, m.layers().size());
        assertEquals(20, m.layers().get(0).size());
    }

    @Test
    void anOciManifestWithoutMediaTypeTakesTheContentType() {
        String json = "{\"schemaVersion\":2,\"config\":{\"mediaType\":\"" + ManifestTypes.OCI_CONFIG + "\",\"size\":1,"
                + "\"digest\":\"" + D1 + "\"},\"layers\":[]}";
        Manifest m = Manifest.parse(ManifestTypes.OCI_MANIFEST, json.getBytes(StandardCharsets.UTF_8));
        assertEquals(ManifestTypes.OCI_MANIFEST, m.mediaType());
    }

    @Test
    void choosesLinuxAmd64FromAnIndex() {
        String json = "{\"schemaVersion\":2,\"mediaType\":\"" + ManifestTypes.OCI_INDEX + "\",\"manifests\":["
                + "{\"mediaType\":\"" + ManifestTypes.OCI_MANIFEST + "\",\"size\":1,\"digest\":\"" + D1
                + "\",\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\",\"variant\":\"v8\"}},"
                + "{\"mediaType\":\"" + ManifestTypes.OCI_MANIFEST + "\",\"size\":2,\"digest\":\"" + D2
                + "\",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}}]}";
        Manifest index = Manifest.parse("", json.getBytes(StandardCharsets.UTF_8));
        assertTrue(index.isIndex());
        assertEquals(D2, PlatformMatcher.of(null).choose(index.entries()).orElseThrow().digest().toString());
        assertEquals(D1, PlatformMatcher.of("linux/arm64").choose(index.entries()).orElseThrow().digest().toString());
        assertTrue(PlatformMatcher.of("windows/amd64").choose(index.entries()).isEmpty());
    }

    @Test
    void refusesAnUnknownManifestTypeWithDockersMessage() {
        ManifestFormatException e = assertThrows(ManifestFormatException.class, () -> Manifest.parse(
                "application/vnd.example.thing+json", "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("unsupported manifest media type and no default available: application/vnd.example.thing+json",
                e.getMessage());
        assertThrows(ManifestFormatException.class, () -> Manifest.parse(ManifestTypes.DOCKER_MANIFEST,
                "{\"schemaVersion\":2,\"config\":{\"digest\":\"md5:x\",\"size\":1},\"layers\":[]}"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThrows(ManifestFormatException.class, () -> Manifest.parse(ManifestTypes.DOCKER_MANIFEST,
                "not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void writesAManifestThatParsesBack() {
        byte[] json = Manifest.write(ManifestTypes.DOCKER_MANIFEST, Descriptor.of("c", Digest.parse(D1), 3),
                List.of(Descriptor.of("l", Digest.parse(D2), 4)));
        Manifest m = Manifest.parse("", json);
        assertEquals(ManifestTypes.DOCKER_MANIFEST, m.mediaType());
        assertEquals(D2, m.layers().get(0).digest().toString());
    }

    @Test
    void drawsDockersProgressBar() {
        assertEquals("[=========================>                         ]     500B/1kB",
                ProgressMessage.bar(500, 1000));
        assertEquals("1.235MB", ProgressMessage.humanSize(1_234_567));
        ProgressMessage p = ProgressMessage.progress("abc", "Downloading", 10, 20);
        assertEquals(10L, p.detail().current());
        assertNull(ProgressMessage.status("x", "Waiting").progress());
    }

    @Test
    void loopbackIsInsecureAndOtherHostsOnlyByConfiguration() {
        InsecureRegistries none = new InsecureRegistries(List.of());
        assertTrue(none.isInsecure("127.0.0.1:5000"));
        assertTrue(none.isInsecure("127.1.2.3"));
        assertFalse(none.isInsecure("10.1.2.3:5000"));
        InsecureRegistries configured = new InsecureRegistries(List.of("10.1.2.3:5000", "192.168.0.0/16"));
        assertTrue(configured.isInsecure("10.1.2.3:5000"));
        assertFalse(configured.isInsecure("10.1.2.3:6000"));
        assertTrue(configured.isInsecure("192.168.7.8:443"));
    }

    @Test
    void rendersRegistryErrorsAsDistributionDoes() {
        RegistryErrors e = RegistryErrors.parse(("{\"errors\":[{\"code\":\"MANIFEST_UNKNOWN\",\"message\":\"manifest "
                + "unknown\",\"detail\":{}}]}").getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertEquals("manifest unknown: manifest unknown", e.toString());
        assertTrue(RegistryErrors.parse("<html>".getBytes(StandardCharsets.UTF_8)).isEmpty());
    }
}
