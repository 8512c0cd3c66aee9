package org.commentarywatch.ingest.service.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fetches pages politely and within bounds: only http and https; robots.txt honoured (read once per site and kept
 * for {@code robots-cache-ttl}); at most one request per host per {@code min-delay-per-host}, or per the site's
 * Crawl-delay up to {@code max-crawl-delay}; connect and read timeouts; bodies over {@code max-bytes} aborted while
 * they stream; at most {@code max-redirects} redirects, each hop checked again for its scheme and against the
 * robots.txt of the site it leads to. Every failure is a {@link FetchException} with its kind.
 */
@ApplicationScoped
public class PageFetcher {

    private static final Logger LOG = Logger.getLogger(PageFetcher.class);
    private static final String ACCEPT = "text/html, application/xhtml+xml, application/pdf;q=0.9, "
            + "text/plain;q=0.8, text/markdown;q=0.8, */*;q=0.1";

    /** The limits and identity of the fetcher ({@code commentary.fetch.*} and the shared User-Agent). */
    public record Settings(String userAgent, Duration connectTimeout, Duration readTimeout, long maxBytes,
            int maxRedirects, Duration minDelayPerHost, Duration maxCrawlDelay, Duration robotsCacheTtl) {

        static Settings of(CommentaryConfig config) {
            CommentaryConfig.Fetch f = config.fetch();
            return new Settings(config.feeds().userAgent(), f.connectTimeout(), f.readTimeout(), f.maxBytes(),
                    f.maxRedirects(), f.minDelayPerHost(), f.maxCrawlDelay(), f.robotsCacheTtl());
        }
    }

    /** Waits out a rate-limit slot; tests pass one that advances their clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record CachedRobots(RobotsRules rules, Instant expires) {
    }

    /** A site whose robots.txt is unavailable is asked again after this long (or the cache TTL, if shorter). */
    private static final Duration UNAVAILABLE_RETRY = Duration.ofMinutes(1);

    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HostRateLimiter limiter;
    private final HttpClient http;
    private final String agentName;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

