package org.commentarywatch.ingest.service.fetch;

/**
 * A page that could not be fetched, with a reason a person can act on. {@link #kind()} names it for machines (the
 * API's {@code error}, the DLQ record's cause type); {@link #status()} is what the API answers a submitted URL with.
 */
public class FetchException extends RuntimeException {

    /** Not an http(s) URL, or no host: the caller's mistake. */
    public static final String INVALID_URL = "invalid_url";
    public static final String ROBOTS_DISALLOWED = "robots_disallowed";
    /** robots.txt answered 5xx or not at all: RFC 9309 says to fetch nothing from the site then. */
    public static final String ROBOTS_UNAVAILABLE = "robots_unavailable";
    public static final String TOO_LARGE = "too_large";
    public static final String TOO_MANY_REDIRECTS = "too_many_redirects";
    /** A redirect to a URL that is not http(s). */
    public static final String INVALID_REDIRECT = "invalid_redirect";
    /** The page answered 4xx or 5xx. */
    public static final String HTTP_ERROR = "http_error";
    public static final String TIMEOUT = "fetch_timeout";
    /** No answer at all: unknown host, connection refused, reset. */
    public static final String UNREACHABLE = "unreachable";

    private final String kind;
    private final int status;

    public FetchException(String kind, int status, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.status = status;
    }

    public String kind() {
        return kind;
    }

    public int status() {
        return status;
    }

    static FetchException invalidUrl(String message) {
        return new FetchException(INVALID_URL, 400, message);
    }

    static FetchException robotsDisallowed(String url) {
        return new FetchException(ROBOTS_DISALLOWED, 422, "robots.txt of the site disallows fetching " + url);
    }

    static FetchException tooLarge(String url, long max) {
        return new FetchException(TOO_LARGE, 413, "the page at " + url + " is larger than " + max + " bytes");
    }
}
