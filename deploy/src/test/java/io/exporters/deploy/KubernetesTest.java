package io.exporters.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.exporters.testkit.ExporterProcess;
import io.exporters.testkit.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/kubernetes: every kustomization resolves, each exporter has a Deployment, Service and
 * ServiceMonitor that agree with each other (selectors, ports, probes on the health endpoints,
 * resources, secrets by reference), and the PrometheusRule is the rule files, unchanged.
 * kubectl kustomize renders it where kubectl is installed; the YAML checks run everywhere.
 */
class KubernetesTest {
  static final YAMLMapper YAML = new YAMLMapper();
  static final Map<String, Integer> PORTS = Map.of("postgres", 9187, "redis", 9121,
      "cloudflare", 9199, "scraper", 9115);

  @Test
  void theManifestsOfEachExporterAgree() throws Exception {
    Path root = Repo.file("deploy/kubernetes");
    JsonNode top = YAML.readTree(root.resolve("kustomization.yaml").toFile());
    List<String> topResources = new ArrayList<>();
    top.get("resources").forEach(r -> topResources.add(r.asText()));
    for (Map.Entry<String, Integer> e : PORTS.entrySet()) {
      String name = "exporter-" + e.getKey();
      assertThat(topResources).contains(name);
      Path dir = root.resolve(name);
      JsonNode kustomization = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
      for (JsonNode r : kustomization.get("resources")) {
        assertThat(dir.resolve(r.asText())).as(name).exists();
      }
      JsonNode deployment = YAML.readTree(dir.resolve("deployment.yaml").toFile());
      JsonNode service = YAML.readTree(dir.resolve("service.yaml").toFile());
      JsonNode monitor = YAML.readTree(dir.resolve("servicemonitor.yaml").toFile());
      JsonNode container = deployment.at("/spec/template/spec/containers/0");
      assertThat(deployment.at("/spec/selector/matchLabels/app.kubernetes.io~1name").asText())
          .isEqualTo(name).isEqualTo(
              deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1name").asText());
      assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
      assertThat(monitor.at("/spec/selector/matchLabels"))
          .isEqualTo(deployment.at("/spec/selector/matchLabels"));
      assertThat(container.at("/image").asText()).as("the tag compose builds")
          .isEqualTo(Compose.load().service(name).get("image").asText());
      assertThat(container.at("/ports/0/containerPort").asInt()).isEqualTo(e.getValue());
      assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(e.getValue());
      assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/-/healthy");
      assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/-/ready");
      assertThat(container.at("/resources/requests/memory").asText()).isNotEmpty();
      assertThat(container.at("/resources/limits/memory").asText()).isNotEmpty();
      assertThat(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean())
          .isTrue();
      assertThat(monitor.at("/spec/endpoints/0/relabelings/0/replacement").asText())
          .as("job label, as the rules expect").isEqualTo(e.getKey());
      // Secrets by reference only: no literal credential in a manifest.
      for (JsonNode env : container.path("env")) {
        String key = env.get("name").asText();
        if (key.contains("PASSWORD") && !key.endsWith("_FILE") || key.contains("TOKEN")) {
          assertThat(env.has("valueFrom")).as(name + " " + key).isTrue();
        }
      }
    }
  }

  /** The scraper's ConfigMap file is a configuration the exporter starts with. */
  @Test
  void theScraperConfigMapLoads(@TempDir Path dir) throws Exception {
    JsonNode container = YAML.readTree(Repo.file(
        "deploy/kubernetes/exporter-scraper/deployment.yaml").toFile())
        .at("/spec/template/spec/containers/0");
    assertThat(container.at("/args/0").asText()).isEqualTo("--config.file=/etc/exporter/scraper.yml");
    assertThat(container.at("/volumeMounts").findValuesAsText("mountPath"))
        .contains("/etc/exporter");
    try (ExporterProcess scraper = ExporterProcess.ofJar(Repo.jar("scraper"))
        .args(List.of("--config.file="
            + Repo.file("deploy/kubernetes/exporter-scraper/scraper.yml")))
        .log(dir.resolve("scraper.log")).start()) {
      assertThat(scraper.get("/-/ready").status()).isEqualTo(200);
    }
  }

  @Test
  void thePrometheusRuleIsTheRuleFiles() throws Exception {
    ObjectNode rule = JsonNodeFactory.instance.objectNode();
    rule.put("apiVersion", "monitoring.coreos.com/v1");
    rule.put("kind", "PrometheusRule");
    rule.putObject("metadata").put("name", "exporters")
        .putObject("labels").put("app.kubernetes.io/part-of", "exporters");
    ArrayNode groups = rule.putObject("spec").putArray("groups");
    try (var files = Files.list(Repo.file("deploy/prometheus/rules"))) {
      for (Path f : files.sorted().toList()) {
        YAML.readTree(f.toFile()).get("groups").forEach(groups::add);
      }
    }
    ObjectMapper writer = new ObjectMapper(YAMLFactory.builder()
        .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
        .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
        .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE).build());
    String expected = "# Generated from deploy/prometheus/rules by KubernetesTest: regenerate with\n"
        + "# mvn -pl deploy verify -Dtest=KubernetesTest -Dgolden.update=true\n"
        + writer.writeValueAsString(rule);
    Golden.assertMatches(expected, Repo.file("deploy/kubernetes/prometheusrule.yaml"));
  }

