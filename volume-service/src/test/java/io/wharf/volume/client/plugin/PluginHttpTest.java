package io.wharf.volume.client.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PluginHttpTest {

    @Test
    void parsesLengthChunkedAndCloseDelimitedAnswers() throws Exception {
        assertEquals(new PluginHttp.Answer(200, "{\"Err\":\"\"}"), PluginHttp.parse(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n{\"Err\":\"\"}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(new PluginHttp.Answer(500, "{\"Err\":\"boom\"}"), PluginHttp.parse(
                "HTTP/1.1 500 Internal\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"Err\r\n9\r\n\":\"boom\"}\r\n0\r\n\r\n"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(new PluginHttp.Answer(200, "{}"), PluginHttp.parse(
                "HTTP/1.0 200 OK\r\nServer: x\r\n\r\n{}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void specAddresses() {
        assertEquals(PluginAddress.unix(Path.of("/run/p.sock")), PluginAddress.parse("unix:///run/p.sock\n"));
        assertEquals(PluginAddress.tcp("127.0.0.1", 8080), PluginAddress.parse("tcp://127.0.0.1:8080"));
        assertEquals(PluginAddress.tcp("localhost", 9000), PluginAddress.parse("http://localhost:9000/"));
    }
}
