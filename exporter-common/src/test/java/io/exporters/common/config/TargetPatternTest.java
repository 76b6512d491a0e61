package io.exporters.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.common.secret.Secret;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetPatternTest {
  @Test
  void hostGlobsWithAndWithoutAPort() {
    TargetPattern any = TargetPattern.parse("db-*.prod.internal");
    assertThat(any.matches("db-1.prod.internal", 5432)).isTrue();
    assertThat(any.matches("DB-7.Prod.Internal", 1)).isTrue();
    assertThat(any.matches("db-1.prod.internal.evil.example", 5432)).isFalse();
    assertThat(any.matches("evil.example", 5432)).isFalse();

    TargetPattern withPort = TargetPattern.parse("10.0.3.*:5432");
    assertThat(withPort.matches("10.0.3.17", 5432)).isTrue();
    assertThat(withPort.matches("10.0.3.17", 5433)).isFalse();
    assertThat(withPort.matches("10.0.4.17", 5432)).isFalse();
    assertThat(TargetPattern.parse("cache:*").matches("cache", 6380)).isTrue();

    TargetPattern v6 = TargetPattern.parse("[fd00::1]:6379");
    assertThat(v6.matches("[fd00::1]", 6379)).isTrue();
    assertThat(v6.matches("[fd00::2]", 6379)).isFalse();
    assertThat(TargetPattern.parse("[fd00::*]").matches("[fd00::9]", 1)).isTrue();
  }

  @Test
  void malformedPatternsAreRefusedWithTheirText() {
    for (String bad : List.of("", "db/x", "db:0", "db:99999", "db:port", "a b", "[::1")) {
      assertThatThrownBy(() -> TargetPattern.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void aModuleWithAListRefusesOtherHostsAndOneWithoutWarns() {
    AuthModule.UserPass login = new AuthModule.UserPass("mon", Secret.of("pw"), null);
    AuthModule listed = new AuthModule("userpass", login, Map.of(),
        List.of("db-*.internal", "127.0.0.1:5432"));
    listed.checkTarget("prod", "db-2.internal", 5432);
    listed.checkTarget("prod", "127.0.0.1", 5432);
    assertThatThrownBy(() -> listed.checkTarget("prod", "127.0.0.1", 5433))
        .isInstanceOf(TargetNotAllowedException.class)
        .hasMessage("target host 127.0.0.1:5433 is not in auth_module 'prod' allowed_targets");
    assertThat(listed.unrestricted()).isFalse();

    AuthModule open = new AuthModule("userpass", login, Map.of());
    open.checkTarget("open", "anything.example", 1);
    assertThat(open.unrestricted()).isTrue();
  }
}
