package io.wharf.container.runtime;

import io.wharf.common.error.WharfException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts an unpacked layer's Docker/OCI whiteouts ({@code .wh.<name>} and {@code .wh..wh..opq})
 * into overlayfs whiteouts, in place.
 */
public final class WhiteoutConverter {
    static final String PREFIX = ".wh.";
    static final String OPAQUE = ".wh..wh..opq";

    private final WhiteoutOps ops;

    public WhiteoutConverter(WhiteoutOps ops) {
        this.ops = ops;
    }

    /** Returns how many markers were converted. */
    public int convert(Path layerRoot) {
        List<Path> markers = new ArrayList<>();
        try {
            Files.walkFileTree(layerRoot, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (file.getFileName().toString().startsWith(PREFIX)) {
                        markers.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
            for (Path marker : markers) {
                String name = marker.getFileName().toString();
                Path dir = marker.getParent();
                Files.delete(marker);
                if (name.equals(OPAQUE)) {
                    ops.markOpaque(dir);
                } else {
                    Path hidden = dir.resolve(name.substring(PREFIX.length()));
                    ops.makeWhiteout(hidden);
                }
            }
        } catch (IOException e) {
            throw WharfException.system("cannot convert whiteouts in " + layerRoot + ": " + e.getMessage(), e);
        }
        return markers.size();
    }
}
