package org.commentarywatch.search.service;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The webhook signature: {@code X-Commentary-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + body)>},
 * as Stripe does it. The timestamp is signed with the body so that a captured call cannot be replayed later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Commentary-Signature";

    private WebhookSignature() {
    }

    public static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    /** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
    public static boolean verify(String secret, String header, String body, long nowUnixSeconds, Duration tolerance) {
        Optional<String> t = part(header, "t");
        Optional<String> v1 = part(header, "v1");
        if (t.isEmpty() || v1.isEmpty()) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(t.get());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(nowUnixSeconds - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(secret, timestamp + "." + body).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, v1.get().getBytes(StandardCharsets.US_ASCII));
    }

    static String hmac(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static Optional<String> part(String header, String name) {
        if (header == null) {
            return Optional.empty();
        }
        for (String piece : header.split(",")) {
            int eq = piece.indexOf('=');
            if (eq > 0 && piece.substring(0, eq).trim().equals(name)) {
                return Optional.of(piece.substring(eq + 1).trim());
            }
        }
        return Optional.empty();
    }
}
