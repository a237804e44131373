package io.wharf.volume.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One volume: its name, driver, labels and options as created. */
@Entity
@Table(name = "volumes")
public class VolumeEntity {
    @Id
    @Column(length = 255)
    public String name;

    @Column(nullable = false, length = 255)
    public String driver;

    @Column(nullable = false)
    public Instant createdAt;

    /** Labels as a JSON object. */
    @Column(nullable = false, length = 65_536)
    public String labelsJson;

    /** Driver options as a JSON object. */
    @Column(nullable = false, length = 65_536)
    public String optionsJson;

    /** Created for a container without a name (-v /path, VOLUME): removed by rm -v, --rm, prune. */
    public boolean anonymous;

    /** {@code local} or {@code global} (a plugin's capability). */
    @Column(nullable = false, length = 16)
    public String scope;

    /** Where the volume is on the host (a plugin's Path answer; the _data directory for local). */
    @Column(length = 4_096)
    public String mountpoint;
}
