package org.commentarywatch.search.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Where a rule's alerts are POSTed.
 *
 * @param secret  key of the HMAC-SHA256 signature; never shown back ({@code "***"})
 * @param headers sent with every call; their values may be credentials, so they are never shown back either
 * @param minIntervalSeconds throttle: at most one call per this many seconds; alerts in between are held and sent
 *                           together in one digest call when the interval is over
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookTarget(String url, String secret, Map<String, String> headers, Integer minIntervalSeconds) {

    public static final String MASK = "***";

    public WebhookTarget {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** As shown in responses: the secret and header values replaced by {@value #MASK}. */
    public WebhookTarget masked() {
        Map<String, String> maskedHeaders = new LinkedHashMap<>();
        headers.keySet().stream().sorted().forEach(name -> maskedHeaders.put(name, MASK));
        return new WebhookTarget(url, secret == null ? null : MASK, maskedHeaders, minIntervalSeconds);
    }

    /** Override does not repeat what the caller cannot know: a masked or absent secret/header keeps the stored one. */
    public WebhookTarget keepingSecretsOf(WebhookTarget stored) {
        if (stored == null) {
            return this;
        }
        String keptSecret = secret == null || MASK.equals(secret) ? stored.secret() : secret;
        Map<String, String> keptHeaders = new LinkedHashMap<>();
        headers.forEach((name, value) -> keptHeaders.put(name,
                MASK.equals(value) && stored.headers().containsKey(name) ? stored.headers().get(name) : value));
        return new WebhookTarget(url, keptSecret, keptHeaders, minIntervalSeconds);
    }

    @Override
    public String toString() {
        // Never let a secret reach a log line through string concatenation.
        return "WebhookTarget[url=" + url + ", secret=" + (secret == null ? "none" : MASK) + ", headers=" + headers.keySet() + "]";
    }
}
