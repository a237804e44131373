package io.wharf.eventbus.broker;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the embedded single-node broker keeps its data and which loopback ports it binds.
 *
 * @param dataDir        the KRaft log directory (under the Wharf data root)
 * @param port           the client listener on 127.0.0.1
 * @param controllerPort the KRaft controller listener on 127.0.0.1
 */
public record BrokerSettings(Path dataDir, int port, int controllerPort) {

    /** Reads WHARF_KAFKA_DIR, WHARF_KAFKA_PORT and WHARF_KAFKA_CONTROLLER_PORT, with defaults. */
    public static BrokerSettings fromEnvironment(Map<String, String> env) {
        String root = env.getOrDefault("WHARF_DATA_ROOT", "/var/lib/wharf");
        Path dir = Path.of(env.getOrDefault("WHARF_KAFKA_DIR", root + "/kafka"));
        int port = Integer.parseInt(env.getOrDefault("WHARF_KAFKA_PORT", "7792"));
        int controller = Integer.parseInt(env.getOrDefault("WHARF_KAFKA_CONTROLLER_PORT", Integer.toString(port + 1)));
        return new BrokerSettings(dir, port, controller);
    }

    /** The server.properties of a combined broker+controller node listening on loopback only. */
    public String serverProperties() {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("log"),
                "num.partitions=1",
                "offsets.topic.num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true",
                "log.retention.hours=168",
                "") ;
    }
}
