package io.wharf.image.domain;

import io.wharf.common.error.WharfException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * A normalised image reference ({@code docker.io/library/busybox:latest}), parsed the way
 * distribution/reference's {@code ParseNormalizedNamed} does, with Docker's error messages.
 */
public final class Reference {
    public static final String DEFAULT_DOMAIN = "docker.io";
    public static final String DEFAULT_TAG = "latest";
    private static final String LEGACY_DOMAIN = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final String INVALID = "invalid reference format";

    private final String domain;
    private final String path;
    private final String tag;
    private final String digest;

    private Reference(String domain, String path, String tag, String digest) {
        this.domain = domain;
        this.path = path;
        this.tag = tag;
        this.digest = digest;
    }

    /** Parses a reference as a user would type it; throws 400 with Docker's message when invalid. */
    public static Reference parse(String input) {
        if (input == null || input.isEmpty()) {
            throw WharfException.invalid(INVALID + ": repository name must have at least one component");
        }
        if (ReferencePatterns.IDENTIFIER.matcher(input).matches()) {
            throw WharfException.invalid("invalid repository name (" + input
                    + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(input);
        String remainder = split[1];
        int tagSep = remainder.indexOf(':');
        String remote = tagSep > -1 ? remainder.substring(0, tagSep) : remainder;
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw WharfException.invalid(INVALID + ": repository name (" + remote + ") must be lowercase");
        }
        return parseCanonicalForm(split[0] + "/" + remainder);
    }

    /**
     * The reference a {@code repo} and {@code tag} query pair names (moby's RepoTagReference): null when
     * repo is empty; the tag parameter replaces a tag in repo; {@code latest} when neither gives one.
     */
    public static Reference repoTag(String repo, String tag) {
        if (repo == null || repo.isEmpty()) {
            return null;
        }
        Reference ref = parse(repo);
        if (ref.hasDigest()) {
            throw WharfException.invalid("cannot import digest reference");
        }
        if (tag != null && !tag.isEmpty()) {
            return ref.withTag(tag);
        }
        return ref.withDefaultTag();
    }

    /** distribution/reference's {@code Parse} on an already domain-qualified string. */
    private static Reference parseCanonicalForm(String s) {
        Matcher m = ReferencePatterns.REFERENCE.matcher(s);
        if (!m.matches()) {
            if (ReferencePatterns.REFERENCE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
                throw WharfException.invalid(INVALID + ": repository name must be lowercase");
            }
            throw WharfException.invalid(INVALID);
        }
        String name = m.group(1);
        if (name.length() > ReferencePatterns.NAME_TOTAL_LENGTH_MAX) {
            throw WharfException.invalid(INVALID + ": repository name must not be more than "
                    + ReferencePatterns.NAME_TOTAL_LENGTH_MAX + " characters");
        }
        Matcher nm = ReferencePatterns.ANCHORED_NAME.matcher(name);
        if (!nm.matches()) {
            throw WharfException.invalid(INVALID);
        }
        String digest = m.group(3);
        if (digest != null) {
            digest = validateDigest(digest);
        }
        return new Reference(nm.group(1) == null ? "" : nm.group(1), nm.group(2), m.group(2), digest);
    }

    private static String validateDigest(String digest) {
        int colon = digest.indexOf(':');
        String algorithm = digest.substring(0, colon);
        String hex = digest.substring(colon + 1);
        if (!algorithm.equals("sha256")) {
            throw WharfException.invalid("unsupported digest algorithm");
        }
        if (hex.length() != 64) {
            throw WharfException.invalid("invalid checksum digest length");
        }
        if (!Digest.isHex64(hex)) {
            throw WharfException.invalid("invalid checksum digest format");
        }
        return digest;
    }

    private static String[] splitDockerDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[] {DEFAULT_DOMAIN, OFFICIAL_PREFIX + name};
        }
        String maybeDomain = name.substring(0, slash);
        String maybeRemote = name.substring(slash + 1);
        String domain;
        String remote;
        if (maybeDomain.equals("localhost")) {
            domain = maybeDomain;
            remote = maybeRemote;
        } else if (maybeDomain.equals(LEGACY_DOMAIN)) {
            domain = DEFAULT_DOMAIN;
            remote = maybeRemote;
        } else if (maybeDomain.contains(".") || maybeDomain.contains(":")) {
            domain = maybeDomain;
            remote = maybeRemote;
        } else if (!maybeDomain.toLowerCase(Locale.ROOT).equals(maybeDomain)) {
            domain = maybeDomain;
            remote = maybeRemote;
        } else {
            domain = DEFAULT_DOMAIN;
            remote = name;
        }
        if (domain.equals(DEFAULT_DOMAIN) && remote.indexOf('/') < 0) {
            remote = OFFICIAL_PREFIX + remote;
        }
        return new String[] {domain, remote};
    }

    /** Docker's {@code TagNameOnly}: adds {@code :latest} when there is neither tag nor digest. */
    public Reference withDefaultTag() {
        return tag == null && digest == null ? new Reference(domain, path, DEFAULT_TAG, null) : this;
    }

    /** This repository with the given tag (replacing any tag and dropping any digest). */
    public Reference withTag(String newTag) {
        if (newTag == null || !ReferencePatterns.ANCHORED_TAG.matcher(newTag).matches()) {
            throw WharfException.invalid("invalid tag format");
        }
        return new Reference(domain, path, newTag, null);
    }

    /** This repository with the given digest and no tag. */
    public Reference withDigest(Digest newDigest) {
        return new Reference(domain, path, null, newDigest.toString());
    }

    /** The repository name without tag or digest: {@code docker.io/library/busybox}. */
    public String name() {
        return domain.isEmpty() ? path : domain + "/" + path;
    }

    public String domain() {
        return domain;
    }

    public String path() {
        return path;
    }

    /** The tag, or null. */
    public String tag() {
        return tag;
    }

    /** The digest ({@code sha256:...}), or null. */
    public String digest() {
        return digest;
    }

    public boolean hasDigest() {
        return digest != null;
    }

    /** The repository name as Docker shows it: {@code busybox}, {@code user/app}, {@code localhost:5000/x}. */
    public String familiarName() {
        if (!domain.equals(DEFAULT_DOMAIN)) {
            return name();
        }
        if (path.startsWith(OFFICIAL_PREFIX)) {
            String rest = path.substring(OFFICIAL_PREFIX.length());
            if (rest.indexOf('/') < 0) {
                return rest;
            }
        }
        return path;
    }

    /** The reference as Docker shows it in RepoTags and RepoDigests: {@code busybox:latest}. */
    public String familiar() {
        return decorate(familiarName());
    }

    private String decorate(String repository) {
        StringBuilder out = new StringBuilder(repository);
        if (tag != null) {
            out.append(':').append(tag);
        }
        if (digest != null) {
            out.append('@').append(digest);
        }
        return out.toString();
    }

    /** The fully qualified form: {@code docker.io/library/busybox:latest}. */
    @Override
    public String toString() {
        return decorate(name());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reference r && toString().equals(r.toString());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toString());
    }
}
