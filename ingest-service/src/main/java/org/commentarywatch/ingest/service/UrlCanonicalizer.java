package org.commentarywatch.ingest.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One spelling per page, so that the same piece reached through a campaign link, with a fragment or with its
 * parameters in another order still gets the same id.
 */
public final class UrlCanonicalizer {

    private static final Set<String> TRACKING_PARAMETERS = Set.of("fbclid", "gclid", "mc_cid", "mc_eid");

    private static final Comparator<String[]> BY_NAME_THEN_VALUE = Comparator
            .<String[], String>comparing(p -> p[0]).thenComparing(p -> p.length > 1 ? p[1] : "");

    private UrlCanonicalizer() {
    }

    /**
     * Lowercased scheme and host, default port dropped, dot segments resolved, fragment and tracking parameters
     * removed, remaining parameters sorted, trailing slash dropped except for the root.
     *
     * @throws InvalidDocumentException if it is not an absolute http or https URL with a host
     */
    public static String canonicalize(String url) {
        URI uri = parse(url.trim());
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("url must be an http or https URL: " + url);
        }
        if (uri.getHost() == null) {
            throw invalid("url has no host: " + url);
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in a URL would be published to Kafka and indexed: refuse rather than leak them.
            throw invalid("url must not contain a user name or password");
        }
        StringBuilder canonical = new StringBuilder(scheme).append("://")
                .append(uri.getHost().toLowerCase(Locale.ROOT));
        int port = uri.getPort();
        if (port != -1 && port != defaultPort(scheme)) {
            canonical.append(':').append(port);
        }
        canonical.append(path(uri));
        String query = query(uri.getRawQuery());
        if (!query.isEmpty()) {
            canonical.append('?').append(query);
        }
        return canonical.toString();
    }

    private static URI parse(String url) {
        try {
            return new URI(url).normalize();
        } catch (URISyntaxException e) {
            throw invalid("url is not a valid URL (" + e.getReason() + "): " + url);
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static String path(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path;
    }

    private static String query(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> kept = Arrays.stream(rawQuery.split("&"))
                .filter(p -> !p.isEmpty())
                .map(p -> p.split("=", 2))
                .filter(p -> !isTracking(p[0]))
                .sorted(BY_NAME_THEN_VALUE)
                .toList();
        return kept.stream().map(p -> String.join("=", p)).collect(Collectors.joining("&"));
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING_PARAMETERS.contains(lower);
    }

    private static InvalidDocumentException invalid(String message) {
        return new InvalidDocumentException("invalid_url", message);
    }
}
