package io.wharf.container.domain.mount;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.container.service.mount.MountSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MountSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void userMountsReplaceDefaultsAndParentsComeFirst() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"linux\":{},\"mounts\":["
                + "{\"destination\":\"/proc\",\"type\":\"proc\"},{\"destination\":\"/etc/hosts\",\"type\":\"bind\"}]}");
        MountPoint deep = MountParser.parseBind("/h:/data/sub:ro", "");
        MountPoint parent = MountParser.parseBind("vol:/data", "");
        parent.source = "/root/volumes/vol/_data";
        parent.driver = "local";
        MountPoint hosts = MountParser.parseBind("/my/hosts:/etc/hosts:rshared", "");
        MountSpec.apply(spec, List.of(deep, parent, hosts), Map.of("/data", "/root/volumes/vol/_data"));
        List<String> order = new ArrayList<>();
        spec.get("mounts").forEach(m -> order.add(m.path("destination").asText() + "=" + m.path("source").asText()
                + m.path("options")));
        assertEquals(List.of("/proc=", "/data=/root/volumes/vol/_data[\"rbind\",\"rw\",\"rprivate\"]",
                "/data/sub=/h[\"rbind\",\"ro\",\"rprivate\"]", "/etc/hosts=/my/hosts[\"rbind\",\"rw\",\"rshared\"]"), order);
        assertEquals("rshared", spec.path("linux").path("rootfsPropagation").asText());
    }

    @Test
    void localVolumeOptionsBecomeTmpfsOrDeviceBinds() throws Exception {
        ObjectNode spec = (ObjectNode) JSON.readTree("{\"linux\":{},\"mounts\":[]}");
        MountPoint t = MountParser.parseBind("t:/t", "");
        t.volumeOptions.putAll(Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m"));
        MountPoint b = MountParser.parseBind("b:/b:ro", "");
        b.volumeOptions.putAll(Map.of("type", "none", "device", "/srv/x", "o", "bind"));
        MountSpec.apply(spec, List.of(t, b), Map.of());
        assertEquals("{\"destination\":\"/t\",\"options\":[\"size=1m\"],"
                + "\"type\":\"tmpfs\",\"source\":\"tmpfs\"}", spec.get("mounts").get(0).toString());
        assertEquals("/srv/x", spec.get("mounts").get(1).path("source").asText());
    }
}
