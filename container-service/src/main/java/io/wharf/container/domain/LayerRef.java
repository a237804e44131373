package io.wharf.container.domain;

/** One layer of an image as image-service describes it (bottom layer first in a list). */
public record LayerRef(String digest, String diffId, String mediaType, long size) {

    public boolean gzipped() {
        return mediaType != null && (mediaType.endsWith("gzip") || mediaType.endsWith("+gzip"));
    }

    /** The hex part of the diff id: the snapshot's directory name. */
    public String diffIdHex() {
        return hex(diffId);
    }

    public static String hex(String digest) {
        int colon = digest.indexOf(':');
        return colon < 0 ? digest : digest.substring(colon + 1);
    }
}
