package io.wharf.container.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecProcessSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void overridesCommandEnvDirAndUserKeepingTheRest() throws Exception {
        ObjectNode base = (ObjectNode) JSON.readTree("""
                {"terminal":true,"args":["sleep","1"],"env":["PATH=/bin","A=a"],"cwd":"/",
                 "user":{"uid":0,"gid":0},"capabilities":{"bounding":["CAP_KILL"]}}""");
        ExecConfig config = ExecConfig.parse(JSON.readTree("""
                {"Cmd":["sh","-c","x"],"Env":["A=b","C=d"],"WorkingDir":"/tmp","User":"65534"}"""));
        ObjectNode p = ExecProcessSpec.build(base, config, new int[] {65534, 0}, List.of());
        assertEquals("[\"sh\",\"-c\",\"x\"]", p.get("args").toString());
        assertEquals("[\"PATH=/bin\",\"A=b\",\"C=d\"]", p.get("env").toString());
        assertEquals("/tmp", p.get("cwd").asText());
        assertEquals(65534, p.at("/user/uid").asInt());
        assertEquals(false, p.get("terminal").asBoolean());
        assertEquals("CAP_KILL", p.at("/capabilities/bounding/0").asText());
        assertEquals("[\"sleep\",\"1\"]", base.get("args").toString());
        assertEquals("sh -c x", config.commandLine());
    }

    @Test
    void anExecNeedsACommand() throws Exception {
        assertThrows(WharfException.class, () -> ExecConfig.parse(JSON.readTree("{\"Cmd\":[]}")));
    }
}
