package io.wharf.eventbus.broker;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Starts the embedded single-node Kafka broker (KRaft) for local runs: writes its configuration
 * under the data root, formats the log directory the first time, then becomes the broker. Run with
 * the broker class path ({@code event-bus/broker/target/lib/*}) plus this module's classes.
 */
public final class BrokerLauncher {

    private BrokerLauncher() {
    }

    public static void main(String[] args) throws Exception {
        BrokerSettings settings = BrokerSettings.fromEnvironment(System.getenv());
        Path config = writeConfig(settings);
        if (!Files.exists(settings.dataDir().resolve("log").resolve("meta.properties"))) {
            format(config);
        }
        System.setProperty("log4j2.configurationFile", writeLogConfig(settings).toString());
        Class<?> kafka = Class.forName("kafka.Kafka");
        Method main = kafka.getMethod("main", String[].class);
        main.invoke(null, (Object) new String[] {config.toString()});
    }

    private static Path writeConfig(BrokerSettings settings) throws IOException {
        Files.createDirectories(settings.dataDir());
        Path config = settings.dataDir().resolve("server.properties");
        Files.writeString(config, settings.serverProperties(), StandardCharsets.UTF_8);
        return config;
    }

    private static Path writeLogConfig(BrokerSettings settings) throws IOException {
        Path file = settings.dataDir().resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "rootLogger.level=WARN",
                "rootLogger.appenderRef.stdout.ref=STDOUT",
                "appender.stdout.type=Console",
                "appender.stdout.name=STDOUT",
                "appender.stdout.layout.type=PatternLayout",
                "appender.stdout.layout.pattern=%d{ISO8601} %-5p [kafka] %m%n",
                "logger.server.name=kafka.server.KafkaRaftServer",
                "logger.server.level=INFO",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    /** Formats the KRaft log directory in a child JVM (the storage tool exits its JVM when done). */
    private static void format(Path config) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-cp", System.getProperty("java.class.path"),
                "kafka.tools.StorageTool", "format", "-t", newClusterId(), "-c", config.toString(), "--standalone");
        Process process = new ProcessBuilder(command).inheritIO().start();
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException("formatting the Kafka log directory failed with exit code " + exit);
        }
    }

    /** A Kafka cluster id: 16 random bytes, URL-safe base64 without padding. */
    static String newClusterId() {
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
