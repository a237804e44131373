package io.wharf.container.domain.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.wharf.common.error.WharfException;
import org.junit.jupiter.api.Test;

class MountParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bindSpecs() {
        MountPoint m = MountParser.parseBind("/host/dir/:/data:ro,Z,rshared", "");
        assertEquals(MountPoint.BIND, m.type);
        assertEquals("/host/dir", m.source);
        assertEquals("/data", m.destination);
        assertFalse(m.rw);
        assertEquals("rshared", m.propagation);
        assertEquals("ro,Z,rshared", m.mode);
        assertTrue(m.createSource);
        assertEquals("rprivate", MountParser.parseBind("/h:/d", "").propagation);
    }

    @Test
    void volumeSpecs() {
        MountPoint named = MountParser.parseBind("data:/d:nocopy", "plug");
        assertEquals(MountPoint.VOLUME, named.type);
        assertEquals("data", named.name);
        assertEquals("plug", named.driver);
        assertFalse(named.copyData);
        assertTrue(named.rw);
        assertEquals("z", MountParser.parseBind("data:/d", "").mode);
        MountPoint anonymous = MountParser.parseBind("/only", "");
        assertEquals("", anonymous.name);
        assertEquals("/only", anonymous.destination);
        assertTrue(anonymous.copyData);
    }

    @Test
    void badSpecsGetMobysMessages() {
        assertEquals("invalid mode: xyz", assertThrows(WharfException.class,
                () -> MountParser.parseBind("/h:/d:xyz", "")).getMessage());
        assertEquals("invalid mode: rw,ro", assertThrows(WharfException.class,
                () -> MountParser.parseBind("/h:/d:rw,ro", "")).getMessage());
        assertEquals("invalid volume specification: '/foo:rw'", assertThrows(WharfException.class,
                () -> MountParser.parseBind("/foo:rw", "")).getMessage());
        assertEquals("invalid volume specification: 'a:b:c:d'", assertThrows(WharfException.class,
                () -> MountParser.parseBind("a:b:c:d", "")).getMessage());
        assertEquals("invalid mount config for type \"volume\": invalid mount path: 'rel' mount path must be absolute",
                assertThrows(WharfException.class, () -> MountParser.parseBind("v:rel", "")).getMessage());
        assertEquals("invalid specification: destination can't be '/'", assertThrows(WharfException.class,
                () -> MountParser.parseBind("/h:/", "")).getMessage());
    }

    @Test
    void mountObjects() throws Exception {
        MountPoint tmpfs = MountParser.parseMount(JSON.readTree(
                "{\"Type\":\"tmpfs\",\"Target\":\"/t\",\"TmpfsOptions\":{\"SizeBytes\":16384,\"Mode\":1016}}"), "", p -> true);
        assertEquals("size=16k,mode=1770", tmpfs.tmpfsData);
        MountPoint volume = MountParser.parseMount(JSON.readTree("{\"Type\":\"volume\",\"Source\":\"v\",\"Target\":\"/v\","
                + "\"ReadOnly\":true,\"VolumeOptions\":{\"NoCopy\":true,\"Labels\":{\"a\":\"b\"},"
                + "\"DriverConfig\":{\"Name\":\"plug\",\"Options\":{\"k\":\"v\"}}}}"), "", p -> true);
        assertEquals("plug", volume.driver);
        assertEquals("v", volume.driverOpts.get("k"));
        assertEquals("b", volume.labels.get("a"));
        assertFalse(volume.copyData);
        assertFalse(volume.rw);
        WharfException missing = assertThrows(WharfException.class, () -> MountParser.parseMount(
                JSON.readTree("{\"Type\":\"bind\",\"Source\":\"/nope\",\"Target\":\"/x\"}"), "", p -> false));
        assertEquals("invalid mount config for type \"bind\": bind source path does not exist: /nope", missing.getMessage());
        MountPoint bind = MountParser.parseMount(JSON.readTree("{\"Type\":\"bind\",\"Source\":\"/h\",\"Target\":\"/x\","
                + "\"BindOptions\":{\"Propagation\":\"rslave\"}}"), "", p -> true);
        assertEquals("rslave", bind.propagation);
        assertFalse(bind.createSource);
    }

    @Test
    void volumesFrom() {
        assertEquals(new MountParser.VolumesFrom("c", "ro"), MountParser.parseVolumesFrom("c:ro"));
        assertEquals(new MountParser.VolumesFrom("c", ""), MountParser.parseVolumesFrom("c"));
        assertThrows(WharfException.class, () -> MountParser.parseVolumesFrom("c:bad"));
    }
}
