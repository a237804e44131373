package io.wharf.container.domain.mount;

import com.fasterxml.jackson.databind.JsonNode;
import io.wharf.common.error.WharfException;
import java.util.function.Predicate;

/** moby's Linux mount parser: {@code -v} specs (HostConfig.Binds) and {@code --mount} objects (HostConfig.Mounts). */
public final class MountParser {

    /** {@code --volumes-from c[:mode]}. */
    public record VolumesFrom(String container, String mode) {
    }

    private MountParser() {
    }

    /** {@code dst}, {@code src:dst}, {@code src:dst:mode}; a source not starting with / is a volume name. */
    public static MountPoint parseBind(String raw, String volumeDriver) {
        String[] arr = raw.split(":", -1);
        if (arr.length == 0 || arr[0].isEmpty() || arr.length > 3) {
            throw invalidSpec(raw);
        }
        String source = "";
        String target;
        String mode = "";
        switch (arr.length) {
            case 1 -> target = arr[0];
            case 2 -> {
                if (MountModes.valid(arr[1]) && !arr[1].startsWith("/")) {
                    throw invalidSpec(raw); // a destination with a mode is not a volume (/foo:rw)
                }
                source = arr[0];
                target = arr[1];
            }
            default -> {
                source = arr[0];
                target = arr[1];
                mode = arr[2];
            }
        }
        if (!MountModes.valid(mode)) {
            throw WharfException.invalid("invalid mode: " + mode);
        }
        if (target.isEmpty()) {
            throw invalidSpec(raw);
        }
        boolean bind = source.startsWith("/");
        String type = bind ? MountPoint.BIND : MountPoint.VOLUME;
        checkDestination(type, target);
        MountPoint m = new MountPoint();
        m.type = type;
        m.destination = clean(target);
        m.mode = mode;
        m.rw = MountModes.readWrite(mode);
        if (bind) {
            m.source = clean(source);
            String propagation = MountModes.propagation(mode);
            m.propagation = propagation.isEmpty() ? MountModes.DEFAULT_PROPAGATION : propagation;
            m.createSource = true;
        } else {
            if (!MountModes.propagation(mode).isEmpty()) {
                throw WharfException.invalid("invalid mode: " + mode);
            }
            m.name = source;
            m.driver = volumeDriver == null ? "" : volumeDriver;
            m.copyData = !MountModes.noCopy(mode);
            if (mode.isEmpty() && !source.isEmpty()) {
                m.mode = "z"; // what dockerd shows for -v name:/path
            }
        }
        return m;
    }

