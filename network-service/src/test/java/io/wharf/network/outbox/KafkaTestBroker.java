package io.wharf.network.outbox;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/** A real single-node KRaft broker in the test JVM, for tests that need Kafka itself. */
public class KafkaTestBroker implements QuarkusTestResourceLifecycleManager {
    private KafkaClusterTestKit cluster;

    @Override
    public Map<String, String> start() {
        try {
            cluster = new KafkaClusterTestKit.Builder(new TestKitNodes.Builder()
                    .setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build()).build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return Map.of("kafka.bootstrap.servers", cluster.bootstrapServers());
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the test broker", e);
        }
    }

    @Override
    public void stop() {
        if (cluster != null) {
            try {
                cluster.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop the test broker", e);
            }
        }
    }
}
