package io.exporters.redis.collector;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.common.exposition.TextFormat;
import io.exporters.common.metrics.MetricBuffer;
import io.exporters.redis.info.Info;
import io.exporters.redis.settings.Compat;
import io.exporters.redis.settings.Names;
import io.exporters.redis.settings.Output;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The INFO parser and every INFO-derived family on recorded replies of Redis 5.0, 6.2, 7.0
 * (master and replica, recorded from a real 7.0.15), 8.0, Valkey 9.1, KeyDB and Sentinel,
 * compared exactly with golden expositions ({@code -Dgolden.update=true} rewrites them).
 */
class InfoGoldenTest {
  private static final long NOW = 1_800_000_000L;
  private static final InfoCollector.Options ALL = new InfoCollector.Options(true, true, true);

  @ParameterizedTest
  @ValueSource(strings = {"redis-5.0", "redis-6.2", "redis-7.0-master", "redis-7.0-replica",
      "redis-8.0", "valkey-9.1", "keydb-6.3", "sentinel-7.0"})
  void everyRecordedReplyGivesItsGoldenExposition(String name) throws IOException {
    // A Sentinel has no keyspace to pad.
    int databases = name.startsWith("sentinel") ? 0 : 16;
    Golden.assertMatches(render(name, Output.DEFAULT, databases),
        "golden/info-" + name + ".prom");
  }

  @Test
  void version145KeepsItsTypesAndLabels() throws IOException {
    String text = render("redis-7.0-master", new Output(Names.DEFAULT, Compat.V1_45), 16);
    Golden.assertMatches(text, "golden/info-redis-7.0-master-1.45.prom");
    Exposition e = Exposition.parseText(text);
    assertThat(e.familyOrFail("redis_expired_time_cap_reached_total").type()).isEqualTo("gauge");
    assertThat(e.samples("redis_instance_info").get(0).labels()).doesNotContainKey(
        "master_replid");
  }

  @Test
  void theCurrentGenerationTypesTheCapCounterAndLabelsTheReplicationId() throws IOException {
    Exposition e = Exposition.parseText(render("redis-7.0-master", Output.DEFAULT, 16));
    assertThat(e.familyOrFail("redis_expired_time_cap_reached_total").type())
        .isEqualTo("counter");
    assertThat(e.samples("redis_instance_info").get(0).labels())
        .containsEntry("master_replid", "de60af21842f410f368f9904584af49c1fdf931c");
  }

  @Test
  void keyspaceIsPaddedToTheDatabaseCountAndReadByFieldName() throws IOException {
    Exposition e = Exposition.parseText(render("redis-8.0", Output.DEFAULT, 8));
    assertThat(e.samples("redis_db_keys")).hasSize(8);
    assertThat(e.value("redis_db_keys", "db", "db7")).isEqualTo(0);
    assertThat(e.value("redis_db_keys_with_expiring_items", "db", "db0")).isEqualTo(3);
    // 7.4's subexpiry is not KeyDB's cached_keys, whatever its position.
    assertThat(e.family("redis_db_keys_cached")).isEmpty();
    Exposition keydb = Exposition.parseText(render("keydb-6.3", Output.DEFAULT, 16));
    assertThat(keydb.value("redis_db_keys_cached", "db", "db0")).isEqualTo(5);
  }

  @Test
  void namespaceAppliesToEveryFamily() throws IOException {
    String text = render("redis-6.2", new Output(new Names("cache"), Compat.CURRENT), 16);
    assertThat(Exposition.parseText(text).names()).allMatch(n -> n.startsWith("cache_"));
  }

  private static String render(String name, Output out, int databases) throws IOException {
    String recorded = Files.readString(Path.of("src/test/resources/info/" + name + ".txt"));
    // Recorded with \n; the server sends \r\n.
    Info info = Info.parse(recorded.replace("\n", "\r\n"));
    MetricBuffer buffer = new MetricBuffer();
    InfoCollector.write(info, new FieldMetrics(out, ALL.systemMetrics()), out, ALL, NOW,
        databases, buffer);
    return TextFormat.toText(buffer.families());
  }
}
