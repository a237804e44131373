package io.wharf.container.domain.mount;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mount of a container, as moby's {@code MountPoint}: a bind of a host path, a volume (named or
 * anonymous, any driver) or a tmpfs. Stored with the container (JSON) and shown in inspect's Mounts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class MountPoint {
    public static final String BIND = "bind";
    public static final String VOLUME = "volume";
    public static final String TMPFS = "tmpfs";

    public String type;
    /** Volume name ("" until an anonymous volume is created). */
    public String name = "";
    /** Host path (bind), the volume's mountpoint (volume), "" (tmpfs). */
    public String source = "";
    public String destination;
    /** Volume driver ("" for the default until resolved). */
    public String driver = "";
    /** The mode as given ({@code ro}, {@code ro,Z}, ...). */
    public String mode = "";
    public boolean rw = true;
    public String propagation = "";
    /** Fill a new volume with the image's content at the destination (not for nocopy). */
    public boolean copyData;
    /** -v binds create a missing host path; --mount refuses it at create. */
    public boolean createSource;
    public Map<String, String> driverOpts = new LinkedHashMap<>();
    public Map<String, String> labels = new LinkedHashMap<>();
    /** The volume's local-driver options as volume-service answered them (type, o, device). */
    public Map<String, String> volumeOptions = new LinkedHashMap<>();
    /** tmpfs mount data ({@code size=64m,mode=1770}). */
    public String tmpfsData = "";

    public boolean isVolume() {
        return VOLUME.equals(type);
    }

    public MountPoint copy() {
        MountPoint m = new MountPoint();
        m.type = type;
        m.name = name;
        m.source = source;
        m.destination = destination;
        m.driver = driver;
        m.mode = mode;
        m.rw = rw;
        m.propagation = propagation;
        m.copyData = copyData;
        m.createSource = createSource;
        m.driverOpts = new LinkedHashMap<>(driverOpts);
        m.labels = new LinkedHashMap<>(labels);
        m.volumeOptions = new LinkedHashMap<>(volumeOptions);
        m.tmpfsData = tmpfsData;
        return m;
    }
}
