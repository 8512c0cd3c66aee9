package org.commentarywatch.ingest.service.feeds;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import org.commentarywatch.ingest.config.CommentaryConfig;
import org.commentarywatch.ingest.messaging.DeadLetterPublisher;
import org.commentarywatch.ingest.messaging.PublishFailedException;
import org.commentarywatch.ingest.model.DeadLetter;
import org.commentarywatch.ingest.model.DocumentSubmission;
import org.commentarywatch.ingest.model.Feed;
import org.commentarywatch.ingest.model.FeedRequest;
import org.commentarywatch.ingest.service.DocumentIds;
import org.commentarywatch.ingest.service.IngestService;
import org.commentarywatch.ingest.service.InvalidDocumentException;
import org.commentarywatch.ingest.service.UrlCanonicalizer;
import org.commentarywatch.ingest.service.extraction.UnreadableDocumentException;
import org.commentarywatch.ingest.service.extraction.UnsupportedContentTypeException;
import org.commentarywatch.ingest.service.fetch.FetchException;
import org.commentarywatch.ingest.service.fetch.PageFetcher;
import org.commentarywatch.ingest.service.fetch.PageIngest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jsoup.Jsoup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Feed subscriptions (kept by {@link FeedStore} in the compacted topic) and their polling: conditional GET, parse,
 * each new item through {@link IngestService} like any other document, health and the adaptive interval written
 * back to the feed's record. Nothing a feed sends escapes {@link #pollNow(String)}: failures end in the health.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*([smhd]?)");

    private final CommentaryConfig config;
    private final IngestService ingest;
    private final FeedStore store;
    private final HttpClient http;
    private final ConcurrentHashMap<String, Object> pollLocks = new ConcurrentHashMap<>();
    private final PageIngest pages;
    private final PageFetcher politeness;
    private final DeadLetterPublisher deadLetters;
    private final ObjectMapper mapper;

    public FeedService(CommentaryConfig config, IngestService ingest, PageIngest pages, PageFetcher politeness,
            DeadLetterPublisher deadLetters, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.ingest = ingest;
        this.pages = pages;
        this.politeness = politeness;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.store = new FeedStore(bootstrapServers, config.topics().feeds(), mapper);
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.feeds().connectTimeout())
                // The JDK follows at most 5 redirects (jdk.httpclient.redirects.retrylimit), never https -> http.
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            store.load();
        } catch (FeedStoreUnavailableException e) {
            // Not fatal: the API answers 503 and the scheduler retries until Kafka is back.
            LOG.warn(e.getMessage());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        store.close();
    }

    // ---- subscriptions ----

    /** @return the feed, and whether it was created (false: it was already subscribed, now updated) */
    public Feed subscribe(FeedRequest request) {
        String canonical = canonicalFeedUrl(request.url());
        String id = DocumentIds.of(Optional.of(canonical), "");
        long interval = request.interval().map(FeedService::parseInterval)
                .orElse(config.feeds().defaultInterval()).toSeconds();
        if (interval < config.feeds().minInterval().toSeconds() || interval > config.feeds().maxInterval().toSeconds()) {
            throw new InvalidDocumentException("invalid_interval", "interval must lie between "
                    + config.feeds().minInterval().toSeconds() + " and " + config.feeds().maxInterval().toSeconds()
                    + " seconds");
        }
        store.load();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Feed feed = store.get(id)
                .map(f -> new Feed(f.feedId(), f.url(), request.tags(), interval, interval, f.created(),
                        f.lastFetch(), f.lastSuccess(), f.httpStatus(), f.consecutiveFailures(), f.itemsSeen(),
                        f.itemsNew(), f.nextFetch(), f.lastError(), f.etag(), f.lastModified(), f.seenIds(),
                        f.itemsFailed(), f.itemsFailedTotal()))
                .orElseGet(() -> Feed.subscribe(id, withWrittenTrailingSlash(request.url(), canonical), request.tags(),
                        interval, now));
        store.put(feed);
        return feed;
    }

    static String canonicalFeedUrl(String url) {
        if (url.isBlank()) {
            throw new InvalidDocumentException("invalid_url", "url must not be empty");
        }
        String canonical = UrlCanonicalizer.canonicalize(url);
        String scheme = URI.create(canonical).getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)) {
            throw new InvalidDocumentException("invalid_url", "url must be http or https");
        }
        return canonical;
    }

    /**
     * The canonical URL with the trailing slash the subscriber wrote, if any: the id comes from the canonical form
     * (so {@code /feed} and {@code /feed/} are one subscription), but many servers answer only the form they
     * publish, and a page such as {@code /commentary/} is fetched as written.
     */
    static String withWrittenTrailingSlash(String written, String canonical) {
        URI given;
        URI fetched;
        try {
            given = URI.create(written.strip());
            fetched = URI.create(canonical);
        } catch (IllegalArgumentException e) {
            return canonical;
        }
        String path = given.getRawPath();
        String canonicalPath = fetched.getRawPath();
        if (path == null || path.length() <= 1 || !path.endsWith("/") || canonicalPath == null
                || canonicalPath.endsWith("/")) {
            return canonical;
        }
        return fetched.getScheme() + "://" + fetched.getRawAuthority() + canonicalPath + "/"
                + (fetched.getRawQuery() == null ? "" : "?" + fetched.getRawQuery());
    }

    static Duration parseInterval(String value) {
        try {
            if (value.toUpperCase(Locale.ROOT).startsWith("P")) {
                return Duration.parse(value);
            }
            var m = DURATION.matcher(value.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    case "d" -> Duration.ofDays(n);
                    default -> Duration.ofSeconds(n);
                };
            }
        } catch (RuntimeException e) {
            // falls through to the error below
        }
        throw new InvalidDocumentException("invalid_interval",
                "interval must be seconds (\"900\"), a duration such as \"15m\" or \"1h\", or ISO-8601 (\"PT15M\")");
    }

    public List<Feed> list() {
        store.load();
        return store.all().stream().sorted(Comparator.comparing(Feed::url)).toList();
    }

    public Optional<Feed> get(String id) {
        store.load();
        return store.get(id);
    }

    /** @return false when no such feed was subscribed */
    public boolean unsubscribe(String id) {
        store.load();
        if (store.get(id).isEmpty()) {
            return false;
        }
        store.delete(id);
        return true;
    }

    // ---- polling ----

    @Scheduled(every = "${commentary.feeds.poll-tick}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "feed-poller")
    void pollDue() {
        try {
            store.load();
        } catch (FeedStoreUnavailableException e) {
            LOG.debug(e.getMessage());
            return;
        }
        Instant now = Instant.now();
        for (Feed feed : List.copyOf(store.all())) {
            if (feed.nextFetch().map(t -> !t.isAfter(now)).orElse(true)) {
                try {
                    pollNow(feed.feedId());
                } catch (RuntimeException e) {
                    // pollNow keeps a feed's failures in its health; this is a failure to write that health.
                    LOG.warnf("polling feed %s: %s", feed.feedId(), e.toString());
                }
            }
        }
    }

    /**
     * Fetches and processes one feed now, whatever its schedule, and records the outcome in its health.
     *
     * @return the feed as stored afterwards, empty when no such feed is subscribed
     */
    public Optional<Feed> pollNow(String feedId) {
        store.load();
        synchronized (pollLocks.computeIfAbsent(feedId, k -> new Object())) {
            Optional<Feed> current = store.get(feedId);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            Feed feed = current.get();
            Feed after = poll(feed);
            if (store.get(feedId).isPresent()) { // unsubscribed meanwhile: do not bring it back
                store.put(after);
            }
            return Optional.of(after);
        }
    }

    private Feed poll(Feed feed) {
        Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Optional<Integer> status = Optional.empty();
        byte[] body = new byte[0];
        try {
            // The feed document is a request to its site like any page: robots.txt and the per-host spacing apply.
            politeness.awaitPoliteTurn(feed.url());
            HttpRequest.Builder request = request(feed.url());
            feed.etag().ifPresent(e -> request.header("If-None-Match", e));
            feed.lastModified().ifPresent(l -> request.header("If-Modified-Since", l));
            HttpResponse<InputStream> response = http.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            status = Optional.of(response.statusCode());
            if (response.statusCode() == 304) {
                response.body().close();
                return success(feed, start, 304, 0, 0, 0, feed.etag(), feed.lastModified(), feed.seenIds());
            }
            try (InputStream in = response.body()) {
                if (response.statusCode() / 100 != 2) {
                    throw new FeedFailure("feed_http_error", "HTTP " + response.statusCode());
                }
                body = readBody(in);
            }
            Listing listing = listing(feed, body, response.headers().firstValue("Content-Type").orElse(""));
            List<FeedItem> items = listing.items();
            LinkedHashSet<String> seen = new LinkedHashSet<>(feed.seenIds());
            int fresh = 0;
            int failed = 0;
            int left = 0;
            List<String> itemErrors = new ArrayList<>();
            for (FeedItem item : items) {
                String key = itemKey(item);
                if (key == null || seen.contains(key)) {
                    continue;
                }
                // One poll fetches at most so many pages (a second each per host, at best): a first poll of a large
                // sitemap must not hold back every other feed for many minutes. The rest wait for the next poll.
                if (fresh + failed >= config.feeds().maxNewItemsPerPoll()) {
                    left++;
                    continue;
                }
                // A failed item is remembered as seen too: its dead letter holds it for a replay.
                ItemOutcome outcome = emit(item, key, feed);
                if (outcome.published()) {
                    fresh++;
                } else {
                    failed++;
                }
                outcome.problem().ifPresent(p -> itemErrors.add(item.title().orElse(key) + ": " + p));
                seen.add(key);
            }
            List<String> bounded = new ArrayList<>(seen);
            int max = config.feeds().seenIdsPerFeed();
            if (bounded.size() > max) {
                bounded = bounded.subList(bounded.size() - max, bounded.size());
            }
            // Items left over must not meet a 304 next time, should the feed not change meanwhile.
            boolean conditional = listing.conditional() && left == 0;
            Feed ok = success(feed, start, response.statusCode(), items.size(), fresh, failed,
                    response.headers().firstValue("ETag").filter(e -> conditional),
                    response.headers().firstValue("Last-Modified").filter(l -> conditional), bounded);
            if (!itemErrors.isEmpty()) {
                ok = withError(ok, failed + " item(s) sent to " + config.topics().dlq() + ", "
                        + (itemErrors.size() - failed) + " ingested from the feed's own content instead of their page; "
                        + "first: " + itemErrors.get(0));
            }
            if (left > 0) {
                ok = withError(ok, left + " new item(s) left for the next poll (at most "
                        + config.feeds().maxNewItemsPerPoll() + " per poll)"
                        + ok.lastError().map(e -> "; " + e).orElse(""));
            }
            if (listing.undated() > 0) {
                // Not a failure, but the reason a sitemap seems to list nothing new.
                ok = withError(ok, listing.undated() + " page(s) of the sitemap carry no date (lastmod or "
                        + "news:publication_date) and were left out" + ok.lastError().map(e -> "; " + e).orElse(""));
            }
            return ok;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return failure(feed, start, status, "interrupted");
        } catch (FeedStoreUnavailableException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // Whatever happened (network, HTTP error, unparsable or hostile feed, Kafka refusing an item): the
            // feed's health says so and the poller carries on.
            LOG.infof("feed %s (%s) failed: %s", feed.feedId(), feed.url(), e.toString());
            if (!kafkaAway(e)) {
                feedDeadLetter(feed, feedFailureType(e), describe(e), body);
            }
            return failure(feed, start, status, describe(e));
        }
    }

    private HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(config.feeds().readTimeout())
                .header("User-Agent", config.feeds().userAgent())
                .header("Accept", "application/rss+xml, application/atom+xml, application/feed+json, "
                        + "application/json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5");
    }

    /**
     * What one fetch of a subscribed URL lists.
     *
     * @param conditional whether the next fetch may be conditional: not for a sitemap index, which may stay the same
     *        while the sitemaps it lists change
     * @param undated a sitemap's pages left out for want of a date
     */
    private record Listing(List<FeedItem> items, boolean conditional, int undated) {
    }

    /**
     * A feed, a sitemap, or a page that names its feed ({@link FeedDiscovery}): then the feed is fetched and read,
     * and the page is always fetched whole, since it may stay the same while its feed changes.
     */
    private Listing listing(Feed feed, byte[] body, String contentType) throws IOException, InterruptedException {
        if (!FeedDiscovery.isHtml(body, contentType)) {
            return feedOrSitemap(feed.url(), body, contentType);
        }
        String named = FeedDiscovery.feedLink(body, feed.url()).orElseThrow(() -> new FeedFailure("feed_unparsable",
                "an HTML page that names no feed (no <link rel=\"alternate\"> of type application/rss+xml, "
                        + "application/atom+xml or application/feed+json)"));
        Fetched linked = fetchLinked(named);
        if (FeedDiscovery.isHtml(linked.body(), linked.contentType())) {
            throw new FeedFailure("feed_unparsable", "the feed the page names, " + named + ", is an HTML page");
        }
        Listing listing = feedOrSitemap(named, linked.body(), linked.contentType());
        return new Listing(listing.items(), false, listing.undated());
    }

    private Listing feedOrSitemap(String url, byte[] body, String contentType)
            throws IOException, InterruptedException {
        if (!SitemapReader.isSitemap(body)) {
            return new Listing(FeedParser.parse(body, contentType), true, 0);
        }
        SitemapReader.Sitemap sitemap = SitemapReader.read(body, url);
        List<FeedItem> pages = sitemapPages(sitemap);
        Instant since = Instant.now().minus(config.feeds().sitemapMaxAge());
        // Newest first, as feeds list them, so that a poll that cannot take them all takes the newest.
        List<FeedItem> recent = pages.stream().filter(page -> page.published().filter(since::isBefore).isPresent())
                .sorted(Comparator.comparing((FeedItem page) -> page.published().orElseThrow()).reversed()).toList();
        return new Listing(recent,
                !(sitemap instanceof SitemapReader.Index),
                (int) pages.stream().filter(page -> page.published().isEmpty()).count());
    }

    /**
     * A sitemap's pages; of a sitemap index, those of its most recent sitemaps ({@code sitemap-children}), each
     * fetched under the same politeness (an index of indexes is not followed further). The poll takes only those
     * dated within {@code sitemap-max-age}: a sitemap lists a site's archive, often undated, only what is recent is
     * news, and the feed's memory of seen items could not hold an archive anyway.
     */
    private List<FeedItem> sitemapPages(SitemapReader.Sitemap sitemap) throws IOException, InterruptedException {
        List<FeedItem> listed = new ArrayList<>();
        if (sitemap instanceof SitemapReader.Index index) {
            for (SitemapReader.Child child : SitemapReader.mostRecent(index.sitemaps(),
                    config.feeds().sitemapChildren())) {
                if (SitemapReader.read(fetchLinked(child.url()).body(), child.url())
                        instanceof SitemapReader.Pages pages) {
                    listed.addAll(pages.items());
                }
            }
        } else {
            listed.addAll(((SitemapReader.Pages) sitemap).items());
        }
        return listed;
    }

    private record Fetched(byte[] body, String contentType) {
    }

    /** A feed or sitemap that the subscribed URL leads to, fetched under the same politeness and limits. */
    private Fetched fetchLinked(String url) throws IOException, InterruptedException {
        politeness.awaitPoliteTurn(url);
        HttpResponse<InputStream> response = http.send(request(url).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new FeedFailure("feed_http_error", url + ": HTTP " + response.statusCode());
            }
            return new Fetched(readBody(in), response.headers().firstValue("Content-Type").orElse(""));
        }
    }

    /** The id an item's document gets: from its canonical link, else its guid, else its title. */
    static String itemKey(FeedItem item) {
        Optional<String> link = item.link().flatMap(FeedService::canonicalOrEmpty);
        if (link.isPresent()) {
            return DocumentIds.of(link, "");
        }
        return item.guid().or(item::title).map(g -> "guid:" + g).orElse(null);
    }

    private static Optional<String> canonicalOrEmpty(String url) {
        try {
            return Optional.of(UrlCanonicalizer.canonicalize(url));
        } catch (InvalidDocumentException e) {
            return Optional.empty();
        }
    }

    /**
     * @param published the item became a document
     * @param problem what went wrong: why it became a dead letter, or why its page was not used
     */
    private record ItemOutcome(boolean published, Optional<String> problem) {
    }

    /**
     * An item with an http(s) link is its page: fetched ({@link PageIngest}: robots.txt, politeness, limits) and
     * extracted, the feed's title, authors and date winning over the page's (they are the publisher's structured
     * statement about the item; a PDF's own metadata is guessed from its first page), the page filling what the feed
     * lacks. The document's URL is the page's canonical one. When the page cannot be used (robots.txt, HTTP error,
     * too large, timeout, unreadable, unsupported type) an item that carries content of its own is ingested from that
     * content instead; one that carries none becomes a dead letter on {@code commentary.dlq}. Items without a link
     * are ingested from their content as they are.
     */
    private ItemOutcome emit(FeedItem item, String key, Feed feed) {
        Optional<String> page = item.link().filter(l -> l.regionMatches(true, 0, "http", 0, 4));
        Optional<String> source = Optional.of(feed.url());
        Optional<String> published = item.published().map(Instant::toString);
        Duration wait = config.ingest().ackTimeout();
        Optional<String> pageProblem = Optional.empty();
        if (page.isPresent()) {
            DocumentSubmission given = new DocumentSubmission(item.title().orElse(""), "", Optional.empty(), published,
                    source, item.authors(), false, Optional.empty());
            try {
                pages.ingest(page.get(), given).await().atMost(wait);
                return new ItemOutcome(true, Optional.empty());
            } catch (FetchException | InvalidDocumentException | UnreadableDocumentException
                    | UnsupportedContentTypeException e) {
                String cause = causeType(e) + ": " + e.getMessage();
                if (item.html().isEmpty() && item.text().isEmpty()) {
                    deadLetter(item, key, causeType(e), e.getMessage(), page.get());
                    return new ItemOutcome(false, Optional.of(cause));
                }
                pageProblem = Optional.of("page not used (" + cause + "), the feed's content was ingested");
            }
        }
        try {
            emitContent(item, feed);
            return new ItemOutcome(true, pageProblem);
        } catch (InvalidDocumentException | UnreadableDocumentException e) {
            deadLetter(item, key, causeType(e), e.getMessage(), page.orElse(feed.url()));
            return new ItemOutcome(false, Optional.of(causeType(e) + ": " + e.getMessage()));
        }
    }

    private static String causeType(RuntimeException e) {
        if (e instanceof FetchException f) {
            // No answer for robots.txt is no answer from the site: the message says which request failed.
            return f.kind().equals(FetchException.ROBOTS_UNAVAILABLE) ? "feed_unreachable" : f.kind();
        }
        if (e instanceof InvalidDocumentException i) {
            return i.kind();
        }
        if (e instanceof UnreadableDocumentException u) {
            return u.kind();
        }
        return "unsupported_media_type";
    }

    private void deadLetter(FeedItem item, String key, String type, String message, String url) {
        String payload;
        try {
            payload = mapper.writeValueAsString(item);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a FeedItem is always serialisable", e);
        }
        Optional<String> documentId = key.startsWith("guid:") ? Optional.empty() : Optional.of(key);
        deadLetters.publish(key, DeadLetter.ofUrl(type, message, url, documentId, payload,
                Instant.now().truncatedTo(ChronoUnit.MILLIS))).await().atMost(config.ingest().ackTimeout());
    }

    /** The item as the feed carries it: its HTML or text content. */
    private void emitContent(FeedItem item, Feed feed) {
        Optional<String> link = item.link().flatMap(FeedService::canonicalOrEmpty);
        String title = item.title().orElse("");
        Optional<String> published = item.published().map(Instant::toString);
        Optional<String> source = Optional.of(feed.url());
        Duration wait = config.ingest().ackTimeout();
        if (item.html().isPresent()) {
            DocumentSubmission given = new DocumentSubmission(title, "", link, published, source, item.authors(),
                    false, Optional.empty());
            try {
                ingest.ingest(item.html().get().getBytes(StandardCharsets.UTF_8), "text/html; charset=UTF-8", given)
                        .await().atMost(wait);
                return;
            } catch (UnreadableDocumentException e) {
                // A short HTML fragment readability makes nothing of: its text, as text.
            }
            String text = htmlToText(item.html().get());
            ingest.ingest(new DocumentSubmission(title.isBlank() ? firstWords(text) : title, text, link, published,
                    source, item.authors(), false, Optional.empty()), "text/html").await().atMost(wait);
            return;
        }
        String text = item.text().orElse(title);
        ingest.ingest(new DocumentSubmission(title.isBlank() ? firstWords(text) : title, text, link, published,
                source, item.authors(), false, Optional.empty()), "text/plain").await().atMost(wait);
    }

    static String htmlToText(String html) {
        var doc = Jsoup.parseBodyFragment(html);
        doc.select("p, div, br, li, h1, h2, h3, h4, h5, h6, blockquote").forEach(e -> e.after("\n\n"));
        return doc.body().wholeText().replaceAll("[ \\t\\x0B\\f\\r]+", " ").replaceAll("\\n\\s*\\n\\s*", "\n\n")
                .strip();
    }

    private static String firstWords(String text) {
        String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
        return line.length() <= 120 ? line : line.substring(0, 120) + "…";
    }

    private static byte[] readBounded(InputStream in, long max) throws IOException {
        byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (data.length > max) {
            throw new FeedFailure("feed_too_large", "feed larger than " + max + " bytes");
        }
        return data;
    }

    /**
     * A feed, sitemap or page within {@code max-bytes}; one served as a .gz file (not as a Content-Encoding) is
     * inflated, within the same limit.
     */
    private byte[] readBody(InputStream in) throws IOException {
        long max = config.feeds().maxBytes();
        byte[] body = readBounded(in, max);
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body;
        }
        try (InputStream inflated = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return readBounded(inflated, max);
        } catch (ZipException | java.io.EOFException e) {
            throw new FeedFailure("feed_unparsable", "a broken gzip file: " + e.getMessage());
        }
    }

    /** Kafka refusing an item or its dead letter: a dead letter about it would be refused too. */
    private static boolean kafkaAway(Throwable e) {
        return e instanceof PublishFailedException || e instanceof io.smallrye.mutiny.TimeoutException;
    }

    static String feedFailureType(Throwable e) {
        if (e instanceof FeedFailure f) {
            return f.kind;
        }
        if (e instanceof FetchException f) {
            // No answer for robots.txt is no answer from the site: the message says which request failed.
            return f.kind().equals(FetchException.ROBOTS_UNAVAILABLE) ? "feed_unreachable" : f.kind();
        }
        if (e instanceof FeedParser.UnparsableFeedException) {
            return "feed_unparsable";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "feed_timeout";
        }
        if (e instanceof IOException) {
            return "feed_unreachable";
        }
        return "feed_failed";
    }

    /**
     * The whole feed failed: besides its health, a dead letter keyed by the feed id names the feed URL and the cause
     * and carries what was received (the unparsable document; nothing when no answer came), so that nothing a feed
     * served is lost silently. A dead letter Kafka does not take is only logged: the health still tells.
     */
    private void feedDeadLetter(Feed feed, String type, String message, byte[] body) {
        try {
            deadLetters.publish(feed.feedId(), DeadLetter.ofContent(type, message, DeadLetter.Source.url(feed.url()),
                    body, body.length, Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                    .await().atMost(config.ingest().ackTimeout());
        } catch (RuntimeException e) {
            LOG.warnf("feed %s: the dead letter for its failure was not written: %s", feed.feedId(), e.toString());
        }
    }

    private Feed success(Feed f, Instant at, int status, int itemsSeen, int itemsNew, int itemsFailed,
            Optional<String> etag, Optional<String> lastModified, List<String> seenIds) {
        long next = adapt(f, itemsNew > 0);
        return new Feed(f.feedId(), f.url(), f.tags(), f.intervalSeconds(), next, f.created(), Optional.of(at),
                Optional.of(at), Optional.of(status), 0, itemsSeen, itemsNew, Optional.of(at.plusSeconds(next)),
                Optional.empty(), etag, lastModified, seenIds, itemsFailed, f.itemsFailedTotal() + itemsFailed);
    }

    private static Feed withError(Feed f, String error) {
        return new Feed(f.feedId(), f.url(), f.tags(), f.intervalSeconds(), f.effectiveIntervalSeconds(),
                f.created(), f.lastFetch(), f.lastSuccess(), f.httpStatus(), f.consecutiveFailures(), f.itemsSeen(),
                f.itemsNew(), f.nextFetch(), Optional.of(error), f.etag(), f.lastModified(), f.seenIds(),
                f.itemsFailed(), f.itemsFailedTotal());
    }

    private Feed failure(Feed f, Instant at, Optional<Integer> status, String error) {
        int failures = f.consecutiveFailures() + 1;
        // Back off on failure: the effective interval doubles per consecutive failure, within the bounds.
        long next = Math.min(config.feeds().maxInterval().toSeconds(),
                f.effectiveIntervalSeconds() * (1L << Math.min(failures, 10)));
        next = Math.max(config.feeds().minInterval().toSeconds(), next);
        return new Feed(f.feedId(), f.url(), f.tags(), f.intervalSeconds(), f.effectiveIntervalSeconds(),
                f.created(), Optional.of(at), f.lastSuccess(), status, failures, 0, 0,
                Optional.of(at.plusSeconds(next)), Optional.of(error), f.etag(), f.lastModified(), f.seenIds(), 0,
                f.itemsFailedTotal());
    }

    /** New items: half the interval (down to the minimum); none: 1.5 times (up to 4x the subscribed one). */
    private long adapt(Feed f, boolean fresh) {
        long min = config.feeds().minInterval().toSeconds();
        long max = Math.min(config.feeds().maxInterval().toSeconds(), f.intervalSeconds() * 4);
        long current = f.effectiveIntervalSeconds() > 0 ? f.effectiveIntervalSeconds() : f.intervalSeconds();
        long next = fresh ? current / 2 : current * 3 / 2;
        return Math.max(min, Math.min(Math.max(max, min), next));
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out: " + message;
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        String text = message == null ? e.getClass().getSimpleName() : message;
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }

    /** A fetch that got an answer the poller cannot use. */
    static class FeedFailure extends RuntimeException {
        final String kind;

        FeedFailure(String kind, String message) {
            super(message);
            this.kind = kind;
        }
    }
}
