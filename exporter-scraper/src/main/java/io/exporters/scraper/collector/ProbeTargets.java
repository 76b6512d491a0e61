package io.exporters.scraper.collector;

import io.exporters.common.backend.Target;
import io.exporters.common.secret.Secret;
import io.exporters.scraper.net.TargetUrls;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the scraper's targets are written into the core's {@link Target}: the address without
 * user info (it is logged and keyed), the whole target as a secret when it has user info, and
 * the module and hostname as options (so probes of one target with different modules are
 * different rounds). One more target stands for "every static target".
 */
public final class ProbeTargets {
  static final String KIND = "kind";
  static final String MODULE = "module";
  static final String HOSTNAME = "hostname";
  static final String DEBUG = "debug";
  private static final String STATIC = "static";

  private ProbeTargets() {}

  /** {@code debug}: the caller asked for debug=true, so the probe's log goes to the answer. */
  public static Target probe(String target, String module, String hostname, boolean debug) {
    Map<String, String> options = new LinkedHashMap<>();
    options.put(KIND, "probe");
    options.put(MODULE, module);
    if (hostname != null && !hostname.isEmpty()) {
      options.put(HOSTNAME, hostname);
    }
    if (debug) {
      options.put(DEBUG, "true");
    }
    String shown = TargetUrls.withoutUserInfo(target);
    return new Target(shown, "", null, shown.equals(target) ? null : Secret.of(target), options);
  }

  /** The one target of /metrics when static targets are configured. */
  public static Target allStatic(int count) {
    return new Target(count + " static targets", "", null, null, Map.of(KIND, STATIC));
  }

  /** Whether the probe's log is wanted in the answer (masking every line costs). */
  static boolean debug(Target target) {
    return "true".equals(target.options().get(DEBUG));
  }

  static boolean isStatic(Target target) {
    return STATIC.equals(target.options().get(KIND));
  }

  /** The target as the caller gave it, user info included. */
  static String reveal(Target target) {
    return target.password() != null ? target.password().reveal() : target.address();
  }
}