    /** One HostConfig.Mounts entry; {@code exists} tells whether a bind source exists on the host. */
    public static MountPoint parseMount(JsonNode spec, String volumeDriver, Predicate<String> exists) {
        String type = spec.path("Type").asText("");
        String source = spec.path("Source").asText("");
        String target = spec.path("Target").asText("");
        boolean readOnly = spec.path("ReadOnly").asBoolean(false);
        if (target.isEmpty()) {
            throw mountConfig(type, "field Target must not be empty");
        }
        checkDestination(type, target);
        MountPoint m = new MountPoint();
        m.type = type;
        m.destination = clean(target);
        m.rw = !readOnly;
        switch (type) {
            case MountPoint.BIND -> {
                if (spec.hasNonNull("VolumeOptions")) {
                    throw mountConfig(type, "field VolumeOptions must not be specified");
                }
                if (spec.hasNonNull("TmpfsOptions")) {
                    throw mountConfig(type, "field TmpfsOptions must not be specified");
                }
                if (source.isEmpty()) {
                    throw mountConfig(type, "field Source must not be empty");
                }
                if (!source.startsWith("/")) {
                    throw mountConfig(type, "invalid mount path: '" + source + "' mount path must be absolute");
                }
                boolean create = spec.path("BindOptions").path("CreateMountpoint").asBoolean(false);
                if (!create && !exists.test(source)) {
                    throw mountConfig(type, "bind source path does not exist: " + source);
                }
                String propagation = spec.path("BindOptions").path("Propagation").asText("");
                if (!propagation.isEmpty() && !MountModes.PROPAGATIONS.contains(propagation)) {
                    throw mountConfig(type, "invalid propagation mode: " + propagation);
                }
                m.source = clean(source);
                m.propagation = propagation.isEmpty() ? MountModes.DEFAULT_PROPAGATION : propagation;
                m.createSource = create;
            }
            case MountPoint.VOLUME -> {
                if (spec.hasNonNull("BindOptions")) {
                    throw mountConfig(type, "field BindOptions must not be specified");
                }
                if (spec.hasNonNull("TmpfsOptions")) {
                    throw mountConfig(type, "field TmpfsOptions must not be specified");
                }
                JsonNode options = spec.path("VolumeOptions");
                JsonNode driverConfig = options.path("DriverConfig");
                m.name = source;
                m.driver = driverConfig.path("Name").asText("");
                if (m.driver.isEmpty()) {
                    m.driver = volumeDriver == null ? "" : volumeDriver;
                }
                driverConfig.path("Options").properties().forEach(e -> m.driverOpts.put(e.getKey(), e.getValue().asText()));
                options.path("Labels").properties().forEach(e -> m.labels.put(e.getKey(), e.getValue().asText()));
                m.copyData = !options.path("NoCopy").asBoolean(false);
            }
            case MountPoint.TMPFS -> {
                if (!source.isEmpty()) {
                    throw mountConfig(type, "field Source must not be specified");
                }
                if (spec.hasNonNull("BindOptions")) {
                    throw mountConfig(type, "field BindOptions must not be specified");
                }
                if (spec.hasNonNull("VolumeOptions")) {
                    throw mountConfig(type, "field VolumeOptions must not be specified");
                }
                m.tmpfsData = tmpfsData(spec.path("TmpfsOptions"), readOnly);
            }
            default -> throw mountConfig(type, "mount type unknown");
        }
        return m;
    }

    /** moby's ConvertTmpfsOptions: {@code size=<n>[kmg]}, {@code mode=<octal>}, ro. */
    static String tmpfsData(JsonNode options, boolean readOnly) {
        StringBuilder sb = new StringBuilder();
        long size = options.path("SizeBytes").asLong(0);
        if (size < 0) {
            throw mountConfig(MountPoint.TMPFS, "invalid tmpfs size: " + size);
        }
        if (size > 0) {
            String suffix = "";
            for (String unit : new String[] {"k", "m", "g"}) {
                if (size % 1024 != 0) {
                    break;
                }
                size /= 1024;
                suffix = unit;
            }
            sb.append("size=").append(size).append(suffix);
        }
        long mode = options.path("Mode").asLong(0);
        if (mode != 0) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("mode=").append(Long.toOctalString(mode & 07777));
        }
        if (readOnly) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append("ro");
        }
        return sb.toString();
    }

    public static VolumesFrom parseVolumesFrom(String spec) {
        if (spec.isEmpty()) {
            throw WharfException.invalid("volumes-from specification cannot be an empty string");
        }
        int colon = spec.indexOf(':');
        String container = colon < 0 ? spec : spec.substring(0, colon);
        String mode = colon < 0 ? "" : spec.substring(colon + 1);
        if (!mode.isEmpty() && !mode.equals("ro") && !mode.equals("rw")) {
            if (!MountModes.valid(mode)) {
                throw WharfException.invalid("invalid mode for volumes-from: " + mode);
            }
        }
        return new VolumesFrom(container, mode);
    }

    private static void checkDestination(String type, String target) {
        if (!target.startsWith("/")) {
            throw mountConfig(type.isEmpty() ? MountPoint.VOLUME : type,
                    "invalid mount path: '" + target + "' mount path must be absolute");
        }
        if (clean(target).equals("/")) {
            throw WharfException.invalid("invalid specification: destination can't be '/'");
        }
    }

    /** Go's filepath.Clean for absolute paths. */
    public static String clean(String path) {
        java.nio.file.Path p = java.nio.file.Path.of(path).normalize();
        String s = p.toString();
        return s.isEmpty() ? "/" : s;
    }

    private static WharfException invalidSpec(String raw) {
        return WharfException.invalid("invalid volume specification: '" + raw + "'");
    }

    private static WharfException mountConfig(String type, String message) {
        return WharfException.invalid("invalid mount config for type \"" + type + "\": " + message);
    }
}
