package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * docker-registry with token authentication (the {@code WWW-Authenticate: Bearer realm=...} flow) against
 * a small token server in the test: docker login checks the password at the realm, push and pull fetch
 * tokens for their repository scopes, and an anonymous pull is denied with Docker's message.
 */
class RegistryTokenAuthIT {
    private static TokenServer tokens;
    private static RegistryServer registry;
    private static Path dockerConfig;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void start() throws Exception {
        TestImages.ensureBusybox();
        tokens = TokenServer.start("bob", "token-pw");
        registry = RegistryServer.start(new RegistryServer.Options(null, null, false, tokens.realm(),
                tokens.certificate()));
        dockerConfig = Files.createTempDirectory("wharf-docker-config");
    }

    @AfterAll
    static void stop() throws Exception {
        if (registry != null) {
            registry.close();
        }
        if (tokens != null) {
            tokens.close();
        }
        RegistryServer.run(Path.of("/"), "rm", "-rf", dockerConfig.toString());
    }

    private static DockerCli.Result cli(Path stdin, String... args) {
        return DockerCli.run(Duration.ofSeconds(60), stdin, Map.of("DOCKER_CONFIG", dockerConfig.toString()), args);
    }

    private static DockerCli.Result login(String password) throws Exception {
        return registry.login(dockerConfig, "bob", password);
    }

    @Test
    void bearerTokensForLoginPushAndPull() throws Exception {
        String repo = registry.address() + "/team/tok-" + run;
        docker("tag", TestImages.BUSYBOX, repo + ":t").assertOk();
        try {
            DockerCli.Result wrong = login("nope");
            assertEquals(1, wrong.exitCode());
            assertTrue(wrong.err().contains("unauthorized: incorrect username or password"), wrong.err());

            assertTrue(login("token-pw").assertOk().out().contains("Login Succeeded"));
            cli(null, "push", repo + ":t").assertOk();
            docker("rmi", repo + ":t").assertOk();
            DockerCli.Result pull = cli(null, "pull", repo + ":t").assertOk();
            assertTrue(pull.out().contains("Status: Downloaded newer image for " + repo + ":t"), pull.out());

            cli(null, "logout", registry.address()).assertOk();
            docker("rmi", repo + ":t").assertOk();
            DockerCli.Result anonymous = cli(null, "pull", repo + ":t");
            assertEquals(1, anonymous.exitCode());
            assertTrue(anonymous.err().contains("pull access denied for " + repo
                    + ", repository does not exist or may require 'docker login'"), anonymous.err());
        } finally {
            docker("rmi", "-f", repo + ":t");
        }
    }
}
