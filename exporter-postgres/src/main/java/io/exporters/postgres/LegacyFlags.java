package io.exporters.postgres;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.common.config.ConfigException;
import io.exporters.common.config.ConfigTree;
import io.exporters.common.config.FlagSpec;
import java.util.List;
import java.util.Optional;

/**
 * postgres_exporter 0.11's flags and collector names, so a Debian unit's ARGS keep working:
 * --disable-default-metrics and --disable-settings-metrics turn collectors off unless a
 * --collector flag says otherwise, --metric-prefix accepts only its default, and "bgwriter" is
 * the old name of stat_bgwriter. The flags land under {@link #KEY}, rewritten here.
 */
final class LegacyFlags {
  static final String KEY = "legacy_flags";
  // What 0.11's --disable-default-metrics turned off: its built-in metric maps.
  private static final List<String> DEFAULT_METRICS = List.of("stat_database",
      "stat_database_conflicts", "locks", "stat_replication", "replication_slots",
      "stat_archiver", "stat_activity", "static");

  private LegacyFlags() {}

  static List<FlagSpec> flags() {
    return List.of(
        FlagSpec.bool("disable-default-metrics", KEY + ".disable_default_metrics",
            "postgres_exporter 0.11's switch: turns off the collectors that were its default "
                + "metric maps."),
        FlagSpec.bool("disable-settings-metrics", KEY + ".disable_settings_metrics",
            "postgres_exporter 0.11's switch: turns off the settings collector."),
        FlagSpec.string("metric-prefix", KEY + ".metric_prefix",
            "postgres_exporter 0.11's prefix; only its default, pg, is supported."));
  }

  static void rewrite(ConfigTree tree) throws ConfigException {
    Optional<JsonNode> bgwriter = tree.remove("collectors.bgwriter");
    if (bgwriter.isPresent()) {
      if (tree.has("collectors.stat_bgwriter")) {
        throw new ConfigException(tree.sourceOf("collectors.bgwriter") + ": key "
            + "'collectors.bgwriter': the old name of stat_bgwriter, which is also set; keep one");
      }
      tree.set("collectors.stat_bgwriter", bgwriter.get(), tree.sourceOf("collectors.bgwriter"));
    }
    Optional<JsonNode> legacy = tree.remove(KEY);
    if (legacy.isEmpty()) {
      return;
    }
    JsonNode prefix = legacy.get().get("metric_prefix");
    if (prefix != null && !prefix.asText().equals("pg")) {
      throw new ConfigException(tree.sourceOf(KEY + ".metric_prefix") + ": only the prefix "
          + "'pg' is supported, got '" + prefix.asText() + "'");
    }
    if (legacy.get().path("disable_default_metrics").asBoolean(false)) {
      for (String name : DEFAULT_METRICS) {
        disableUnlessSet(tree, name, KEY + ".disable_default_metrics");
      }
    }
    if (legacy.get().path("disable_settings_metrics").asBoolean(false)) {
      disableUnlessSet(tree, "settings", KEY + ".disable_settings_metrics");
    }
  }

  private static void disableUnlessSet(ConfigTree tree, String collector, String because)
      throws ConfigException {
    String key = "collectors." + collector + ".enabled";
    if (!tree.has(key) && !tree.node("collectors." + collector).map(JsonNode::isBoolean)
        .orElse(false)) {
      tree.set(key, "false", FlagSpec.Kind.BOOL, tree.sourceOf(because));
    }
  }
}
