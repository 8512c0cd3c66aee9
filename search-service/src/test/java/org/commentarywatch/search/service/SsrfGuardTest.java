package org.commentarywatch.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SsrfGuardTest {

    /** Resolves literal addresses only, and one public name: no DNS in unit tests. */
    private static InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals("hooks.example.com")) {
            return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 93, (byte) 184, (byte) 215, 14 }) };
        }
        if (host.equals("internal.example.com")) {
            return new InetAddress[] { InetAddress.getByAddress(host, new byte[] { 10, 1, 2, 3 }) };
        }
        if (host.matches("[0-9.]+") || host.contains(":")) {
            return new InetAddress[] { InetAddress.getByName(host) };
        }
        throw new UnknownHostException(host);
    }

    private final SsrfGuard guard = new SsrfGuard(List.of("receiver.local", "127.0.0.1"), SsrfGuardTest::resolve);

    @Test
    void loopbackPrivateLinkLocalAndMetadataTargetsAreRefused() {
        for (String url : List.of("http://10.0.0.5/hook", "http://192.168.1.1/", "http://172.16.0.1/", "http://127.0.0.2/",
                "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://[fd00:ec2::254]/", "http://0.0.0.0/",
                "http://100.100.100.200/", "http://[::ffff:10.0.0.1]/", "http://internal.example.com/hook",
                "http://metadata.google.internal/")) {
            Optional<String> refusal = guard.refusal(URI.create(url));
            assertTrue(refusal.isPresent(), url + " must be refused");
        }
    }

    @Test
    void anAllowlistedHostIsCalledEvenOnLoopback() {
        assertEquals(Optional.empty(), guard.refusal(URI.create("http://127.0.0.1:8999/hook")));
    }

    @Test
    void aPublicHostIsAllowed() {
        assertEquals(Optional.empty(), guard.refusal(URI.create("https://hooks.example.com/commentary")));
    }

    @Test
    void otherSchemesAndUnresolvableHostsAreRefused() {
        assertTrue(guard.refusal(URI.create("file:///etc/passwd")).isPresent());
        assertTrue(guard.refusal(URI.create("ftp://hooks.example.com/")).isPresent());
        assertTrue(guard.refusal(URI.create("https://nowhere.invalid/")).orElseThrow().contains("cannot be resolved"));
    }
}
