package io.exporters.common.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses Go-exporter style flags: {@code --name=value}, {@code --name value}, {@code --bool},
 * {@code --no-bool}, and per collector {@code --collector.<name>}, {@code --no-collector.<name>}
 * and {@code --collector.<name>.<option>=value}. Unknown flags are errors.
 */
public final class CommandLine {
  public static final String CONFIG_FILE_FLAG = "config.file";

  /** One flag as given: the config key it sets, its value, and how it was written. */
  public record FlagValue(String flag, String path, String value, FlagSpec.Kind kind) {}

  public record Parsed(String configFile, List<FlagValue> values, boolean help, boolean version) {}

  private CommandLine() {}

  public static Parsed parse(List<String> args, List<FlagSpec> specs) throws ConfigException {
    Map<String, FlagSpec> byName = new LinkedHashMap<>();
    for (FlagSpec spec : specs) {
      byName.put(spec.name(), spec);
    }
    String configFile = null;
    boolean help = false;
    boolean version = false;
    Map<String, FlagValue> lists = new LinkedHashMap<>();
    List<FlagValue> values = new ArrayList<>();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (arg.equals("-h") || arg.equals("--help")) {
        help = true;
        continue;
      }
      if (arg.equals("--version")) {
        version = true;
        continue;
      }
      if (!arg.startsWith("--") || arg.length() == 2) {
        throw new ConfigException("unexpected argument '" + arg + "': flags look like --name=value");
      }
      String body = arg.substring(2);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String inline = eq < 0 ? null : body.substring(eq + 1);
      boolean negated = name.startsWith("no-");
      String plain = negated ? name.substring(3) : name;

      if (plain.equals(CONFIG_FILE_FLAG) && !negated) {
        configFile = inline != null ? inline : next(args, ++i, name);
        continue;
      }
      if (plain.startsWith("collector.")) {
        values.add(collectorFlag(plain, negated, inline, args, i));
        if (inline == null && plain.chars().filter(c -> c == '.').count() >= 2) {
          i++;
        }
        continue;
      }
      FlagSpec spec = byName.get(plain);
      if (spec == null || (negated && spec.kind() != FlagSpec.Kind.BOOL)) {
        throw new ConfigException("unknown flag --" + name + " (run with --help to list flags)");
      }
      String value;
      if (spec.kind() == FlagSpec.Kind.BOOL) {
        if (negated && inline != null) {
          throw new ConfigException("flag --" + name + " takes no value");
        }
        value = negated ? "false" : (inline == null ? "true" : inline);
      } else {
        value = inline != null ? inline : next(args, ++i, name);
      }
      FlagValue fv = new FlagValue("--" + name, spec.path(), value, spec.kind());
      if (spec.kind() == FlagSpec.Kind.LIST && lists.containsKey(spec.path())) {
        FlagValue earlier = lists.get(spec.path());
        fv = new FlagValue(fv.flag(), fv.path(), earlier.value() + "," + value, fv.kind());
        values.remove(earlier);
      }
      if (spec.kind() == FlagSpec.Kind.LIST) {
        lists.put(spec.path(), fv);
      }
      values.add(fv);
    }
    return new Parsed(configFile, values, help, version);
  }

  private static FlagValue collectorFlag(
      String plain, boolean negated, String inline, List<String> args, int i)
      throws ConfigException {
    String rest = plain.substring("collector.".length());
    if (rest.isEmpty()) {
      throw new ConfigException("flag --" + plain + ": missing collector name");
    }
    int dot = rest.indexOf('.');
    if (dot < 0) {
      if (negated && inline != null) {
        throw new ConfigException("flag --no-" + plain + " takes no value");
      }
      String value = negated ? "false" : (inline == null ? "true" : inline);
      return new FlagValue("--" + (negated ? "no-" : "") + plain,
          "collectors." + rest + ".enabled", value, FlagSpec.Kind.BOOL);
    }
    if (negated) {
      throw new ConfigException("unknown flag --no-" + plain);
    }
    String value = inline != null ? inline : next(args, i + 1, plain);
    return new FlagValue("--" + plain, "collectors." + rest.substring(0, dot) + "."
        + rest.substring(dot + 1), value, FlagSpec.Kind.STRING);
  }

  private static String next(List<String> args, int i, String name) throws ConfigException {
    if (i >= args.size() || args.get(i).startsWith("--")) {
      throw new ConfigException("flag --" + name + " needs a value");
    }
    return args.get(i);
  }
}
