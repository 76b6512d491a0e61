package io.exporters.redis.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The address forms redis_exporter takes, and what is refused (never quoting a password). */
class RedisAddressTest {
  @Test
  void everySpellingOfOneServerIsOneCanonicalAddress() {
    assertThat(RedisAddress.parse("localhost:6379").canonical())
        .isEqualTo("redis://localhost:6379");
    assertThat(RedisAddress.parse("redis://localhost").canonical())
        .isEqualTo("redis://localhost:6379");
    assertThat(RedisAddress.parse("valkey://localhost:6379/0").canonical())
        .isEqualTo("redis://localhost:6379");
    assertThat(RedisAddress.parse("rediss://cache.example:6380").canonical())
        .isEqualTo("rediss://cache.example:6380");
    assertThat(RedisAddress.parse("valkeys://[::1]:7000").canonical())
        .isEqualTo("rediss://[::1]:7000");
  }

  @Test
  void userInfoIsTakenApartAndNeverPartOfTheAddress() {
    RedisAddress a = RedisAddress.parse("redis://alice:s%40cret@host:7000");
    assertThat(a.username()).isEqualTo("alice");
    assertThat(a.password().reveal()).isEqualTo("s@cret");
    assertThat(a.canonical()).isEqualTo("redis://host:7000").doesNotContain("alice");
    RedisAddress passwordOnly = RedisAddress.parse("redis://:pw@host");
    assertThat(passwordOnly.username()).isNull();
    assertThat(passwordOnly.password().reveal()).isEqualTo("pw");
  }

  @Test
  void whatIsNotARedisAddressIsRefusedWithoutQuotingIt() {
    assertThatThrownBy(() -> RedisAddress.parse("http://h")).hasMessageContaining("scheme");
    assertThatThrownBy(() -> RedisAddress.parse("unix:///tmp/redis.sock"))
        .hasMessageContaining("unix");
    assertThatThrownBy(() -> RedisAddress.parse("redis://:topsecret@/x"))
        .hasMessageNotContaining("topsecret");
    assertThatThrownBy(() -> RedisAddress.parse("redis://h:99999")).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisAddress.parse("redis://h/etc/passwd"))
        .hasMessageContaining("database number");
    assertThatThrownBy(() -> RedisAddress.parse("redis://h?sslmode=x"))
        .hasMessageContaining("query");
    assertThatThrownBy(() -> RedisAddress.parse("h".repeat(600)))
        .hasMessageContaining("longer");
    assertThatThrownBy(() -> RedisAddress.parse(" ")).hasMessageContaining("empty");
  }

  @Test
  void refusalsAreToldFromOtherErrors() {
    assertThat(new RedisError("NOPERM User x has no permissions to run 'config|get'")
        .isRefusal()).isTrue();
    assertThat(new RedisError("ERR unknown command 'CONFIG', with args beginning with: ")
        .isRefusal()).isTrue();
    assertThat(new RedisError("ERR Unknown subcommand or wrong number of arguments for "
        + "'HISTOGRAM'").isRefusal()).isTrue();
    assertThat(new RedisError("WRONGTYPE Operation against a key holding the wrong kind")
        .isRefusal()).isFalse();
  }
}
