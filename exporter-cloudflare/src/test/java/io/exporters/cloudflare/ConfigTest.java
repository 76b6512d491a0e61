package io.exporters.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.exporters.cloudflare.settings.CloudflareSettings;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigLoader;
import io.exporters.common.config.LoadedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * lablabs' configuration keeps working (CF_* variables, SCRAPE_DELAY as 300, 300s or 5m,
 * LISTEN, the YAML file, flags), and every bad value stops start-up with the key and where it
 * came from: exit code 2, nothing polled.
 */
class ConfigTest {
  private static LoadedConfig<CloudflareSettings> load(Map<String, String> env, String... args)
      throws ConfigException {
    ConfigLoader<CloudflareSettings> loader =
        new ConfigLoader<>(new CloudflareExporter().configSchema());
    return loader.load(loader.parseArgs(List.of(args)), env);
  }

  @Test
  void scrapeDelayReadsSecondsPlainOrWithUnits() throws Exception {
    for (String value : List.of("300", "300s", "5m")) {
      assertThat(load(Map.of("SCRAPE_DELAY", value)).settings().scrapeDelay())
          .as(value).isEqualTo(Duration.ofMinutes(5));
    }
    assertThat(load(Map.of(), "--scrape_delay=90").settings().scrapeDelay())
        .isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void lablabsVariablesSetTheirKeys() throws Exception {
    LoadedConfig<CloudflareSettings> c = load(Map.of("CF_API_TOKEN", "tok-123456",
        "CF_ZONES", "a.example, 0123", "CF_EXCLUDE_ZONES", "b.example", "CF_ACCOUNTS", "acc1",
        "FREE_TIER", "true", "METRICS_DENYLIST", "cloudflare_zone_uniques_total",
        "LISTEN", "127.0.0.1:19199", "ENABLE_EDGE_ERRORS_BY_PATH", "true"));
    CloudflareSettings s = c.settings();
    assertThat(s.zones()).containsExactly("a.example", "0123");
    assertThat(s.excludeZones()).containsExactly("b.example");
    assertThat(s.accounts()).containsExactly("acc1");
    assertThat(s.freeTier()).isTrue();
    assertThat(s.metricsDenylist()).containsExactly("cloudflare_zone_uniques_total");
    assertThat(c.common().web().listenAddress()).isEqualTo("127.0.0.1:19199");
    assertThat(c.common().collectors().get("edge_errors_by_path").enabled()).isTrue();
    assertThat(load(Map.of()).common().web().listenAddress()).isEqualTo(":9199");
  }

  @Test
  void theBaseUrlComesFromCfApiBaseUrlOverCfApiUrlAndTheFlagOverBoth() throws Exception {
    assertThat(load(Map.of()).settings().baseUrl())
        .isEqualTo("https://api.cloudflare.com/client/v4");
    assertThat(load(Map.of("CF_API_URL", "http://old.test/client/v4/")).settings().baseUrl())
        .isEqualTo("http://old.test/client/v4");
    assertThat(load(Map.of("CF_API_URL", "http://old.test/v4", "CF_API_BASE_URL",
        "http://new.test/v4")).settings().baseUrl()).isEqualTo("http://new.test/v4");
    assertThat(load(Map.of("CF_API_BASE_URL", "http://new.test/v4"),
        "--cloudflare.api-url=http://flag.test/v4").settings().baseUrl())
        .isEqualTo("http://flag.test/v4");
  }

  @Test
  void aYamlFileSetsTheSameKeys(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("cf.yml");
    Files.writeString(file, "scrape_delay: 4m\nzones: [a.example]\nlabels:\n  host: false\n"
        + "top_n: 20\ngraphql_budget: 200\n");
    CloudflareSettings s = load(Map.of(), "--config.file=" + file).settings();
    assertThat(s.scrapeDelay()).isEqualTo(Duration.ofMinutes(4));
    assertThat(s.labels().host()).isFalse();
    assertThat(s.labels().country()).isTrue();
    assertThat(s.topN()).isEqualTo(20);
    assertThat(s.graphqlBudget()).isEqualTo(200);
  }

  @Test
  void badValuesNameTheKeyAndWhereTheyCameFrom(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> load(Map.of("SCRAPE_DELAY", "five minutes")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("environment variable SCRAPE_DELAY")
        .hasMessageContaining("scrape_delay");
    assertThatThrownBy(() -> load(Map.of("SCRAPE_DELAY", "2h")))
        .hasMessageContaining("environment variable SCRAPE_DELAY: key 'scrape_delay': must be "
            + "between 0s and 1h");
    assertThatThrownBy(() -> load(Map.of("METRICS_DENYLIST", "cloudflare_zone_nope")))
        .hasMessageContaining("environment variable METRICS_DENYLIST: key 'metrics_denylist': "
            + "unknown metric cloudflare_zone_nope");
    assertThatThrownBy(() -> load(Map.of("CF_API_KEY", "k-123456")))
        .hasMessageContaining("environment variable CF_API_KEY: key 'api_key'")
        .hasMessageContaining("CF_API_EMAIL")
        .hasMessageNotContaining("k-123456");
    assertThatThrownBy(() -> load(Map.of(), "--cloudflare.graphql-budget=301"))
        .hasMessageContaining("flag --cloudflare.graphql-budget: key 'graphql_budget': must be "
            + "between 1 and 300");
    assertThatThrownBy(() -> load(Map.of("CF_API_BASE_URL", "ftp:/nowhere")))
        .hasMessageContaining("environment variable CF_API_BASE_URL: key 'api_url'");
    Path file = dir.resolve("bad.yml");
    Files.writeString(file, "scrape_dealy: 5m\n");
    assertThatThrownBy(() -> load(Map.of(), "--config.file=" + file))
        .hasMessageContaining("config file " + file + ": unknown key 'scrape_dealy'");
    assertThatThrownBy(() -> load(Map.of("FREE_TIER", "maybe")))
        .hasMessageContaining("environment variable FREE_TIER");
  }

  @Test
  void aBadValueStopsTheProcessWithExitCodeTwo() throws Exception {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CloudflareExporter.class.getName()));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("CF_API_TOKEN", "secret-token-for-exit-test");
    pb.environment().put("SCRAPE_DELAY", "soon");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isEqualTo(2);
    assertThat(out).contains("environment variable SCRAPE_DELAY: key 'scrape_delay'")
        .doesNotContain("secret-token-for-exit-test");
  }
}
