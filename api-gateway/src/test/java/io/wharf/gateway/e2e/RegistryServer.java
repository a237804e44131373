package io.wharf.gateway.e2e;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Debian's {@code docker-registry} (distribution 2.8) on a free loopback port, in a scratch directory:
 * plain, with htpasswd basic authentication, with TLS from a test CA made with openssl, or with token
 * authentication against a given realm. {@link #close()} stops it and removes its files.
 */
final class RegistryServer implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Process process;

    private RegistryServer(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    /** What to switch on. */
    record Options(String htpasswdUser, String htpasswdPassword, boolean tls, String tokenRealm, Path tokenCert) {
        static Options plain() {
            return new Options(null, null, false, null, null);
        }
    }

    static RegistryServer start(Options options) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory(workRoot(), "registry-");
        int port = freePort();
        StringBuilder config = new StringBuilder("version: 0.1\nlog:\n  level: info\n  accesslog:\n    disabled: false\n")
                .append("storage:\n  filesystem:\n    rootdirectory: ").append(dir.resolve("data")).append('\n')
                .append("  delete:\n    enabled: true\n");
        if (options.htpasswdUser() != null) {
            Files.writeString(dir.resolve("htpasswd"), options.htpasswdUser() + ":"
                    + bcrypt(options.htpasswdPassword()) + "\n");
            config.append("auth:\n  htpasswd:\n    realm: wharf-test\n    path: ").append(dir.resolve("htpasswd"))
                    .append('\n');
        } else if (options.tokenRealm() != null) {
            config.append("auth:\n  token:\n    realm: ").append(options.tokenRealm())
                    .append("\n    service: ").append(TokenServer.SERVICE).append("\n    issuer: ").append(TokenServer.ISSUER)
                    .append("\n    rootcertbundle: ")
                    .append(options.tokenCert()).append('\n');
        }
        config.append("http:\n  addr: 127.0.0.1:").append(port).append('\n');
        if (options.tls()) {
            makeCertificates(dir);
            config.append("  tls:\n    certificate: ").append(dir.resolve("server.crt")).append("\n    key: ")
                    .append(dir.resolve("server.key")).append('\n');
        }
        Files.writeString(dir.resolve("config.yml"), config);
        Process process = new ProcessBuilder("/usr/bin/docker-registry", "serve", dir.resolve("config.yml").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        RegistryServer server = new RegistryServer(dir, port, process);
        server.awaitReady(options.tls());
        return server;
    }

    /** Beside the platform's data root (the suite's leak check looks there for registries left running). */
    private static Path workRoot() throws IOException {
        String dataRoot = System.getenv("WHARF_DATA_ROOT");
        Path root = dataRoot == null ? Path.of(System.getProperty("java.io.tmpdir"), "wharf-test-registries")
                : Path.of(dataRoot).toAbsolutePath().getParent().resolve("test-registries");
        return Files.createDirectories(root);
    }

    /** {@code 127.0.0.1:<port>}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    /** The test CA that signed the server certificate (TLS only). */
    Path caCertificate() {
        return dir.resolve("ca.crt");
    }

    /** The registry's own files, to corrupt a stored blob on purpose. */
    Path storage() {
        return dir.resolve("data/docker/registry/v2");
    }

    /** Completed blob uploads to {@code repository} so far, counted in the registry's access log. */
    long blobUploads(String repository) throws IOException {
        String marker = "\"PUT /v2/" + repository + "/blobs/uploads/";
        try (var lines = Files.lines(dir.resolve("registry.log"))) {
            return lines.filter(l -> l.contains(marker) && l.contains("digest=sha256")).count();
        }
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        new ProcessBuilder("rm", "-rf", dir.toString()).start().waitFor();
    }

    private void awaitReady(boolean tls) throws IOException, InterruptedException {
        URI uri = URI.create((tls ? "https" : "http") + "://127.0.0.1:" + port + "/v2/");
        for (int i = 0; i < 200; i++) {
            if (!process.isAlive()) {
                throw new IOException("docker-registry exited: " + log());
            }
            try {
                HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
                if (c instanceof HttpsURLConnection https) {
                    https.setSSLSocketFactory(trustAll().getSocketFactory());
                    https.setHostnameVerifier((h, s) -> true);
                }
                c.setConnectTimeout(500);
                int status = c.getResponseCode();
                c.disconnect();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        throw new IOException("docker-registry did not start: " + log());
    }

    private static SSLContext trustAll() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String authType) {
                }

                @Override
                public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                    return new java.security.cert.X509Certificate[0];
                }
            }}, null);
            return context;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A CA and a server certificate for 127.0.0.1 signed by it. */
    private static void makeCertificates(Path dir) throws IOException, InterruptedException {
        Files.writeString(dir.resolve("ext.cnf"), "subjectAltName=IP:127.0.0.1\n");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=Wharf test CA");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=127.0.0.1");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key",
                "-CAcreateserial", "-out", "server.crt", "-days", "2", "-extfile", "ext.cnf");
    }

    static String run(Path dir, String... command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(args).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** {@code docker login -u user --password-stdin <this registry>} with a private DOCKER_CONFIG. */
    DockerCli.Result login(Path dockerConfig, String user, String password) throws IOException {
        Path input = Files.createTempFile("wharf-password", ".txt");
        try {
            Files.writeString(input, password + "\n");
            return DockerCli.run(java.time.Duration.ofSeconds(60), input,
                    java.util.Map.of("DOCKER_CONFIG", dockerConfig.toString()), "login", "-u", user, "--password-stdin",
                    address());
        } finally {
            Files.deleteIfExists(input);
        }
    }

    /** htpasswd's bcrypt form, through the C library's crypt (Python's crypt module). */
    private static String bcrypt(String password) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", "-W", "ignore", "-c",
                "import crypt,sys; print(crypt.crypt(sys.argv[1], crypt.mksalt(crypt.METHOD_BLOWFISH)))", password)
                .start();
        String out = new String(p.getInputStream().readAllBytes()).trim();
        if (p.waitFor() != 0 || !out.startsWith("$2")) {
            throw new IOException("cannot bcrypt a password: " + out + new String(p.getErrorStream().readAllBytes()));
        }
        return out;
    }
}
