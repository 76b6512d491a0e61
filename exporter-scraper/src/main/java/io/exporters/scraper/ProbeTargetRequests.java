package io.exporters.scraper;

import io.exporters.common.backend.Target;
import io.exporters.common.server.ProbeRequest;
import io.exporters.scraper.collector.ProbeTargets;
import io.exporters.scraper.modules.Module;
import io.exporters.scraper.modules.ModuleSet;
import io.exporters.scraper.modules.ProbeTargetChecks;
import io.exporters.scraper.modules.Prober;
import io.exporters.scraper.net.TargetUrls;

/**
 * What a /probe request may ask, checked before anything is dialled: a known module (http_2xx
 * when none is named) whose prober is implemented, a target of its prober's form (an http(s)
 * URL, or host:port for tcp) and a plain hostname that does not contradict the module's Host
 * header. Anything else is answered 400 with the reason.
 */
final class ProbeTargetRequests {
  private ProbeTargetRequests() {}

  static Target target(ProbeRequest request, ModuleSet set) {
    String name = request.module() == null || request.module().isEmpty()
        ? ModuleSet.DEFAULT_MODULE : request.module();
    if (name.length() > 200) {
      throw new IllegalArgumentException("unknown module (name too long)");
    }
    Module module = set.module(name).orElseThrow(() -> new IllegalArgumentException(
        "unknown module '" + name + "' (known: " + set.names() + ")"));
    if (!module.prober().supported()) {
      throw new IllegalArgumentException("module '" + name + "' uses prober "
          + module.prober().label() + ", which this exporter does not implement");
    }
    String target = request.target().trim();
    if (module.prober() == Prober.HTTP) {
      TargetUrls.http(target);
    } else {
      TargetUrls.hostPort(target);
    }
    String hostname = request.params().get("hostname");
    ProbeTargetChecks.hostname(hostname);
    if (hostname != null && !hostname.isEmpty() && module.http() != null
        && module.http().hostHeader() != null
        && !module.http().hostHeader().equalsIgnoreCase(hostname)) {
      throw new IllegalArgumentException("hostname parameter conflicts with the Host header "
          + "of module '" + name + "'");
    }
    return ProbeTargets.probe(target, name, hostname, request.debug());
  }
}
