package org.commentarywatch.search.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.commentarywatch.search.Fixtures;

class WebhookTargetTest {

    private final WebhookTarget stored = new WebhookTarget("https://hooks.example.com/x", "whsec_1",
            Map.of("Authorization", "Bearer abc"), 60);

    @Test
    void theSecretAndHeaderValuesNeverShowInResponsesOrLogs() throws Exception {
        String json = Fixtures.JSON.writeValueAsString(stored.masked());
        assertFalse(json.contains("whsec_1") || json.contains("Bearer abc"), json);
        assertEquals("***", stored.masked().secret());
        assertEquals(60, stored.masked().minIntervalSeconds());
        assertFalse(stored.toString().contains("whsec_1") || stored.toString().contains("Bearer"));
    }

    @Test
    void anUpdateWithMaskedValuesKeepsTheStoredOnes() {
        WebhookTarget update = new WebhookTarget("https://hooks.example.com/y", "***", Map.of("Authorization", "***"), null);
        WebhookTarget kept = update.keepingSecretsOf(stored);
        assertEquals("whsec_1", kept.secret());
        assertEquals("Bearer abc", kept.headers().get("Authorization"));
        assertEquals("https://hooks.example.com/y", kept.url());
        assertEquals("new", new WebhookTarget("u", "new", null, null).keepingSecretsOf(stored).secret());
    }
}
