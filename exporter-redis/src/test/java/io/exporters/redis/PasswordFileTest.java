package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.secret.Secret;
import io.exporters.common.secret.SecretMasker;
import io.exporters.redis.client.RedisAddress;
import org.junit.jupiter.api.Test;

/** redis_exporter's password file: exact entries by meaning, per user, masked everywhere. */
class PasswordFileTest {
  @Test
  void entriesMatchByMeaningAndUser() {
    PasswordFile file = PasswordFile.parse("{\"redis://h1:6379\": \"pw-one-x\", "
        + "\"h2:6380\": \"pw-two-x\", \"redis://bob@h1:6379\": \"pw-bob-x\", "
        + "\"rediss://h3:6379\": \"pw-tls-x\"}");
    assertThat(file.lookup(RedisAddress.parse("redis://h1"), null)).map(Secret::reveal)
        .contains("pw-one-x");
    assertThat(file.lookup(RedisAddress.parse("redis://h1:6379"), "bob")).map(Secret::reveal)
        .contains("pw-bob-x");
    // A user without an entry of its own falls back to the address's entry.
    assertThat(file.lookup(RedisAddress.parse("h1:6379"), "carol")).map(Secret::reveal)
        .contains("pw-one-x");
    assertThat(file.lookup(RedisAddress.parse("redis://h2:6380"), null)).map(Secret::reveal)
        .contains("pw-two-x");
    assertThat(file.lookup(RedisAddress.parse("redis://h3:6379"), null)).isEmpty();
    assertThat(file.lookup(RedisAddress.parse("rediss://h3:6379"), null)).isPresent();
    assertThat(SecretMasker.mask("AUTH pw-bob-x")).isEqualTo("AUTH <secret>");
  }

  @Test
  void badFilesSayWhatIsWrongWithoutQuotingPasswords() {
    assertThatThrownBy(() -> PasswordFile.parse("hunter2-plain"))
        .hasMessageContaining("JSON").hasMessageNotContaining("hunter2");
    assertThatThrownBy(() -> PasswordFile.parse("{\"http://h\": \"hunter2x\"}"))
        .hasMessageContaining("entry 'http://h'").hasMessageNotContaining("hunter2x");
    assertThatThrownBy(() -> PasswordFile.parse("{\"redis://h\": 5}"))
        .hasMessageContaining("must be a string");
  }
}
