package io.wharf.container.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommitServiceTest {

    @Test
    void requestFieldsOverrideTheContainersConfigOnlyWhenSet() {
        String container = "{\"Cmd\":[\"sh\"],\"Env\":[\"A=1\"],\"User\":\"\",\"Tty\":false}";
        assertEquals(container, CommitService.mergedConfig(container, null));
        assertEquals(container, CommitService.mergedConfig(container, "null"));
        assertEquals(container, CommitService.mergedConfig(container, "{\"Cmd\":null,\"Env\":[],\"User\":\"\"}"));
        assertEquals("{\"Cmd\":[\"top\"],\"Env\":[\"A=1\"],\"User\":\"nobody\",\"Tty\":false}",
                CommitService.mergedConfig(container, "{\"Cmd\":[\"top\"],\"User\":\"nobody\"}"));
    }

    @Test
    void imageRefsAreFamiliar() {
        assertEquals("busybox", CommitService.familiar("docker.io/library/busybox"));
        assertEquals("me/app", CommitService.familiar("docker.io/me/app"));
        assertEquals("localhost:5000/app", CommitService.familiar("localhost:5000/app"));
    }
}
