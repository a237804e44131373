package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry with htpasswd basic authentication behind TLS from a test CA, which the platform trusts
 * through {@code <data-root>/certs.d/127.0.0.1:<port>/ca.crt}, dropped in while it runs: docker login
 * (wrong and right password), push, pull, logout, and a wrong CA refused. Credentials live in a private
 * DOCKER_CONFIG directory.
 */
class RegistryAuthIT {
    private static RegistryServer registry;
    private static Path dockerConfig;
    private static Path certsDir;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        TestImages.ensureBusybox();
        registry = RegistryServer.start(new RegistryServer.Options("alice", "s3cret-pw", true, null, null));
        dockerConfig = Files.createTempDirectory("wharf-docker-config");
        String dataRoot = System.getenv().getOrDefault("WHARF_DATA_ROOT", "/var/lib/wharf");
        certsDir = Path.of(dataRoot, "certs.d", registry.address());
        Files.createDirectories(certsDir);
        Files.copy(registry.caCertificate(), certsDir.resolve("ca.crt"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        RegistryServer.run(Path.of("/"), "rm", "-rf", dockerConfig.toString(), certsDir.toString());
    }

    private static DockerCli.Result cli(String... args) {
        return DockerCli.run(Duration.ofSeconds(60), null, Map.of("DOCKER_CONFIG", dockerConfig.toString()), args);
    }

    private static DockerCli.Result login(String password) throws Exception {
        return registry.login(dockerConfig, "alice", password);
    }

    @Test
    void loginPushPullLogoutOverVerifiedTls() throws Exception {
        String repo = registry.address() + "/secure/app-" + run;
        docker("tag", TestImages.BUSYBOX, repo + ":v1").assertOk();
        try {
            DockerCli.Result anonymous = cli("push", repo + ":v1");
            assertEquals(1, anonymous.exitCode());
            assertTrue(anonymous.err().contains("no basic auth credentials"), anonymous.err());

            DockerCli.Result wrong = login("not-the-password");
            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.err().contains("login attempt to https://" + registry.address()
                    + "/v2/ failed with status: 401 Unauthorized"), wrong.err());

            assertTrue(login("s3cret-pw").assertOk().out().contains("Login Succeeded"));
            assertTrue(Files.readString(dockerConfig.resolve("config.json")).contains(registry.address()));

            DockerCli.Result push = cli("push", repo + ":v1").assertOk();
            assertTrue(push.out().contains("v1: digest: sha256:"), push.out());
            docker("rmi", repo + ":v1").assertOk();
            DockerCli.Result pull = cli("pull", repo + ":v1").assertOk();
            assertTrue(pull.out().contains("Status: Downloaded newer image for " + repo + ":v1"), pull.out());
            assertEquals("secure", docker("run", "--rm", repo + ":v1", "echo", "secure").assertOk().trimmed());

            assertTrue(cli("logout", registry.address()).assertOk().out().contains("Removing login credentials"));
            docker("rmi", repo + ":v1").assertOk();
            DockerCli.Result afterLogout = cli("pull", repo + ":v1");
            assertEquals(1, afterLogout.exitCode());
            assertTrue(afterLogout.err().contains("no basic auth credentials"), afterLogout.err());
        } finally {
            docker("rmi", "-f", repo + ":v1");
        }
    }

    @Test
    void aRegistryWhoseCertificateTheCaDoesNotSignIsRefused() throws Exception {
        Path otherDir = Files.createTempDirectory("wharf-other-ca");
        Path original = Files.createTempFile("wharf-ca", ".crt");
        Files.copy(certsDir.resolve("ca.crt"), original, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        try {
            RegistryServer.run(otherDir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                    "other.key", "-out", "other.crt", "-days", "1", "-subj", "/CN=Some other CA");
            Files.copy(otherDir.resolve("other.crt"), certsDir.resolve("ca.crt"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            DockerCli.Result refused = login("s3cret-pw");
            assertNotEquals(0, refused.exitCode());
            assertTrue(refused.err().contains("x509: certificate signed by unknown authority"), refused.err());
        } finally {
            Files.copy(original, certsDir.resolve("ca.crt"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Files.deleteIfExists(original);
            RegistryServer.run(Path.of("/"), "rm", "-rf", otherDir.toString());
        }
    }
}
