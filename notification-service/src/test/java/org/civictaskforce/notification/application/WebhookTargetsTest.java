package org.civictaskforce.notification.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class WebhookTargetsTest {
    private final WebhookTargets strict = new WebhookTargets(false);

    @ParameterizedTest
    @ValueSource(strings = { "http://10.0.0.1/hook", "https://10.255.1.2:8443/x", "http://127.0.0.1:8080/hook",
            "http://127.1.2.3/", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
            "http://[fc00::1]/hook", "http://[fd12:3456::7]/hook", "http://[fe80::1]/hook",
            "http://192.168.1.10/", "http://172.16.5.4/", "http://0.0.0.0/", "http://100.64.0.1/",
            "http://[::ffff:10.0.0.1]/hook", "http://[::ffff:127.0.0.1]/", "http://localhost:9000/hook" })
    void privateLoopbackAndLinkLocalTargetsAreRefused(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class)
                .hasMessageContaining("private, loopback or link-local");
    }

    @ParameterizedTest
    @ValueSource(strings = { "ftp://93.184.216.34/x", "file:///etc/passwd", "http://user:pw@93.184.216.34/",
            "not a url", "/relative/path", "javascript:alert(1)" })
    void onlyAbsoluteHttpUrlsAreTargets(String url) {
        assertThatThrownBy(() -> strict.check(url)).isInstanceOf(WebhookTargets.RefusedTarget.class);
    }

    @Test
    void publicAddressesAreAllowedAndPrivateOnesOnlyWhenExplicitlyAllowed() throws Exception {
        assertThat(strict.check("https://93.184.216.34/hooks/civic").getHost()).isEqualTo("93.184.216.34");
        assertThat(strict.check("http://[2606:4700:4700::1111]/hook")).isNotNull();
        assertThat(new WebhookTargets(true).check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
    }
}
