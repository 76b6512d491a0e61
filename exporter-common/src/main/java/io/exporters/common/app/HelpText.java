package io.exporters.common.app;

import io.exporters.common.collector.CollectorSpec;
import io.exporters.common.config.FlagSpec;
import java.util.List;

/** The {@code --help} text: usage, every flag with its environment twins, every collector. */
final class HelpText {
  private HelpText() {}

  static String of(ExporterDefinition<?, ?> definition, List<FlagSpec> flags) {
    StringBuilder out = new StringBuilder();
    out.append("usage: ").append(definition.name()).append(" [flags]\n\n")
        .append(definition.description()).append("\n\nFlags:\n")
        .append("  --config.file=FILE  YAML configuration file\n");
    for (FlagSpec f : flags) {
      out.append("  --").append(f.name()).append(f.kind() == FlagSpec.Kind.BOOL ? "" : "=VALUE")
          .append("  ").append(f.help());
      if (!f.envNames().isEmpty()) {
        out.append(" [$").append(String.join(", $", f.envNames())).append(']');
      }
      out.append('\n');
    }
    out.append("\nCollectors (--collector.<name> / --no-collector.<name>):\n");
    for (CollectorSpec<?> spec : definition.collectors().all()) {
      out.append("  ").append(spec.name())
          .append(spec.enabledByDefault() ? " (default: enabled)" : " (default: disabled)")
          .append("  ").append(spec.description()).append('\n');
    }
    return out.toString();
  }
}