    @Inject
    public PageFetcher(CommentaryConfig config) {
        this(Settings.of(config), Clock.systemUTC(), d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000));
    }

    public PageFetcher(Settings settings, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
        this.limiter = new HostRateLimiter(clock);
        this.agentName = RobotsRules.agentName(settings.userAgent());
        // Redirects are followed here, not by the client, so that each hop is checked for scheme and robots.txt.
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /**
     * @param url an absolute http or https URL
     * @throws FetchException when the page cannot or may not be fetched
     */
    public FetchedPage fetch(String url) {
        URI uri = checked(url, false);
        for (int redirects = 0;; redirects++) {
            politeTurn(uri);
            HttpResponse<byte[]> response = send(uri, true);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if (status / 100 == 3 && status != 304 && location.isPresent()) {
                if (redirects >= settings.maxRedirects()) {
                    throw new FetchException(FetchException.TOO_MANY_REDIRECTS, 422, "more than "
                            + settings.maxRedirects() + " redirects from " + url);
                }
                URI next = redirectTarget(uri, location.get());
                LOG.debugf("%s redirects (%d) to %s", uri, status, next);
                uri = next;
                continue;
            }
            if (status / 100 != 2) {
                throw new FetchException(FetchException.HTTP_ERROR, status >= 500 ? 502 : 422,
                        "the page at " + uri + " answered HTTP " + status);
            }
            return new FetchedPage(url, uri.toString(), response.headers().firstValue("Content-Type"),
                    response.body());
        }
    }

    /**
     * For a request made elsewhere (the feed poller's conditional GET, which keeps its own ETag handling): robots.txt
     * must allow the URL, and the host's turn (the same per-host spacing and Crawl-delay as pages) is waited for.
     *
     * @throws FetchException when the URL is not http(s), robots.txt disallows it or cannot be read
     */
    public void awaitPoliteTurn(String url) {
        politeTurn(checked(url, false));
    }

    /** robots.txt must allow the URL (checked again on every redirect), then the host's turn is waited for. */
    private void politeTurn(URI uri) {
        RobotsRules rules = robotsFor(uri);
        if (rules.unavailable().isPresent()) {
            throw new FetchException(FetchException.ROBOTS_UNAVAILABLE, 502, rules.unavailable().get());
        }
        if (!rules.allows(uri.toString())) {
            throw FetchException.robotsDisallowed(uri.toString());
        }
        waitTurn(uri, rules.interval(settings.minDelayPerHost(), settings.maxCrawlDelay()));
    }

    private URI redirectTarget(URI from, String location) {
        URI target;
        try {
            target = from.resolve(new URI(location.strip().replace(" ", "%20")));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new FetchException(FetchException.INVALID_REDIRECT, 422,
                    "the page at " + from + " redirects to an invalid URL: " + location);
        }
        if ("https".equals(from.getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
            throw new FetchException(FetchException.INVALID_REDIRECT, 422,
                    "the page at " + from + " redirects from https to http: " + target);
        }
        try {
            return checked(target.toString(), true);
        } catch (FetchException e) {
            throw new FetchException(FetchException.INVALID_REDIRECT, 422,
                    "the page at " + from + " redirects to " + target + ", which is not fetched: " + e.getMessage());
        }
    }

    /** Absolute http(s) URL with a host and without credentials, fragment dropped. */
    static URI checked(String url, boolean redirect) {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw FetchException.invalidUrl("url is not a valid URL (" + e.getReason() + "): " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw FetchException.invalidUrl("only http and https URLs are fetched, not "
                    + (scheme.isEmpty() ? "a relative URL" : scheme + ":") + (redirect ? "" : " (" + url + ")"));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw FetchException.invalidUrl("url has no host: " + url);
        }
        if (uri.getRawUserInfo() != null) {
            throw FetchException.invalidUrl("url must not contain a user name or password");
        }
        try {
            return new URI(scheme, uri.getRawAuthority(), uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    ? "/" : uri.getRawPath(), uri.getRawQuery(), null).normalize();
        } catch (URISyntaxException e) {
            throw FetchException.invalidUrl("url is not a valid URL (" + e.getReason() + "): " + url);
        }
    }

    // ---- robots.txt ----

    private RobotsRules robotsFor(URI page) {
        String origin = page.getScheme() + "://" + page.getRawAuthority().toLowerCase(Locale.ROOT);
        synchronized (robotsLocks.computeIfAbsent(origin, k -> new Object())) {
            CachedRobots cached = robots.get(origin);
            Instant now = clock.instant();
            if (cached != null && cached.expires().isAfter(now)) {
                return cached.rules();
            }
            RobotsRules rules = readRobots(URI.create(origin + "/robots.txt"));
            Duration ttl = rules.unavailable().isPresent() && UNAVAILABLE_RETRY.compareTo(settings.robotsCacheTtl()) < 0
                    ? UNAVAILABLE_RETRY : settings.robotsCacheTtl();
            robots.put(origin, new CachedRobots(rules, clock.instant().plus(ttl)));
            return rules;
        }
    }

    /** RFC 9309: redirects followed (up to the same bound), 4xx = no rules, 5xx or no answer = unavailable. */
    private RobotsRules readRobots(URI robotsUrl) {
        URI uri = robotsUrl;
        try {
            for (int redirects = 0; redirects <= settings.maxRedirects(); redirects++) {
                waitTurn(uri, settings.minDelayPerHost());
                HttpResponse<byte[]> response = send(uri, false);
                int status = response.statusCode();
                Optional<String> location = response.headers().firstValue("Location");
                if (status / 100 == 3 && location.isPresent()) {
                    uri = checked(uri.resolve(location.get()).toString(), true);
                    continue;
                }
                if (status / 100 == 2) {
                    return RobotsRules.parse(uri.toString(), response.body(),
                            response.headers().firstValue("Content-Type").orElse("text/plain"), agentName);
                }
                if (status / 100 == 4 && status != 429) {
                    return RobotsRules.allowAll();
                }
                return RobotsRules.unavailable(robotsUrl + " answered HTTP " + status
                        + ": the site is not fetched until it answers");
            }
            return RobotsRules.allowAll();
        } catch (FetchException e) {
            if (e.kind().equals(FetchException.TOO_LARGE)) {
                // RFC 9309 lets a crawler stop reading past 500 KiB; a file this large is treated as absent.
                return RobotsRules.allowAll();
            }
            return RobotsRules.unavailable("robots.txt of " + robotsUrl.getHost() + " could not be read: "
                    + e.getMessage());
        }
    }

    // ---- HTTP ----

    private void waitTurn(URI uri, Duration interval) {
        Duration wait = limiter.reserve(uri.getHost().toLowerCase(Locale.ROOT), interval);
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.TIMEOUT, 503, "interrupted while waiting to fetch " + uri);
        }
    }

    /** One request, no redirect followed; the body is read (bounded) only for a 2xx of a page or robots.txt. */
    private HttpResponse<byte[]> send(URI uri, boolean page) {
        String url = uri.toString();
        long max = page ? settings.maxBytes() : Math.min(settings.maxBytes(), 512 * 1024);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", page ? ACCEPT : "text/plain, */*;q=0.5")
                .GET()
                .build();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request,
                info -> info.statusCode() / 100 == 2 ? BoundedBody.of(info, max, url) : BoundedBody.skipped(url));
        try {
            // The request timeout covers the wait for the headers only; this bounds the body too.
            return future.get(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(FetchException.TIMEOUT, 504,
                    "no complete answer from " + url + " within " + settings.readTimeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(FetchException.TIMEOUT, 503, "interrupted while fetching " + url);
        } catch (ExecutionException e) {
            throw failure(url, e.getCause());
        }
    }

    private FetchException failure(String url, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof FetchException fetch) {
                return fetch;
            }
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new FetchException(FetchException.TIMEOUT, 504, "connecting to " + url + " timed out");
        }
        if (cause instanceof HttpTimeoutException) {
            return new FetchException(FetchException.TIMEOUT, 504, "no answer from " + url + " within "
                    + settings.readTimeout().toSeconds() + " s");
        }
        if (cause instanceof ConnectException) {
            return new FetchException(FetchException.UNREACHABLE, 502, "cannot connect to " + url
                    + (cause.getCause() instanceof java.nio.channels.UnresolvedAddressException
                            ? " (unknown host)" : " (" + cause.getMessage() + ")"));
        }
        String why = cause instanceof IOException && cause.getMessage() != null ? cause.getMessage()
                : String.valueOf(cause);
        return new FetchException(FetchException.UNREACHABLE, 502, "fetching " + url + " failed: " + why);
    }
}
