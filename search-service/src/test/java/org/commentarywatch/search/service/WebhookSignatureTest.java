package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test";
    private static final String BODY = "{\"event\":\"alert\"}";

    @Test
    void theHeaderIsTheHmacOfTimestampDotBody() {
        // openssl: printf '1700000000.{"event":"alert"}' | openssl dgst -sha256 -hmac whsec_test
        assertEquals("t=1700000000,v1=40e0b3fbbdf4bcd3b80177ce03107d901b8592a2b43fd25f8c726c83751ce6ef",
                WebhookSignature.header(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void aReceiverVerifiesTheSignatureAndRefusesTamperingAndStaleCalls() {
        String header = WebhookSignature.header(SECRET, 1_700_000_000L, BODY);
        assertTrue(WebhookSignature.verify(SECRET, header, BODY, 1_700_000_010L, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY + " ", 1_700_000_010L, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("other", header, BODY, 1_700_000_010L, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(SECRET, header, BODY, 1_700_001_000L, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(SECRET, "v1=abc", BODY, 1_700_000_000L, Duration.ofMinutes(5)));
    }
}