  /**
   * kubectl renders the whole kustomization (.ci/services installs it where missing); every
   * object lands in the namespace, which enforces the "restricted" Pod Security Standard, and
   * every pod meets it and has requests and limits.
   */
  @Test
  void kubectlRendersTheWholeKustomizationAndEveryPodIsRestricted() throws Exception {
    Path kubectl = Tools.require("kubectl");
    Tools.Result r = Tools.run(Repo.root(), kubectl.toString(), "kustomize",
        Repo.file("deploy/kubernetes").toString());
    assertThat(r.exitCode()).as(r.output()).isZero();
    List<String> kinds = new ArrayList<>();
    for (String doc : r.output().split("(?m)^---$")) {
      if (doc.isBlank()) {
        continue;
      }
      JsonNode node = YAML.readTree(doc);
      String kind = node.get("kind").asText();
      kinds.add(kind);
      if (kind.equals("Namespace")) {
        assertThat(node.at("/metadata/name").asText()).isEqualTo("monitoring");
        assertThat(node.at("/metadata/labels/pod-security.kubernetes.io~1enforce").asText())
            .isEqualTo("restricted");
        continue;
      }
      assertThat(node.at("/metadata/namespace").asText()).as(kind).isEqualTo("monitoring");
      if (kind.equals("Deployment")) {
        String name = node.at("/metadata/name").asText();
        JsonNode pod = node.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).as(name).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).as(name).isNotZero();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).as(name)
            .isEqualTo("RuntimeDefault");
        assertThat(pod.path("hostNetwork").asBoolean(false)).isFalse();
        for (JsonNode c : pod.get("containers")) {
          assertThat(c.at("/securityContext/allowPrivilegeEscalation").asBoolean(true))
              .as(name).isFalse();
          assertThat(c.at("/securityContext/readOnlyRootFilesystem").asBoolean()).as(name)
              .isTrue();
          List<String> dropped = new ArrayList<>();
          c.at("/securityContext/capabilities/drop").forEach(d -> dropped.add(d.asText()));
          assertThat(dropped).as(name).containsExactly("ALL");
          assertThat(c.at("/securityContext/capabilities/add").isMissingNode()).isTrue();
          assertThat(c.at("/resources/requests/cpu").asText()).as(name).isNotEmpty();
          assertThat(c.at("/resources/requests/memory").asText()).as(name).isEqualTo("128Mi");
          assertThat(c.at("/resources/limits/memory").asText()).as(name).isEqualTo("192Mi");
          // A read-only root: the JVM's /tmp (perf data, the health check's address) is a volume.
          assertThat(c.at("/volumeMounts").findValuesAsText("mountPath")).as(name)
              .contains("/tmp");
        }
      }
    }
    assertThat(kinds).contains("Namespace", "Deployment", "Service", "ServiceMonitor", "Probe",
        "PrometheusRule", "ConfigMap");
    assertThat(kinds.stream().filter("Deployment"::equals).count()).isEqualTo(4);
  }
}
