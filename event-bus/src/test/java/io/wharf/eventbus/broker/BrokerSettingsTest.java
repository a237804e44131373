package io.wharf.eventbus.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BrokerSettingsTest {

    @Test
    void defaultsLiveUnderTheDataRootOnLoopback() {
        BrokerSettings s = BrokerSettings.fromEnvironment(Map.of("WHARF_DATA_ROOT", "/srv/wharf"));
        assertEquals(Path.of("/srv/wharf/kafka"), s.dataDir());
        assertEquals(7792, s.port());
        assertEquals(7793, s.controllerPort());
        String props = s.serverProperties();
        assertTrue(props.contains("listeners=PLAINTEXT://127.0.0.1:7792,CONTROLLER://127.0.0.1:7793"), props);
        assertTrue(props.contains("log.dirs=/srv/wharf/kafka/log"), props);
        assertTrue(props.contains("offsets.topic.num.partitions=1"), props);
    }

    @Test
    void portsFollowTheEnvironment() {
        BrokerSettings s = BrokerSettings.fromEnvironment(Map.of("WHARF_KAFKA_PORT", "29092"));
        assertEquals(29093, s.controllerPort());
    }

    @Test
    void clusterIdsAreKafkaShaped() {
        assertTrue(BrokerLauncher.newClusterId().matches("[A-Za-z0-9_-]{22}"));
    }
}
