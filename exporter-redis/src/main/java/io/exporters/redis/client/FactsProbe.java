package io.exporters.redis.client;

import io.exporters.common.backend.Version;
import io.exporters.redis.info.Info;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a target's {@link ServerFacts} with commands that fail nothing: INFO server, then
 * COMMAND INFO for the admin commands the collectors use (a renamed or missing one comes back
 * nil), then CONFIG GET databases when CONFIG is there.
 */
final class FactsProbe {
  /** Admin commands collectors send; probed once per target. */
  static final List<String> ADMIN = List.of("latency", "slowlog", "memory", "cluster", "xinfo",
      "client");
  static final int DEFAULT_DATABASES = 16;

  private FactsProbe() {}

  static ServerFacts detect(RedisConnection c, String configCommand) {
    Info server = Info.parse(c.info("server"));
    Version version = null;
    String versionText = server.get("redis_version");
    if (versionText != null) {
      try {
        version = Version.parse(versionText);
      } catch (IllegalArgumentException ignored) {
        // A fork with an odd version string: collectors then run without version gates.
      }
    }
    String mode = server.get("redis_mode");
    if (mode == null) {
      mode = server.getOrDefault("server_mode", "standalone");
    }
    String runId = server.getOrDefault("run_id", "");
    Set<String> missing = new HashSet<>();
    boolean withConfig = configCommand != null && !configCommand.equals("-");
    if (!withConfig) {
      missing.add("config");
    }
    if (mode.equals("sentinel")) {
      // Sentinel's command table has none of these; asking would only log errors there.
      missing.add("config");
      missing.addAll(ADMIN);
      return new ServerFacts(version, mode, runId, 0, missing);
    }
    probeCommands(c, withConfig ? configCommand : null, missing);
    int databases = mode.equals("cluster") ? 1 : DEFAULT_DATABASES;
    if (!mode.equals("cluster") && !missing.contains("config")) {
      databases = databases(c, configCommand, missing);
    }
    return new ServerFacts(version, mode, runId, databases, missing);
  }

  private static void probeCommands(RedisConnection c, String configCommand,
      Set<String> missing) {
    String[] ask = new String[ADMIN.size() + (configCommand == null ? 2 : 3)];
    ask[0] = "COMMAND";
    ask[1] = "INFO";
    for (int i = 0; i < ADMIN.size(); i++) {
      ask[i + 2] = ADMIN.get(i);
    }
    if (configCommand != null) {
      ask[ask.length - 1] = configCommand;
    }
    List<Object> replies;
    try {
      replies = Replies.list(c.call(ask));
    } catch (RedisError e) {
      // COMMAND itself refused (an ACL, an old fork): learn from the first error instead.
      return;
    }
    for (int i = 0; i < replies.size() && i + 2 < ask.length; i++) {
      Object reply = replies.get(i);
      if (reply == null || (reply instanceof List<?> l && l.isEmpty())) {
        missing.add(i + 2 == ask.length - 1 && configCommand != null ? "config" : ask[i + 2]);
      }
    }
  }

  private static int databases(RedisConnection c, String configCommand, Set<String> missing) {
    try {
      List<String> pair = Replies.texts(c.call(configCommand, "GET", "databases"));
      if (pair.size() == 2) {
        int n = Integer.parseInt(pair.get(1).strip());
        return n > 0 ? n : DEFAULT_DATABASES;
      }
    } catch (RedisError e) {
      if (e.isRefusal()) {
        missing.add("config");
      }
    } catch (NumberFormatException ignored) {
      // Fall back to Redis' default.
    }
    return DEFAULT_DATABASES;
  }
}
