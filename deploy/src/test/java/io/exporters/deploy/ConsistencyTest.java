package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.exporters.testkit.Backends;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Exposition;
import io.exporters.testkit.TestCertificates;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files agree with each other and with the exporters: ports, image names, paths,
 * job names and metric names, across the exporters' own defaults, docker-compose.yml, the
 * Dockerfile, the Prometheus configs, the Kubernetes manifests, the dashboards, the rules and the
 * README.
 */
class ConsistencyTest {
  static final List<String> EXPORTERS = List.of("postgres", "redis", "cloudflare", "scraper");
  static final YAMLMapper YAML = new YAMLMapper();
  static final Map<String, Integer> PORTS = new LinkedHashMap<>();
  static Compose compose;
  static JsonNode prometheus;

  @BeforeAll
  static void read() throws Exception {
    for (String exporter : EXPORTERS) {
      PORTS.put(exporter, defaultPort(exporter));
    }
    compose = Compose.load();
    prometheus = YAML.readTree(Repo.file("deploy/prometheus/prometheus.yml").toFile());
  }

  /** The exporter's own default, as its --help states it. */
  static int defaultPort(String exporter) throws Exception {
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-jar", Repo.jar(exporter).toString(), "--help").redirectErrorStream(true)
        .start();
    String help = new String(p.getInputStream().readAllBytes());
    p.waitFor(60, TimeUnit.SECONDS);
    Matcher m = Pattern.compile("--web.listen-address=\\S+ .*\\(default :(\\d+)\\)").matcher(help);
    assertThat(m.find()).as(exporter + " --help states its default port: " + help).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void portsAgreeWithTheExportersDefaults() throws Exception {
    String readme = Files.readString(Repo.file("README.md"));
    String dockerfile = Files.readString(Repo.file("deploy/docker/Dockerfile"));
    String run = Files.readString(Repo.file("run-exporters.sh"));
    for (Map.Entry<String, Integer> e : PORTS.entrySet()) {
      String name = e.getKey();
      String port = String.valueOf(e.getValue());
      assertThat(readme).as("README table and section").containsPattern(
          "\\| `exporter-" + name + "` \\|[^\n]*\\| " + port + " \\|")
          .contains("### exporter-" + name + " (port " + port + ")");
      assertThat(dockerfile).as("Dockerfile's list of ports").contains(name + " " + port);
      assertThat(run).as("run-exporters.sh").contains("start " + name + " " + port);
      assertThat(compose.service("exporter-" + name).at("/build/args/PORT").asText())
          .as("compose build argument").isEqualTo(port);
      JsonNode deployment = k8s(name, "deployment.yaml");
      assertThat(deployment.at("/spec/template/spec/containers/0/ports/0/containerPort").asInt())
          .as("k8s containerPort").isEqualTo(e.getValue());
      assertThat(k8s(name, "service.yaml").at("/spec/ports/0/port").asInt())
          .as("k8s service port").isEqualTo(e.getValue());
    }
    // Wherever a file names an exporter's host with a port, it is that exporter's port.
    for (Path f : textFiles()) {
      Matcher m = Pattern.compile("exporter-(postgres|redis|cloudflare|scraper)"
          + "(?:\\.[a-z.]+)?:(\\d{2,5})\\b").matcher(Files.readString(f));
      while (m.find()) {
        assertThat(Integer.parseInt(m.group(2))).as(Repo.root().relativize(f) + ": " + m.group())
            .isEqualTo(PORTS.get(m.group(1)));
      }
    }
  }

  /** The project's version without -SNAPSHOT: what the images are tagged with. */
  private static String version() throws Exception {
    Matcher m = Pattern.compile("<artifactId>exporters-parent</artifactId>\\s*<version>([^<]+)"
        + "</version>").matcher(Files.readString(Repo.file("pom.xml")));
    assertThat(m.find()).isTrue();
    return m.group(1).replace("-SNAPSHOT", "");
  }

  @Test
  void imageNamesAgree() throws Exception {
    String readme = Files.readString(Repo.file("README.md"));
    for (String name : EXPORTERS) {
      String image = compose.service("exporter-" + name).get("image").asText();
      assertThat(image).startsWith("exporters/exporter-" + name + ":");
      assertThat(k8s(name, "deployment.yaml").at("/spec/template/spec/containers/0/image")
          .asText()).isEqualTo(image);
      assertThat(readme).as("README names the image").contains(image);
      // The tag is the project's version and the version label the image is built with.
      assertThat(image).endsWith(":" + version());
      assertThat(compose.service("exporter-" + name).at("/build/args/VERSION").asText())
          .isEqualTo(version());
    }
  }

  @Test
  void everyPathTheFilesNameExists() throws Exception {
    for (String service : compose.serviceNames()) {
      for (String host : compose.volumes(service).keySet()) {
        if (host.startsWith("./")) {
          assertThat(Repo.file(host.substring(2))).as("compose " + service + " mounts " + host)
              .exists();
        }
      }
      JsonNode build = compose.service(service).path("build");
      if (build.has("dockerfile")) {
        assertThat(Repo.file(build.get("dockerfile").asText())).exists();
      }
    }
    for (String line : Files.readAllLines(Repo.file("deploy/docker/Dockerfile"))) {
      Matcher copy = Pattern.compile("^COPY (?!--from)(.+) \\S+$").matcher(line);
      if (copy.find()) {
        for (String source : copy.group(1).split(" ")) {
          for (String exporter : List.of("postgres", "redis", "cloudflare", "scraper")) {
            assertThat(Repo.file(source.replace("${EXPORTER}", exporter)))
                .as("Dockerfile: " + line).exists();
          }
        }
      }
    }
    // Repository paths the README mentions (in backticks or links) exist.
    Matcher m = Pattern.compile("[`(]((?:deploy|docs|bench|exporter-[a-z]+|\\.ci)/[A-Za-z0-9_./-]+"
        + "|docker-compose\\.yml|\\.env\\.example|jvm\\.options)[`)]")
        .matcher(Files.readString(Repo.file("README.md")));
    while (m.find()) {
      String path = m.group(1).replaceAll("[.]$", "");
      if (!path.contains("<")) {
        assertThat(Repo.file(path)).as("README names " + path).exists();
      }
    }
  }

  @Test
  void scrapeSnippetsAreTheJobsOfTheStacksPrometheus() throws Exception {
    Map<String, JsonNode> stack = jobs(prometheus);
    Map<String, JsonNode> snippets = new TreeMap<>();
    try (Stream<Path> files = Files.list(Repo.file("deploy/prometheus/scrape-configs"))) {
      for (Path f : files.sorted().toList()) {
        snippets.putAll(jobs(YAML.readTree(f.toFile())));
      }
    }
    assertThat(snippets.keySet()).isEqualTo(stack.keySet());
    for (String job : stack.keySet()) {
      assertThat(snippets.get(job)).as("job " + job).isEqualTo(stack.get(job));
    }
  }

  @Test
  void jobNamesInRulesDashboardsAndKubernetesAreScrapeJobs() throws Exception {
    Set<String> jobs = jobs(prometheus).keySet();
    List<String> uses = new ArrayList<>();
    Pattern matcher = Pattern.compile("\\bjob\\s*(=~|=)\\s*\"([^\"$]+)\"");
    for (String expr : expressions()) {
      Matcher m = matcher.matcher(expr);
      while (m.find()) {
        uses.add(m.group(1).equals("=") ? Pattern.quote(m.group(2)) : m.group(2));
      }
    }
    for (Path f : Dashboards.files()) {
      for (JsonNode v : new ObjectMapper().readTree(f.toFile()).at("/templating/list")) {
        String current = v.at("/current/value").asText("");
        if (v.get("name").asText().equals("job") && !current.isEmpty()
            && !current.equals("$__all")) {
          uses.add(current);
        }
      }
    }
    for (String name : EXPORTERS) {
      for (JsonNode endpoint : k8s(name, "servicemonitor.yaml").at("/spec/endpoints")) {
        for (JsonNode relabel : endpoint.path("relabelings")) {
          if (relabel.path("targetLabel").asText().equals("job")) {
            uses.add(Pattern.quote(relabel.get("replacement").asText()));
          }
        }
      }
    }
    assertThat(uses).isNotEmpty();
    for (String use : uses) {
      assertThat(jobs.stream().anyMatch(j -> j.matches(use)))
          .as("job matcher \"" + use + "\" matches one of the scrape jobs " + jobs).isTrue();
    }
  }

  @Test
  void everyMetricTheRulesAndDashboardsUseIsServed(@TempDir Path dir) throws Exception {
    Set<String> served = new TreeSet<>(LiveStack.get().metricNames());
    served.addAll(probeFamiliesTheDemoDoesNotShow(dir));
    Set<String> recorded = new TreeSet<>();
    for (JsonNode rule : Rules.all()) {
      if (rule.has("record")) {
        recorded.add(rule.get("record").asText());
      }
    }
    Set<String> unknown = new TreeSet<>();
    for (String expr : expressions()) {
      for (String metric : PromQl.metricNames(expr)) {
        if (!served.contains(metric) && !recorded.contains(metric)) {
          unknown.add(metric);
        }
      }
    }
    assertThat(unknown).as("metrics no exporter serves").isEmpty();
  }

  /**
   * What exporter-scraper serves only for a failing probe or an https target, neither of which
   * the demo stack has: one probe of each through the shipped start script.
   */
  static Set<String> probeFamiliesTheDemoDoesNotShow(Path dir) throws Exception {
    TestCertificates certs = TestCertificates.create(dir);
    HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certs.serverContext()));
    server.createContext("/", x -> {
      x.sendResponseHeaders(204, -1);
      x.close();
    });
    server.start();
    Path config = Files.writeString(dir.resolve("scraper.yml"), "modules:\n  https_2xx:\n"
        + "    prober: http\n    http:\n      tls_config:\n        ca_file: "
        + certs.caCertFile() + "\n");
    Set<String> names = new TreeSet<>();
    try (ExporterProcess scraper = ExporterProcess.ofJar(Repo.jar("scraper"))
        .args(List.of("--config.file=" + config)).log(dir.resolve("scraper.log")).start()) {
      String https = scraper.text("/probe?module=https_2xx&target=https://localhost:"
          + server.getAddress().getPort() + "/");
      assertThat(https).as(scraper.log()).contains("\nprobe_success 1\n");
      String refused = scraper.text("/probe?module=http_2xx&target=http://127.0.0.1:"
          + Backends.freePort() + "/");
      assertThat(refused).as(scraper.log()).contains("\nprobe_success 0\n");
      for (String body : List.of(https, refused)) {
        Exposition.parseText(body).names().forEach(names::add);
      }
    } finally {
      server.stop(0);
    }
    return names;
  }

  /** Every rule expression, every panel query and every variable query. */
  static List<String> expressions() throws Exception {
    List<String> out = new ArrayList<>();
    for (JsonNode rule : Rules.all()) {
      out.add(rule.get("expr").asText());
    }
    Dashboards.panelQueries().forEach(q -> out.add(q.expr()));
    Dashboards.variableQueries().forEach(q -> out.add(q.expr()));
    return out;
  }

  static Map<String, JsonNode> jobs(JsonNode config) {
    Map<String, JsonNode> jobs = new TreeMap<>();
    for (JsonNode job : config.get("scrape_configs")) {
      ObjectNode copy = job.deepCopy();
      jobs.put(copy.remove("job_name").asText(), copy);
    }
    return jobs;
  }

  static JsonNode k8s(String exporter, String file) throws Exception {
    return YAML.readTree(Repo.file("deploy/kubernetes/exporter-" + exporter + "/" + file)
        .toFile());
  }

  static List<Path> textFiles() throws Exception {
    List<Path> files = new ArrayList<>(List.of(Repo.file("README.md"),
        Repo.file("docker-compose.yml"), Repo.file("run-exporters.sh")));
    for (String dir : List.of("deploy/prometheus", "deploy/kubernetes", "deploy/grafana",
        "deploy/docker", "deploy/config", "docs")) {
      try (Stream<Path> walk = Files.walk(Repo.file(dir))) {
        walk.filter(Files::isRegularFile).forEach(files::add);
      }
    }
    return files;
  }

}
