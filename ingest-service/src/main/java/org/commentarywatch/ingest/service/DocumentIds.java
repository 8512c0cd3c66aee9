package org.commentarywatch.ingest.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Stable document ids: the Kafka key and the Elasticsearch id downstream, so that submitting a piece again
 * overwrites it instead of duplicating it.
 */
public final class DocumentIds {

    private static final int LENGTH = 32;

    private DocumentIds() {
    }

    /**
     * From the canonical URL when there is one (the page stays the same piece when its text is edited), else from
     * the normalized text. The hashed string names its kind so that a text can never collide with a URL.
     *
     * @param canonicalUrl as returned by {@link UrlCanonicalizer#canonicalize(String)}
     */
    public static String of(Optional<String> canonicalUrl, String text) {
        return canonicalUrl.map(url -> sha256("url:" + url))
                .orElseGet(() -> sha256("text:" + TextNormalizer.normalize(text)));
    }

    /**
     * What identifies a text whatever URL it came under: the id it has without a URL. Two documents with the same
     * fingerprint are exact duplicates up to case, Unicode form and whitespace.
     */
    public static String fingerprint(String text) {
        return of(Optional.empty(), text);
    }

    private static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
