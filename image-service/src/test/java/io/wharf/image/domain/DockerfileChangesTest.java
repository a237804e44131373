package io.wharf.image.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.wharf.common.error.WharfException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DockerfileChangesTest {

    private static ContainerConfig apply(String... changes) {
        return DockerfileChanges.apply(new ContainerConfig(), List.of(changes));
    }

    @Test
    void noChangesLeaveDockerDefaults() {
        ContainerConfig c = DockerfileChanges.apply(new ContainerConfig(), null);
        assertNull(c.cmd);
        assertNull(c.env);
        assertEquals("", c.workingDir);
    }

    @Test
    void cmdAndEntrypointInBothForms() {
        assertEquals(List.of("sh", "-c", "echo"), apply("CMD [\"sh\", \"-c\", \"echo\"]").cmd);
        assertEquals(List.of("/bin/sh", "-c", "echo hi && ls"), apply("CMD echo hi && ls").cmd);
        assertEquals(List.of("/bin/sh", "-c", "[not json"), apply("CMD [not json").cmd);
        assertEquals(List.of(), apply("CMD []").cmd);
        ContainerConfig c = apply("ENTRYPOINT [\"/init\"]");
        assertEquals(List.of("/init"), c.entrypoint);
        assertNull(c.cmd);
        assertEquals(List.of("/bin/sh", "-c", "run"), apply("entrypoint run").entrypoint);
    }

    @Test
    void entrypointKeepsACmdSetBeforeIt() {
        ContainerConfig c = apply("CMD [\"x\"]", "ENTRYPOINT [\"/init\"]");
        assertEquals(List.of("x"), c.cmd);
        assertEquals(List.of("/init"), c.entrypoint);
    }

    @Test
    void envInKeyValueAndLegacyForms() {
        ContainerConfig c = apply("ENV A=1 B=\"two words\" C='single $x' D=esc\\ aped", "ENV PATH /usr/bin:/bin",
                "ENV A=replaced");
        assertEquals(List.of("A=replaced", "B=two words", "C=single $x", "D=esc aped", "PATH=/usr/bin:/bin"), c.env);
    }

    @Test
    void labelsExposeVolumesAndTheRest() {
        ContainerConfig c = apply("LABEL a=b \"com.example.x\"=\"y z\"", "EXPOSE 80 443/udp 8000-8002",
                "VOLUME [\"/data\"]", "VOLUME /a /b", "USER nobody", "WORKDIR /app", "WORKDIR sub/../dir",
                "STOPSIGNAL SIGINT", "ONBUILD run echo");
        assertEquals(Map.of("a", "b", "com.example.x", "y z"), c.labels);
        assertEquals(Set.of("80/tcp", "443/udp", "8000/tcp", "8001/tcp", "8002/tcp"), c.exposedPorts.keySet());
        assertEquals(Set.of("/data", "/a", "/b"), c.volumes.keySet());
        assertEquals("nobody", c.user);
        assertEquals("/app/dir", c.workingDir);
        assertEquals("SIGINT", c.stopSignal);
        assertEquals(List.of("RUN echo"), c.onBuild);
    }

    @Test
    void oneChangeMayHoldSeveralLinesCommentsAndContinuations() {
        ContainerConfig c = apply("# a comment\nENV A=1 \\\n  B=2\n\nUSER root");
        assertEquals(List.of("A=1", "B=2"), c.env);
        assertEquals("root", c.user);
    }

    private static String error(String change) {
        return assertThrows(WharfException.class, () -> apply(change)).getMessage();
    }

    @Test
    void rejectsWhatDockerRejects() {
        assertEquals("RUN is not a valid change command", error("RUN apt-get update"));
        assertEquals("FROM is not a valid change command", error("FROM scratch"));
        assertEquals("CMD requires at least one argument", error("CMD"));
        assertEquals("invalid containerPort: abc", error("EXPOSE abc"));
        assertEquals("invalid proto: icmp", error("EXPOSE 80/icmp"));
        assertEquals("ENV names can not be blank", error("ENV =x"));
        assertEquals("Syntax error - can't find = in \"b\". Must be of the form: name=value", error("LABEL a=1 b"));
        assertEquals("unexpected end of statement while looking for matching double-quote", error("ENV A=\"x"));
    }
}
