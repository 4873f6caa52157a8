package org.civictaskforce.systemtests.compose;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference, {@code [registry/]repository[:tag][@digest]}, and the one rule every image in the
 * deployment files follows: it is pinned to an exact version (or a digest), so that the same file starts the
 * same software next month.
 */
record ImageReference(String repository, String tag, String digest) {

    /** An exact release: at least major.minor.patch somewhere in the tag (4.1.2, v1.30.5, 17.0.20_8-jre-noble). */
    private static final Pattern EXACT_VERSION = Pattern.compile("\\d+\\.\\d+\\.\\d+");

    static ImageReference parse(String reference) {
        String rest = reference.trim();
        String digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /** What is wrong with this reference as a pinned image, or empty if it is pinned. */
    static Optional<String> pinningProblem(String reference) {
        if (reference.contains("$")) {
            return Optional.of("'" + reference + "' is built from a variable: write the exact version into the file");
        }
        ImageReference image = parse(reference);
        if (image.digest() != null && image.digest().startsWith("sha256:")) {
            return Optional.empty();
        }
        if (image.tag() == null || image.tag().isEmpty()) {
            return Optional.of("'" + reference + "' has no tag, which means 'latest': pin an exact version such as " + image.repository() + ":1.2.3");
        }
        if (image.tag().equalsIgnoreCase("latest")) {
            return Optional.of("'" + reference + "' uses the moving tag 'latest': pin an exact version");
        }
        if (!EXACT_VERSION.matcher(image.tag()).find()) {
            return Optional.of("'" + reference + "' uses the tag '" + image.tag() + "', which moves with new releases: pin an exact major.minor.patch version (or a digest)");
        }
        return Optional.empty();
    }
}
