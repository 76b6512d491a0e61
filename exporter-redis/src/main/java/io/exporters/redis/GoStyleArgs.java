package io.exporters.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * redis_exporter is a Go program: its flags are written {@code -redis.addr=...} as often as
 * {@code --redis.addr=...} (Debian's defaults file, Helm charts). Both spellings are accepted
 * by turning the first into the second before the core parses them. Also reads
 * {@code --namespace} early, because the namespace names the exporter itself.
 */
final class GoStyleArgs {
  static final String NAMESPACE_ENV = "REDIS_EXPORTER_NAMESPACE";

  private GoStyleArgs() {}

  static List<String> normalize(List<String> args) {
    List<String> out = new ArrayList<>(args.size());
    for (String arg : args) {
      boolean singleDash = arg.length() > 2 && arg.charAt(0) == '-' && arg.charAt(1) != '-'
          && Character.isLetter(arg.charAt(1));
      out.add(singleDash ? "-" + arg : arg);
    }
    return out;
  }

  /** The namespace asked for by flag (wins) or environment; {@code redis} otherwise. */
  static String namespace(List<String> normalizedArgs, Map<String, String> env) {
    for (int i = 0; i < normalizedArgs.size(); i++) {
      String arg = normalizedArgs.get(i);
      if (arg.startsWith("--namespace=")) {
        return arg.substring("--namespace=".length());
      }
      if (arg.equals("--namespace") && i + 1 < normalizedArgs.size()) {
        return normalizedArgs.get(i + 1);
      }
    }
    String fromEnv = env.get(NAMESPACE_ENV);
    return fromEnv == null || fromEnv.isBlank() ? "redis" : fromEnv;
  }
}
