package io.wharf.gateway.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wharf.gateway.config.ApiVersions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DockerPathsTest {

    @Test
    void routesMatchVersionedAndUnversionedPaths() {
        Pattern p = Pattern.compile(DockerPaths.regex("/containers/{id}/start"));
        assertTrue(p.matcher("/containers/abc/start").matches());
        assertTrue(p.matcher("/v1.47/containers/abc/start").matches());
        assertTrue(p.matcher("/v1.24/containers/abc/start/").matches());
        assertFalse(p.matcher("/containers/a/b/start").matches());
        Matcher m = p.matcher("/v1.41/containers/web/start");
        assertTrue(m.matches());
        assertEquals("web", m.group("id"));
    }

    @Test
    void greedyParametersSpanSlashes() {
        Matcher m = Pattern.compile(DockerPaths.regex("/images/{name*}/json")).matcher("/v1.47/images/localhost:5000/a/b:1/json");
        assertTrue(m.matches());
        assertEquals("localhost:5000/a/b:1", m.group("name"));
    }

    @Test
    void versionPrefixIsStripped() {
        assertEquals("/containers/json?all=1", DockerPaths.unversioned("/v1.47/containers/json?all=1"));
        assertEquals("/containers/json", DockerPaths.unversioned("/containers/json"));
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(ApiVersions.compare("1.9", "1.24") < 0);
        assertTrue(ApiVersions.compare("1.48", ApiVersions.MAX) > 0);
        assertEquals(0, ApiVersions.compare("1.47", "1.47.0"));
    }
}
