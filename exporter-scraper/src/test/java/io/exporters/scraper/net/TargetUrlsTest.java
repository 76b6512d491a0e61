package io.exporters.scraper.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What a target may be, and how it is shown without its user info. */
class TargetUrlsTest {
  @Test
  void httpTargetsGetASchemeAndOnlyHttpOrHttpsPass() {
    assertThat(TargetUrls.http("example.com").toString()).isEqualTo("http://example.com");
    assertThat(TargetUrls.http("https://example.com:8443/x?y=1").getPort()).isEqualTo(8443);
    assertThat(TargetUrls.http("HTTPS://Example.com/").getScheme()).isEqualTo("HTTPS");
    for (String bad : new String[] {"ftp://x/", "file:///etc/passwd", "javascript://x",
        "http:///nohost", "http://exa mple.com/"}) {
      assertThatThrownBy(() -> TargetUrls.http(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void tcpTargetsAreHostAndPort() {
    assertThat(TargetUrls.hostPort("db.example:5432"))
        .isEqualTo(new TargetUrls.HostPort("db.example", 5432));
    assertThat(TargetUrls.hostPort("[::1]:22").host()).isEqualTo("::1");
    assertThat(TargetUrls.hostPort("[::1]:22").toString()).isEqualTo("[::1]:22");
    for (String bad : new String[] {"db.example", "::1:22", "http://x:1", "x:0", "x:70000",
        "x:port", ":80", "u@x:1"}) {
      assertThatThrownBy(() -> TargetUrls.hostPort(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void userInfoIsNeverShown() {
    assertThat(TargetUrls.withoutUserInfo("https://u:p@host:1/a@b?c=@d"))
        .isEqualTo("https://host:1/a@b?c=@d");
    assertThat(TargetUrls.withoutUserInfo("http://u:p@ss@host/")).isEqualTo("http://host/");
    assertThat(TargetUrls.withoutUserInfo("user:pw@host:5432")).isEqualTo("host:5432");
    assertThat(TargetUrls.withoutUserInfo("http://host/a@b")).isEqualTo("http://host/a@b");
  }
}
