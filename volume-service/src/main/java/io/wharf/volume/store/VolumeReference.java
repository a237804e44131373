package io.wharf.volume.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A container that uses a volume: while one exists, the volume cannot be removed. */
@Entity
@Table(name = "volume_references", indexes = {@Index(columnList = "volumeName"), @Index(columnList = "containerId")})
public class VolumeReference {
    /** {@code <containerId>/<volumeName>}. */
    @Id
    @Column(length = 400)
    public String id;

    @Column(nullable = false, length = 255)
    public String volumeName;

    @Column(nullable = false, length = 64)
    public String containerId;

    public static VolumeReference of(String containerId, String volumeName) {
        VolumeReference r = new VolumeReference();
        r.id = containerId + "/" + volumeName;
        r.containerId = containerId;
        r.volumeName = volumeName;
        return r;
    }
}
