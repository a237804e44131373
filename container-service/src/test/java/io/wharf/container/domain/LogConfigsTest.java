package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import org.junit.jupiter.api.Test;

class LogConfigsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ObjectNode hostConfig(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    @Test
    void defaultsToJsonFileAsDockerd() throws Exception {
        ObjectNode hc = hostConfig("{}");
        LogConfigs.adapt(hc);
        assertEquals("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}}}", hc.toString());
        ObjectNode empty = hostConfig("{\"LogConfig\":{\"Type\":\"\",\"Config\":null}}");
        LogConfigs.adapt(empty);
        assertEquals("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{}}}", empty.toString());
    }

    @Test
    void acceptsTheDriversWharfHasWithTheirOptions() throws Exception {
        LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"10m\",\"max-file\":\"3\"}}}"));
        LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"local\",\"Config\":{}}}"));
        assertFalse(LogConfigs.readable(hostConfig("{\"LogConfig\":{\"Type\":\"none\"}}")));
        assertTrue(LogConfigs.readable(hostConfig("{}")));
        assertEquals(10L * 1024 * 1024, LogConfigs.bytes("10m"));
        assertEquals(1536, LogConfigs.bytes("1.5k"));
        assertEquals(100, LogConfigs.bytes("100"));
    }

    @Test
    void refusesWithDockerdsMessages() {
        assertEquals("logger: no log driver named 'syslogx' is registered", assertThrows(WharfException.class,
                () -> LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"syslogx\"}}"))).getMessage());
        assertEquals("unknown log opt 'foo' for json-file log driver", assertThrows(WharfException.class,
                () -> LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"foo\":\"1\"}}}"))).getMessage());
        assertEquals("max-file cannot be less than 1", assertThrows(WharfException.class,
                () -> LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-file\":\"0\"}}}"))).getMessage());
        assertThrows(WharfException.class,
                () -> LogConfigs.validate(hostConfig("{\"LogConfig\":{\"Type\":\"json-file\",\"Config\":{\"max-size\":\"ten\"}}}")));
    }
}
