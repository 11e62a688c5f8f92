package org.govpaas.catalog;

import java.util.regex.Pattern;

/**
 * The Maven coordinates of an app's executable jar, as {@code groupId:artifactId:version}.
 *
 * <p>Every part is restricted to letters, digits, {@code _ - .} (no leading dot), because
 * {@link #toRepositoryPath()} becomes a file path the local runtime runs: {@code ..} or a slash
 * must never get there.
 */
public record MavenCoordinates(String groupId, String artifactId, String version) {

    private static final Pattern GROUP = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");

    /** @throws IllegalArgumentException when a part is empty or holds other characters */
    public MavenCoordinates {
        if (groupId == null || !GROUP.matcher(groupId).matches()) {
            throw new IllegalArgumentException("groupId is not valid: " + groupId);
        }
        if (artifactId == null || !NAME.matcher(artifactId).matches()) {
            throw new IllegalArgumentException("artifactId is not valid: " + artifactId);
        }
        if (version == null || !NAME.matcher(version).matches()) {
            throw new IllegalArgumentException("version is not valid: " + version);
        }
    }

    /**
     * Parses {@code groupId:artifactId:version}.
     *
     * @throws IllegalArgumentException when it has not exactly three valid parts
     */
    public static MavenCoordinates parse(String coordinates) {
        String[] parts = coordinates.split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("must be groupId:artifactId:version");
        }
        return new MavenCoordinates(parts[0], parts[1], parts[2]);
    }

    /** The jar's path inside a Maven repository, e.g. {@code org/govpaas/apps/x/1.0/x-1.0.jar}. */
    public String toRepositoryPath() {
        return groupId.replace('.', '/') + '/' + artifactId + '/' + version + '/'
                + artifactId + '-' + version + ".jar";
    }

    @Override
    public String toString() {
        return groupId + ':' + artifactId + ':' + version;
    }
}
