package io.exporters.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandLineTest {
  static final List<FlagSpec> SPECS = List.of(
      FlagSpec.string("web.listen-address", "web.listen_address", ""),
      FlagSpec.bool("auto-discover", "discover", ""),
      FlagSpec.list("exclude-databases", "exclude", ""));

  @Test
  void parsesGoStyleFlags() throws Exception {
    CommandLine.Parsed p = CommandLine.parse(List.of("--web.listen-address", ":1",
        "--no-auto-discover", "--exclude-databases=a,b", "--exclude-databases=c",
        "--collector.x", "--no-collector.y", "--collector.z.limit=5", "--config.file=f.yml"),
        SPECS);
    assertThat(p.configFile()).isEqualTo("f.yml");
    assertThat(p.values()).extracting(CommandLine.FlagValue::path, CommandLine.FlagValue::value)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("web.listen_address", ":1"),
            org.assertj.core.groups.Tuple.tuple("discover", "false"),
            org.assertj.core.groups.Tuple.tuple("exclude", "a,b,c"),
            org.assertj.core.groups.Tuple.tuple("collectors.x.enabled", "true"),
            org.assertj.core.groups.Tuple.tuple("collectors.y.enabled", "false"),
            org.assertj.core.groups.Tuple.tuple("collectors.z.limit", "5"));
  }

  @Test
  void rejectsWhatItDoesNotKnow() {
    assertThatThrownBy(() -> CommandLine.parse(List.of("--nope"), SPECS))
        .hasMessage("unknown flag --nope (run with --help to list flags)");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--web.listen-address"), SPECS))
        .hasMessage("flag --web.listen-address needs a value");
    assertThatThrownBy(() -> CommandLine.parse(List.of("positional"), SPECS))
        .hasMessageContaining("unexpected argument 'positional'");
    assertThatThrownBy(() -> CommandLine.parse(List.of("--no-web.listen-address"), SPECS))
        .hasMessageContaining("unknown flag --no-web.listen-address");
  }

  @Test
  void goDurations() {
    assertThat(GoDuration.parse("10s")).isEqualTo(Duration.ofSeconds(10));
    assertThat(GoDuration.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
    assertThat(GoDuration.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(GoDuration.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
    assertThat(GoDuration.parse("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(GoDuration.format(Duration.ofSeconds(90))).isEqualTo("1m30s");
    assertThat(GoDuration.format(Duration.ofMillis(250))).isEqualTo("250ms");
    assertThatThrownBy(() -> GoDuration.parse("10x")).hasMessageContaining("not a duration");
    assertThatThrownBy(() -> GoDuration.parse("s")).hasMessageContaining("not a duration");
  }
}
