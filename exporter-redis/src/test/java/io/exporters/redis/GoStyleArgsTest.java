package io.exporters.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's single-dash flags, and the namespace read before the exporter exists. */
class GoStyleArgsTest {
  @Test
  void singleDashFlagsBecomeDoubleDash() {
    assertThat(GoStyleArgs.normalize(List.of("-redis.addr=redis://h:1", "--namespace", "x",
        "-check-keys", "a*", "-", "-h", "--is-cluster")))
        .containsExactly("--redis.addr=redis://h:1", "--namespace", "x", "--check-keys", "a*",
            "-", "-h", "--is-cluster");
  }

  @Test
  void theNamespaceComesFromTheFlagThenTheEnvironment() {
    assertThat(GoStyleArgs.namespace(List.of("--namespace=cache"),
        Map.of(GoStyleArgs.NAMESPACE_ENV, "env"))).isEqualTo("cache");
    assertThat(GoStyleArgs.namespace(List.of("--namespace", "cache2"), Map.of()))
        .isEqualTo("cache2");
    assertThat(GoStyleArgs.namespace(List.of(), Map.of(GoStyleArgs.NAMESPACE_ENV, "env")))
        .isEqualTo("env");
    assertThat(GoStyleArgs.namespace(List.of(), Map.of())).isEqualTo("redis");
  }
}
