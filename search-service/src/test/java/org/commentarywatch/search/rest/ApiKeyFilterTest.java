package org.commentarywatch.search.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.commentarywatch.search.model.ErrorBody;

class ApiKeyFilterTest {

    @Test
    void withoutAConfiguredKeyWritesAreOpen() {
        assertTrue(new ApiKeyFilter(Optional.empty()).refusal(null).isEmpty());
    }

    @Test
    void withAKeyAMissingOrWrongHeaderIsA401ThatEchoesNeitherKey() {
        ApiKeyFilter filter = new ApiKeyFilter(Optional.of("s3cret-key"));
        assertEquals(401, filter.refusal(null).orElseThrow().getStatus());
        var refused = filter.refusal("a-guess").orElseThrow();
        assertEquals(401, refused.getStatus());
        ErrorBody body = (ErrorBody) refused.getEntity();
        assertFalse(body.message().contains("a-guess") || body.message().contains("s3cret-key"));
        assertTrue(filter.refusal("s3cret-key").isEmpty());
    }
}
