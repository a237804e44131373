package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.domain.Capabilities;
import io.wharf.container.domain.ConfigMerger;
import io.wharf.container.domain.LogConfigs;
import io.wharf.container.domain.NamespaceModes;
import io.wharf.container.domain.ResourceLimits;
import io.wharf.container.domain.SeccompProfiles;
import io.wharf.container.domain.SecurityOptions;
import io.wharf.container.domain.Sysctls;
import io.wharf.container.runtime.HostResources;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Path;
import java.util.Map;

/** At create: moby's HostConfig defaults and checks, so a bad request is a 400 before anything exists. */
@ApplicationScoped
public class HostConfigChecks {
    private final HostResources host;

    public HostConfigChecks(HostResources host) {
        this.host = host;
    }

    public ResourceLimits.Host limits() {
        return new ResourceLimits.Host(host.cpus(), host.cpusetCpus(), host.cpusetMems(), host.hardLimits());
    }

    /** Adapts {@code hc} in place (defaults inspect shows), then rejects what dockerd rejects. */
    public void check(ObjectNode hc) {
        ResourceLimits.adapt(hc);
        ResourceLimits.validate(hc, limits());
        LogConfigs.adapt(hc);
        LogConfigs.validate(hc);
        var supported = Capabilities.supported(host.capLastCap(), host.boundingSet());
        var caps = Capabilities.effective(ConfigMerger.strings(hc.get("CapAdd")),
                ConfigMerger.strings(hc.get("CapDrop")), hc.path("Privileged").asBoolean(false), supported);
        SecurityOptions sec = SecurityOptions.parse(ConfigMerger.strings(hc.get("SecurityOpt")));
        if (sec.seccomp() != null && !sec.seccomp().equals(SecurityOptions.UNCONFINED)
                && !sec.seccomp().equals("builtin")) {
            SeccompProfiles.fromDocker(sec.seccomp(), caps, SeccompProfiles.goArch());
        }
        NamespaceModes ipc = NamespaceModes.parse("ipc", hc.path("IpcMode").asText(""), true);
        NamespaceModes.parse("pid", hc.path("PidMode").asText(""), false);
        NamespaceModes.parse("uts", hc.path("UTSMode").asText(""), false);
        boolean hostNet = hc.path("NetworkMode").asText("").equals("host");
        for (Map.Entry<String, JsonNode> s : hc.path("Sysctls").properties()) {
            Sysctls.check(s.getKey(), ipc.host(), hostNet);
        }
        for (Map.Entry<String, JsonNode> t : hc.path("Tmpfs").properties()) {
            if (!t.getKey().startsWith("/")) {
                throw WharfException.invalid("invalid mount config for type \"tmpfs\": invalid mount path: '"
                        + t.getKey() + "' mount path must be absolute");
            }
        }
        for (JsonNode d : hc.path("Devices")) {
            String onHost = d.path("PathOnHost").asText("");
            if (host.device(Path.of(onHost)).isEmpty()) {
                throw WharfException.invalid("error gathering device information while adding custom device \""
                        + onHost + "\": no such file or directory");
            }
        }
    }
}
