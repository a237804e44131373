package io.wharf.container.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CgroupV1OomCounterTest {

    @Test
    void readsTheOomKillCounterOfTheContainersMemoryCgroup(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("memory/parent/abc"));
        Files.writeString(dir.resolve("memory.oom_control"), "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");
        CgroupV1OomCounter counter = new CgroupV1OomCounter(root);
        assertEquals(2, counter.oomKills("/parent/abc"));
        assertEquals(0, counter.oomKills("/parent/gone"));
        assertEquals(0, CgroupV1OomCounter.parse("oom_kill_disable 0\nunder_oom 0\n"));
    }
}
