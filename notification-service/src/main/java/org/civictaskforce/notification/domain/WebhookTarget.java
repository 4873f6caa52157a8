package org.civictaskforce.notification.domain;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Locale;

/**
 * Where a webhook may point. A webhook is a request this service makes on a subscriber's behalf, so
 * it must not reach into the network it runs in (server-side request forgery): private, loopback,
 * link-local (cloud metadata at 169.254.169.254), unique-local IPv6, carrier-grade NAT, multicast and
 * unspecified addresses are refused, checked on every address the host resolves to.
 */
public final class WebhookTarget {
    private WebhookTarget() {
    }

    /** A webhook URL is absolute http(s) with a host, no user info and no fragment. */
    public static URI parse(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("a webhook URL is http(s)://host[:port]/path");
        }
        return uri;
    }

    public static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 // "this network"
                    || first == 100 && second >= 64 && second <= 127 // carrier-grade NAT 100.64/10
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 // IETF protocol assignments
                    || first >= 240; // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) { // unique local fc00::/7
                return true;
            }
            if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) { // deprecated site-local fec0::/10
                return true;
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address: judge that one
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return isInternal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (java.net.UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }
}
