package io.wharf.gateway.e2e;

import static io.wharf.gateway.e2e.DockerCli.docker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HostConfig resource limits as the container sees them in its own cgroup, and dockerd's checks. */
class ContainerLimitsIT {

    @BeforeAll
    static void image() throws Exception {
        TestImages.ensureBusybox();
    }

    private static String run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "run";
        all[1] = "--rm";
        System.arraycopy(args, 0, all, 2, args.length);
        return docker(all).assertOk().trimmed();
    }

    @Test
    void memoryLimitIsTheCgroupLimit() {
        assertEquals("67108864", run("-m", "64m", "busybox", "cat", "/sys/fs/cgroup/memory/memory.limit_in_bytes"));
        assertEquals("33554432", run("--memory-reservation", "32m", "busybox", "cat",
                "/sys/fs/cgroup/memory/memory.soft_limit_in_bytes"));
    }

    @Test
    void cpusBecomeACfsQuotaOverADefaultPeriod() {
        assertEquals("50000 100000", run("--cpus", "0.5", "busybox", "sh", "-c",
                "echo $(cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us) $(cat /sys/fs/cgroup/cpu/cpu.cfs_period_us)"));
        assertEquals("512", run("--cpu-shares", "512", "busybox", "cat", "/sys/fs/cgroup/cpu/cpu.shares"));
        assertEquals("0", run("--cpuset-cpus", "0", "busybox", "cat", "/sys/fs/cgroup/cpuset/cpuset.cpus"));
    }

    @Test
    void pidsLimitUlimitsAndShmSize() {
        assertEquals("20", run("--pids-limit", "20", "busybox", "cat", "/sys/fs/cgroup/pids/pids.max"));
        assertEquals("512", run("--ulimit", "nofile=512:512", "busybox", "sh", "-c", "ulimit -n"));
        assertTrue(run("--shm-size", "8m", "busybox", "df", "-k", "/dev/shm").contains(" 8192 "));
    }

    @Test
    void inspectEchoesTheLimitsWithDockersDefaults() {
        String id = docker("create", "-m", "64m", "--cpus", "1.5", "--pids-limit", "7", "--oom-kill-disable",
                "busybox", "true").assertOk().trimmed();
        try {
            String shown = docker("inspect", "-f",
                    "{{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.NanoCpus}} "
                            + "{{.HostConfig.PidsLimit}} {{.HostConfig.OomKillDisable}} {{.HostConfig.ShmSize}}",
                    id).assertOk().trimmed();
            assertEquals("67108864 134217728 1500000000 7 true 67108864", shown);
        } finally {
            docker("rm", "-f", id);
        }
    }

    @Test
    void badLimitsAreRefusedLikeDockerd() {
        DockerCli.Result tiny = docker("run", "--rm", "-m", "1k", "busybox", "true");
        assertNotEquals(0, tiny.exitCode());
        assertTrue(tiny.err().contains("Minimum memory limit allowed is 6MB"), tiny.err());
        DockerCli.Result swap = docker("run", "--rm", "-m", "64m", "--memory-swap", "32m", "busybox", "true");
        assertTrue(swap.err().contains("Minimum memoryswap limit should be larger than memory limit"), swap.err());
        DockerCli.Result cpus = docker("run", "--rm", "--cpus", "1000", "busybox", "true");
        assertTrue(cpus.err().contains("Range of CPUs is from 0.01 to"), cpus.err());
        DockerCli.Result ulimit = docker("run", "--rm", "--ulimit", "nofile=1:100000000", "busybox", "true");
        assertNotEquals(0, ulimit.exitCode());
        assertTrue(ulimit.err().contains("exceeds the host's hard limit"), ulimit.err());
    }
}
