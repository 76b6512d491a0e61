package io.exporters.common.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerLimitsTest {
  @Test
  void httpConnectionsAreWhatTheDescriptorLimitLeaves() {
    assertThat(ServerLimits.httpConnections(64, 20)).isEqualTo(64 - 24 - 20);
    assertThat(ServerLimits.httpConnections(32, 20)).as("never below a floor").isEqualTo(8);
    assertThat(ServerLimits.httpConnections(20_000, 20)).isEqualTo(20_000 - 44);
    assertThat(ServerLimits.httpConnections(-1, 20)).as("unknown: no limit")
        .isEqualTo(Integer.MAX_VALUE);
  }
}
