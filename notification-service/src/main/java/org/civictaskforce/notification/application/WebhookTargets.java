package org.civictaskforce.notification.application;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

import org.civictaskforce.notification.domain.WebhookTarget;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides whether a webhook URL may be called: resolves its host and refuses it if any address is
 * internal ({@link WebhookTarget#isInternal}), unless {@code notification.webhooks.allow-private-targets=true}
 * (local development only). Checked when a webhook is registered and again before every delivery,
 * because what a name resolves to can change.
 */
@Component
public class WebhookTargets {
    private final boolean allowPrivate;

    public WebhookTargets(@Value("${notification.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /** The target was refused; the message names no address. */
    public static class RefusedTarget extends Exception {
        public RefusedTarget(String message) {
            super(message);
        }
    }

    public URI check(String url) throws RefusedTarget {
        URI uri;
        try {
            uri = WebhookTarget.parse(url);
        } catch (IllegalArgumentException e) {
            throw new RefusedTarget(e.getMessage());
        }
        if (allowPrivate) {
            return uri;
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedTarget("the webhook host does not resolve");
        }
        for (InetAddress address : addresses) {
            if (WebhookTarget.isInternal(address)) {
                throw new RefusedTarget("the webhook host resolves to a private, loopback or link-local address");
            }
        }
        return uri;
    }
}
