package org.commentarywatch.search.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import org.jboss.logging.Logger;

import org.commentarywatch.search.config.CommentaryConfig;
import org.commentarywatch.search.model.WebhookTarget;

/**
 * Encrypts a rule's webhook secret and header values before the rule is stored in {@code commentary-rules}, and
 * decrypts them when it is read, so that whoever can read that index (Kibana users, snapshots) does not get
 * credentials. AES-256-GCM with a random 96-bit nonce per value; the rule id is the associated data, so a value
 * copied onto another rule does not decrypt. Stored as {@value #PREFIX}{@code <base64(nonce + ciphertext + tag)>}.
 * Values without the prefix (stored before encryption existed) are read as they are and encrypted on the next save.
 */
@ApplicationScoped
@Startup   // a malformed key stops the start rather than the first rule write
public class WebhookSecrets {

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKeySpec key;

    @Inject
    public WebhookSecrets(CommentaryConfig config) {
        this(config.webhooks().secretKey(), config.webhooks().secretKeyFile());
    }

    WebhookSecrets(Optional<String> configuredKey, Path keyFile) {
        this.key = new SecretKeySpec(configuredKey.map(WebhookSecrets::decodeConfigured).orElseGet(() -> fromFile(keyFile)),
                "AES");
    }

    private static byte[] decodeConfigured(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("commentary.webhooks.secret-key is not base64: " + e.getMessage());
        }
        if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
            throw new IllegalStateException("commentary.webhooks.secret-key must be 16, 24 or 32 bytes (base64), was "
                    + bytes.length + " bytes; e.g. openssl rand -base64 32");
        }
        return bytes;
    }

    /** The key kept in a file next to the installation; created on first use so that a bare start still encrypts. */
    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                LOG.warnf("commentary.webhooks.secret-key is not set: webhook secrets are encrypted with the key in %s."
                        + " Keep that file with the data (stored secrets cannot be read without it) or set the key.",
                        file.toAbsolutePath());
                return decodeConfigured(Files.readString(file, StandardCharsets.US_ASCII));
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                LOG.debugf("Cannot restrict the permissions of %s on this file system", file);
            }
            LOG.warnf("commentary.webhooks.secret-key is not set: generated a key for webhook secrets in %s. Keep that"
                    + " file with the data (stored secrets cannot be read without it) or set the key.", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the webhook secret key file " + file
                    + "; set commentary.webhooks.secret-key instead", e);
        }
    }

    /** The target as stored: secret and header values encrypted. */
    public WebhookTarget seal(String ruleId, WebhookTarget target) {
        return transform(target, value -> value.startsWith(PREFIX) ? value : encrypt(ruleId, value));
    }

    /** The target as used: secret and header values in clear. */
    public WebhookTarget open(String ruleId, WebhookTarget target) {
        return transform(target, value -> value.startsWith(PREFIX) ? decrypt(ruleId, value) : value);
    }

    private static WebhookTarget transform(WebhookTarget target, java.util.function.UnaryOperator<String> operation) {
        if (target == null) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        target.headers().forEach((name, value) -> headers.put(name, operation.apply(value)));
        return new WebhookTarget(target.url(), target.secret() == null ? null : operation.apply(target.secret()), headers,
                target.minIntervalSeconds());
    }

    String encrypt(String ruleId, String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(ruleId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return PREFIX + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a webhook secret: " + e.getClass().getSimpleName(), e);
        }
    }

    String decrypt(String ruleId, String stored) {
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(ruleId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // The message says which rule, never the value.
            throw new IllegalStateException("cannot decrypt the webhook secrets of rule " + ruleId
                    + " (was commentary.webhooks.secret-key changed?): " + e.getClass().getSimpleName());
        }
    }
}
