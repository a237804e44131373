package io.wharf.container.store;

import io.wharf.container.domain.ContainerState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One container on this host: its immutable configuration (as JSON, echoed by inspect) and its
 * mutable state.
 */
@Entity
@Table(name = "containers")
public class ContainerEntity {
    @Id
    @Column(length = 64)
    public String id;

    /** Without the leading slash. */
    @Column(nullable = false, unique = true, length = 256)
    public String name;

    /** The image reference as the user gave it. */
    @Column(nullable = false, length = 512)
    public String imageRef;

    /** The image's id: {@code sha256:<hex>}. */
    @Column(nullable = false, length = 80)
    public String imageId;

    /** Snapshot diff ids (hex), bottom layer first, joined by commas. */
    @Column(nullable = false, length = 16_384)
    public String layers;

    @Column(nullable = false)
    public Instant created;

    /** The merged Config, as inspect shows it. */
    @Column(nullable = false, length = 1_048_576)
    public String configJson;

    @Column(nullable = false, length = 1_048_576)
    public String hostConfigJson;

    @Column(length = 1_048_576)
    public String networkingConfigJson;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ContainerState state;

    public int pid;

    public int exitCode;

    @Column(length = 4_096)
    public String error;

    public Instant startedAt;

    public Instant finishedAt;

    public int restartCount;

    public boolean autoRemove;

    /** Stopped or killed through the API since its last start (moby's HasBeenManuallyStopped); null before. */
    public Boolean manuallyStopped;

    public boolean tty;

    /** Frozen (docker pause); only meaningful while RUNNING. */
    public boolean paused;

    /** State.Health as JSON; null when the container has no health check. */
    @Column(length = 65_536)
    public String healthJson;

    /** The container's mounts (binds, volumes, tmpfs) as JSON: see {@code domain.mount.MountPoint}. */
    @Column(length = 1_048_576)
    public String mountsJson;

    /** The last exit was the OOM killer's (a wrapper: rows from before this column read as false). */
    public Boolean oomKilled;

    /** NetworkSettings.Networks with what the agent plumbed (see service.network.NetworkStateStore). */
    @Column(length = 1_048_576)
    public String networksJson;

    /** NetworkSettings.Ports: published ports with the host ports chosen at start. */
    @Column(length = 65_536)
    public String portsJson;
}
