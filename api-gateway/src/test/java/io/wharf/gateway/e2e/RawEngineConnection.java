package io.wharf.gateway.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * One raw HTTP/1.1 connection to the engine's unix socket, for what the docker CLI cannot show: a
 * hijacked stream driven byte by byte, as other API clients do.
 */
final class RawEngineConnection implements AutoCloseable {
    private final SocketChannel channel;
    private final InputStream in;
    private final OutputStream out;

    private RawEngineConnection(SocketChannel channel) {
        this.channel = channel;
        this.in = Channels.newInputStream(channel);
        this.out = Channels.newOutputStream(channel);
    }

    static RawEngineConnection open() throws IOException {
        String host = DockerCli.host();
        if (!host.startsWith("unix://")) {
            throw new IllegalStateException("a unix DOCKER_HOST is needed, not " + host);
        }
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(host.substring("unix://".length())));
        return new RawEngineConnection(channel);
    }

    /** Sends a request that asks to upgrade the connection and returns the response head. */
    String upgrade(String method, String path) throws IOException {
        out.write((method + " " + path + " HTTP/1.1\r\nHost: docker\r\nConnection: Upgrade\r\nUpgrade: tcp\r\n"
                + "Content-Length: 0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    void send(byte[] data) throws IOException {
        out.write(data);
        out.flush();
    }

    /** Everything the engine sends until it closes its side. */
    byte[] readToEnd() throws IOException {
        return in.readAllBytes();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
