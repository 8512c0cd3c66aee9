package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.commentarywatch.search.model.WebhookTarget;

class WebhookSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final WebhookTarget TARGET = new WebhookTarget("https://hooks.example.org/x", "whsec_plain_value",
            Map.of("Authorization", "Bearer token-plain-value"), null);

    @TempDir
    Path dir;

    private WebhookSecrets secrets() {
        return new WebhookSecrets(Optional.of(KEY), dir.resolve("unused.key"));
    }

    @Test
    void secretAndHeaderValuesAreStoredEncryptedAndReadBackInClear() {
        WebhookSecrets secrets = secrets();
        WebhookTarget sealed = secrets.seal("rule-1", TARGET);
        assertTrue(sealed.secret().startsWith(WebhookSecrets.PREFIX), sealed.secret());
        assertFalse(sealed.secret().contains("plain"), "no clear text in " + sealed.secret());
        assertFalse(sealed.headers().get("Authorization").contains("plain"));
        assertEquals("https://hooks.example.org/x", sealed.url(), "the URL stays searchable");
        WebhookTarget opened = secrets.open("rule-1", sealed);
        assertEquals(TARGET, opened);
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTimeAndSealingTwiceDoesNotDoubleEncrypt() {
        WebhookSecrets secrets = secrets();
        WebhookTarget once = secrets.seal("rule-1", TARGET);
        assertNotEquals(once.secret(), secrets.seal("rule-1", TARGET).secret(), "a fresh nonce per value");
        assertEquals(once, secrets.seal("rule-1", once));
    }

    @Test
    void aValueCopiedOntoAnotherRuleDoesNotDecryptAndTheErrorDoesNotShowIt() {
        WebhookSecrets secrets = secrets();
        WebhookTarget sealed = secrets.seal("rule-1", TARGET);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> secrets.open("rule-2", sealed));
        assertTrue(e.getMessage().contains("rule-2"), e.getMessage());
        assertFalse(e.getMessage().contains("plain"), e.getMessage());
    }

    @Test
    void anotherKeyCannotReadStoredSecrets() {
        WebhookTarget sealed = secrets().seal("rule-1", TARGET);
        WebhookSecrets other = new WebhookSecrets(Optional.of(Base64.getEncoder().encodeToString(new byte[16])),
                dir.resolve("unused.key"));
        assertThrows(IllegalStateException.class, () -> other.open("rule-1", sealed));
    }

    @Test
    void valuesStoredBeforeEncryptionAreReadAsTheyAre() {
        assertEquals(TARGET, secrets().open("rule-1", TARGET));
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoTheKeyFileAndReusedAfterARestart() throws Exception {
        Path file = dir.resolve("nested/webhook.key");
        WebhookTarget sealed = new WebhookSecrets(Optional.empty(), file).seal("rule-1", TARGET);
        assertTrue(Files.exists(file));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file)).length);
        assertEquals(TARGET, new WebhookSecrets(Optional.empty(), file).open("rule-1", sealed), "the next start reads it");
    }

    @Test
    void aConfiguredKeyThatIsNotAnAesKeyStopsTheStart() {
        IllegalStateException shortKey = assertThrows(IllegalStateException.class,
                () -> new WebhookSecrets(Optional.of(Base64.getEncoder().encodeToString(new byte[10])), dir.resolve("k")));
        assertTrue(shortKey.getMessage().contains("commentary.webhooks.secret-key"), shortKey.getMessage());
        assertThrows(IllegalStateException.class, () -> new WebhookSecrets(Optional.of("not base64!"), dir.resolve("k")));
    }
}
