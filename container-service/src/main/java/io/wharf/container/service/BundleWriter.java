package io.wharf.container.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wharf.common.error.WharfException;
import io.wharf.container.config.WharfConfig;
import io.wharf.container.service.mount.ContainerMounts;
import io.wharf.container.domain.ConfigMerger;
import io.wharf.container.service.network.NetworkBundle;
import io.wharf.container.store.ContainerEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Writes a container's OCI bundle (config.json) and its /etc files into its directory. */
@ApplicationScoped
public class BundleWriter {
    static final long DEFAULT_SHM = 64L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String cgroupParent;
    private final HostConfigSpec hostConfigSpec;
    private final ContainerMounts mounts;
    @jakarta.inject.Inject
    NetworkBundle networkBundle;

    public BundleWriter(WharfConfig config, HostConfigSpec hostConfigSpec, ContainerMounts mounts) {
        this.mounts = mounts;
        this.cgroupParent = config.runtime().cgroupParent();
        this.hostConfigSpec = hostConfigSpec;
    }

    /** Writes the bundle for a container whose rootfs is mounted at {@code rootfs}; returns the spec. */
    public ObjectNode write(ContainerEntity c, Path dir, Path rootfs) {
        try {
            JsonNode config = JSON.readTree(c.configJson);
            JsonNode hostConfig = JSON.readTree(c.hostConfigJson);
            String hostname = config.path("Hostname").asText();
            EtcFiles.write(dir, hostname, config.path("Domainname").asText(""));
            UserResolver.Ids ids = UserResolver.resolve(config.path("User").asText(""), rootfs);
            String cwd = config.path("WorkingDir").asText("");
            if (cwd.isEmpty()) {
                cwd = "/";
            }
            makeWorkingDir(rootfs, cwd);
            long shm = hostConfig.path("ShmSize").asLong(0);
            OciSpecFactory.Input input = new OciSpecFactory.Input(hostname, rootfs,
                    hostConfig.path("ReadonlyRootfs").asBoolean(false), ConfigMerger.command(config),
                    ConfigMerger.processEnv(config), cwd, ids.uid(), ids.gid(), ids.additionalGids(),
                    config.path("Tty").asBoolean(false), dir.resolve("hostname"), dir.resolve("hosts"),
                    dir.resolve("resolv.conf"), "/" + cgroupParent + "/" + c.id, shm > 0 ? shm : DEFAULT_SHM);
            ObjectNode spec = OciSpecFactory.build(input);
            hostConfigSpec.apply(spec, hostConfig, rootfs);
            mounts.apply(c, spec, rootfs);
            networkBundle.apply(c, spec, dir);
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("config.json").toFile(), spec);
            return spec;
        } catch (IOException e) {
            throw WharfException.system("cannot write the bundle of " + c.id + ": " + e.getMessage(), e);
        }
    }

    /** Docker creates a missing working directory; never through a symbolic link (it could leave the rootfs). */
    static void makeWorkingDir(Path rootfs, String cwd) throws IOException {
        Path current = rootfs;
        for (Path part : Path.of("/").relativize(Path.of(cwd).normalize())) {
            if (part.toString().equals("..")) {
                return;
            }
            current = current.resolve(part);
            if (Files.isSymbolicLink(current)) {
                return; // runc resolves it inside the container
            }
            if (!Files.exists(current, LinkOption.NOFOLLOW_LINKS)) {
                Files.createDirectory(current);
            }
        }
    }
}
