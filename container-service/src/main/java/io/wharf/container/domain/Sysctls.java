package io.wharf.container.domain;

import io.wharf.common.error.WharfException;
import java.util.Set;

/** moby's sysctl allow list: only the ones that belong to the container's own namespaces. */
public final class Sysctls {
    private static final Set<String> IPC = Set.of("kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem",
            "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced");

    private Sysctls() {
    }

    public static void check(String key, boolean hostIpc, boolean hostNetwork) {
        if (IPC.contains(key) || key.startsWith("fs.mqueue.")) {
            if (hostIpc) {
                throw WharfException.invalid("sysctl '" + key + "' not allowed with host ipc namespace");
            }
            return;
        }
        if (key.startsWith("net.")) {
            if (hostNetwork) {
                throw WharfException.invalid("sysctl '" + key + "' not allowed in host network namespace");
            }
            return;
        }
        throw WharfException.invalid("sysctl '" + key + "' is not whitelisted");
    }
}
