package org.commentarywatch.ingest.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UrlCanonicalizerTest {

    @Test
    void lowercasesSchemeAndHostButNotThePath() {
        assertEquals("https://example.org/Notes/Grid", UrlCanonicalizer.canonicalize("HTTPS://EXAMPLE.org/Notes/Grid"));
    }

    @Test
    void dropsTheDefaultPortAndKeepsAnyOther() {
        assertEquals("http://example.org/a", UrlCanonicalizer.canonicalize("http://example.org:80/a"));
        assertEquals("https://example.org/a", UrlCanonicalizer.canonicalize("https://example.org:443/a"));
        assertEquals("https://example.org:8443/a", UrlCanonicalizer.canonicalize("https://example.org:8443/a"));
        assertEquals("http://example.org:443/a", UrlCanonicalizer.canonicalize("http://example.org:443/a"));
    }

    @Test
    void removesTheFragmentAndTrackingParameters() {
        assertEquals("https://example.org/a?id=7", UrlCanonicalizer.canonicalize(
                "https://example.org/a?utm_source=x&UTM_Campaign=y&id=7&fbclid=1&gclid=2&mc_cid=3&mc_eid=4#top"));
    }

    @Test
    void leavesNoQuestionMarkWhenOnlyTrackingParametersWereThere() {
        assertEquals("https://example.org/a", UrlCanonicalizer.canonicalize("https://example.org/a?utm_medium=feed&"));
    }

    @Test
    void sortsTheRemainingParametersByNameThenValue() {
        assertEquals("https://example.org/s?a=2&b=1&b=3&c", UrlCanonicalizer.canonicalize(
                "https://example.org/s?c&b=3&a=2&b=1"));
    }

    @Test
    void dropsTheTrailingSlashExceptForTheRoot() {
        assertEquals("https://example.org/a/b", UrlCanonicalizer.canonicalize("https://example.org/a/b/"));
        assertEquals("https://example.org/", UrlCanonicalizer.canonicalize("https://example.org/"));
        assertEquals("https://example.org/", UrlCanonicalizer.canonicalize("https://example.org"));
        assertEquals("https://example.org/?q=1", UrlCanonicalizer.canonicalize("https://example.org?q=1"));
    }

    @Test
    void resolvesDotSegments() {
        assertEquals("https://example.org/a/c", UrlCanonicalizer.canonicalize("https://example.org/a/./b/../c"));
    }

    @Test
    void keepsPercentEncodingAsGiven() {
        assertEquals("https://example.org/a%20b?q=x%26y", UrlCanonicalizer.canonicalize("https://example.org/a%20b?q=x%26y"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://example.org/a", "mailto:desk@example.org", "/relative/path", "example.org/a",
            "file:///etc/hosts", "javascript:alert(1)" })
    void refusesAnythingButAbsoluteHttpAndHttpsUrls(String url) {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> UrlCanonicalizer.canonicalize(url));
        assertEquals("invalid_url", e.kind());
        assertTrue(e.getMessage().contains(url), e.getMessage());
    }

    @Test
    void refusesMalformedUrls() {
        assertThrows(InvalidDocumentException.class, () -> UrlCanonicalizer.canonicalize("https://exa mple.org/a"));
        assertThrows(InvalidDocumentException.class, () -> UrlCanonicalizer.canonicalize("https:///no-host"));
    }

    @Test
    void refusesCredentialsWithoutRepeatingThem() {
        InvalidDocumentException e = assertThrows(InvalidDocumentException.class,
                () -> UrlCanonicalizer.canonicalize("https://reader:s3cret@example.org/a"));
        assertTrue(!e.getMessage().contains("s3cret"), e.getMessage());
    }
}
