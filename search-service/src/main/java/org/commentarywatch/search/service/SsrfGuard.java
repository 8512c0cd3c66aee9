package org.commentarywatch.search.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps webhooks from reaching into the network the service runs in: a target whose host resolves to a loopback,
 * private, link-local (cloud metadata lives at 169.254.169.254), carrier-grade NAT, unique-local, multicast or
 * unspecified address is refused, unless the operator allowlisted that host. Checked when a rule is saved and again
 * before every call (a name may resolve differently later).
 */
public final class SsrfGuard {

    /** Name resolution, replaceable in tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata", "instance-data",
            "metadata.azure.com");

    private final Set<String> allowedHosts;
    private final Resolver resolver;

    public SsrfGuard(Collection<String> allowedHosts, Resolver resolver) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                .filter(host -> !host.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    public SsrfGuard(Collection<String> allowedHosts) {
        this(allowedHosts, InetAddress::getAllByName);
    }

    /** Why the target must not be called; empty when it may. */
    public Optional<String> refusal(URI target) {
        String scheme = Optional.ofNullable(target.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("only http and https targets are allowed");
        }
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("the target has no host");
        }
        String bare = host.toLowerCase(Locale.ROOT);
        if (bare.startsWith("[") && bare.endsWith("]")) {
            bare = bare.substring(1, bare.length() - 1);
        }
        if (allowedHosts.contains(bare)) {
            return Optional.empty();
        }
        if (METADATA_NAMES.contains(bare)) {
            return Optional.of("the host " + host + " is a cloud metadata service");
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("the host " + host + " cannot be resolved");
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = internal(address);
            if (kind.isPresent()) {
                return Optional.of("the host " + host + " resolves to " + address.getHostAddress() + ", a " + kind.get()
                        + " address (allowlist it in commentary.webhooks.allowed-hosts if this is intended)");
            }
        }
        return Optional.empty();
    }

    /** The kind of internal address this is, if it is one. */
    static Optional<String> internal(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of("unspecified");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local or metadata");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("carrier-grade NAT (or metadata)");
            }
            if (first == 0 || first >= 240 || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
                    || (first == 198 && (second == 18 || second == 19))) {
                return Optional.of("reserved");
            }
        } else if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("private (unique local)");
            }
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException impossible) {
                    return Optional.of("unreadable");
                }
            }
        }
        return Optional.empty();
    }
}
