package io.exporters.common.server;

import io.exporters.common.config.AuthModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The HTML page at {@code /}: what this is, its version, links, and the effective config. */
public final class LandingPage {
  private LandingPage() {}

  public record Link(String path, String text, String description) {}

  /** {@code probeModuleParameter}: the form's module field, or null for no probe form. */
  public static String render(String name, String description, String version,
      List<Link> links, String probeModuleParameter, Map<String, AuthModule> authModules,
      String effectiveConfigYaml) {
    StringBuilder html = new StringBuilder(4096);
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
        .append(escape(name)).append("</title>\n<style>body{font-family:sans-serif;margin:2em}"
            + "header{background:#e6522c;color:#fff;padding:.5em 1em}pre{background:#f4f4f4;"
            + "padding:1em;overflow:auto}</style></head>\n<body>\n<header><h1>")
        .append(escape(name)).append("</h1></header>\n<p>").append(escape(description))
        .append("</p>\n<p>Version: ").append(escape(version)).append("</p>\n<ul>\n");
    for (Link link : links) {
      html.append("<li><a href=\"").append(escape(relative(link.path()))).append("\">")
          .append(escape(link.text())).append("</a> ").append(escape(link.description()))
          .append("</li>\n");
    }
    html.append("</ul>\n");
    if (probeModuleParameter != null) {
      html.append("<h2>Probe a target</h2>\n<form action=\"probe\">"
          + "<label>Target: <input type=\"text\" name=\"target\" size=\"40\"></label> "
          + "<label>Module (").append(escape(probeModuleParameter))
          .append("): <input type=\"text\" name=\"").append(escape(probeModuleParameter))
          .append("\"></label> <input type=\"submit\" value=\"Probe\"></form>\n");
    }
    authModules(html, authModules);
    html.append("<h2>Effective configuration</h2>\n<pre>").append(escape(effectiveConfigYaml))
        .append("</pre>\n</body></html>\n");
    return html.toString();
  }

  /** Each module and where its credentials may go; an unrestricted password is marked. */
  private static void authModules(StringBuilder html, Map<String, AuthModule> modules) {
    if (modules.isEmpty()) {
      return;
    }
    html.append("<h2>Auth modules</h2>\n<ul>\n");
    new TreeMap<>(modules).forEach((name, module) -> {
      html.append("<li>").append(escape(name)).append(": ");
      if (module.unrestricted()) {
        html.append("<strong class=\"warning\">warning: no allowed_targets, so /probe sends "
            + "this module's password to any host a caller names</strong>");
      } else if (module.allowedTargets().isEmpty()) {
        html.append("any target");
      } else {
        html.append("allowed targets ").append(escape(String.join(", ",
            module.allowedTargets())));
      }
      html.append("</li>\n");
    });
    html.append("</ul>\n");
  }

  // Relative links keep working behind a reverse proxy that serves the exporter under a prefix.
  private static String relative(String path) {
    return path.startsWith("/") ? path.substring(1) : path;
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<':
          out.append("&lt;");
          break;
        case '>':
          out.append("&gt;");
          break;
        case '&':
          out.append("&amp;");
          break;
        case '"':
          out.append("&quot;");
          break;
        case '\'':
          out.append("&#39;");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
