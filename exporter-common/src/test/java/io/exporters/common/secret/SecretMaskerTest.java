package io.exporters.common.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {
  @Test
  void masksThePasswordOfAUriButNotItsHostOrUser() {
    assertThat(SecretMasker.mask("dial postgresql://mon:p%40ss w0rd@db:5432/app?sslmode=x"))
        .isEqualTo("dial postgresql://mon:<secret>@db:5432/app?sslmode=x");
    assertThat(SecretMasker.mask("GET http://user:hunter2@example.com/health"))
        .isEqualTo("GET http://user:<secret>@example.com/health");
    assertThat(SecretMasker.mask("redis://:only-pass@127.0.0.1:6379"))
        .isEqualTo("redis://:<secret>@127.0.0.1:6379");
    assertThat(SecretMasker.mask("http://example.com/a@b")).isEqualTo("http://example.com/a@b");
  }

  @Test
  void masksPasswordKeysInKeyValueAndQueryStrings() {
    assertThat(SecretMasker.mask("host=db password='a b\\' c' user=mon"))
        .isEqualTo("host=db password='<secret>' user=mon");
    assertThat(SecretMasker.mask("host=db password=plain user=mon"))
        .isEqualTo("host=db password=<secret> user=mon");
    assertThat(SecretMasker.mask("/probe?target=db&password=x%20y&module=m"))
        .isEqualTo("/probe?target=db&password=<secret>&module=m");
    assertThat(SecretMasker.mask("{\"password\":\"s3\\\"cr\",\"user\":\"u\"}"))
        .isEqualTo("{\"password\":\"<secret>\",\"user\":\"u\"}");
    assertThat(SecretMasker.mask("sslpassword=k1 api_key=k2 token=k3"))
        .isEqualTo("sslpassword=<secret> api_key=<secret> token=<secret>");
  }

  @Test
  void masksHttpCredentials() {
    assertThat(SecretMasker.mask("Authorization: Basic dXNlcjpwYXNz"))
        .isEqualTo("Authorization: Basic <secret>");
    assertThat(SecretMasker.mask("sent header Bearer abcdefgh12345678"))
        .isEqualTo("sent header Bearer <secret>");
  }

  @Test
  void leavesOrdinaryTextAlone() {
    String line = "level=warn msg=\"backend unreachable\" target=127.0.0.1:5432/postgres "
        + "err=\"password authentication failed for user \\\"mon\\\"\"";
    assertThat(SecretMasker.mask(line)).isEqualTo(line);
  }

  @Test
  void secretsFromRequestsNeverJoinTheList() {
    int before = SecretMasker.configuredCount();
    for (String word : new String[] {"level", "127.0.0.1", "unreachable", "x-" + before}) {
      Secret.of(word);
    }
    assertThat(SecretMasker.configuredCount()).isEqualTo(before);
    assertThat(SecretMasker.mask("level unreachable 127.0.0.1"))
        .isEqualTo("level unreachable 127.0.0.1");
  }

  @Test
  void configuredSecretsAreMaskedWherever() {
    Secret.configured("cfg-secret-7f3a");
    assertThat(SecretMasker.mask("read cfg-secret-7f3a from the file"))
        .isEqualTo("read <secret> from the file");
  }
}
