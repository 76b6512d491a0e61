package io.exporters.testkit;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The layering a module keeps, checked on its compiled classes (tests excluded): no package
 * cycles; in the core, each package uses only the packages below it; no exporter depends on
 * another or on the core's process wiring outside its root package. Each module runs it through
 * a one-line {@code ArchitectureTest extends ArchitectureContract} in its root package; only that
 * package's classes are imported (the rest stay unresolved names), once per module.
 */
public abstract class ArchitectureContract {
  private static final String ROOT = "io.exporters";
  private static final String CORE = "io.exporters.common";
  private static final Map<String, JavaClasses> IMPORTED = new ConcurrentHashMap<>();

  /** The module's root package: the subclass's own. */
  private String modulePackage() {
    return getClass().getPackageName();
  }

  private JavaClasses classes() {
    return IMPORTED.computeIfAbsent(modulePackage(), p -> new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(location -> !location.contains("-tests.jar"))
        .importPackages(p));
  }

  private boolean isCore() {
    return modulePackage().equals(CORE);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(modulePackage() + ".(**)").should().beFreeOfCycles().check(classes());
  }

  /**
   * The core's layers, lowest first: metrics and secrets know nothing else; backends, writers and
   * logs build on those; collectors on backends; the engine on collectors; the HTTP server on the
   * engine and the writers; the app wires everything.
   */
  @Test
  void eachCorePackageUsesOnlyThoseBelowIt() {
    if (!isCore()) {
      return;
    }
    LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("metrics").definedBy(CORE + ".metrics..")
        .layer("secret").definedBy(CORE + ".secret..")
        .layer("log").definedBy(CORE + ".log..")
        .layer("backend").definedBy(CORE + ".backend..")
        .layer("exposition").definedBy(CORE + ".exposition..")
        .layer("collector").definedBy(CORE + ".collector..")
        .layer("config").definedBy(CORE + ".config..")
        .layer("webconfig").definedBy(CORE + ".webconfig..")
        .layer("scrape").definedBy(CORE + ".scrape..")
        .layer("server").definedBy(CORE + ".server..")
        .layer("app").definedBy(CORE + ".app..")
        .whereLayer("metrics").mayNotAccessAnyLayer()
        .whereLayer("secret").mayNotAccessAnyLayer()
        .whereLayer("log").mayOnlyAccessLayers("secret")
        .whereLayer("backend").mayOnlyAccessLayers("secret")
        .whereLayer("exposition").mayOnlyAccessLayers("metrics")
        .whereLayer("collector").mayOnlyAccessLayers("backend", "metrics")
        .whereLayer("config").mayOnlyAccessLayers("collector", "secret")
        .whereLayer("webconfig").mayOnlyAccessLayers("config", "secret")
        .whereLayer("scrape").mayOnlyAccessLayers("backend", "collector", "metrics", "secret")
        .whereLayer("server").mayOnlyAccessLayers("backend", "config", "exposition", "metrics",
            "scrape", "secret", "webconfig")
        .whereLayer("app").mayNotBeAccessedByAnyLayer();
    layers.check(classes());
  }

  @Test
  void theCoreNeverDependsOnAnExporter() {
    if (!isCore()) {
      return;
    }
    noClasses().should().dependOnClassesThat(resideInAPackage(ROOT + "..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(
                resideInAPackage(CORE + ".."))))
        .check(classes());
  }

  /** An exporter uses the core, never another exporter; only its root package wires the app. */
  @Test
  void anExporterUsesOnlyItselfAndTheCore() {
    if (isCore()) {
      return;
    }
    String own = modulePackage();
    noClasses().should().dependOnClassesThat(resideInAPackage(ROOT + "..")
            .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage(own + "..")))
            .and(com.tngtech.archunit.base.DescribedPredicate.not(resideInAPackage(CORE + ".."))))
        .check(classes());
    noClasses().that().resideInAPackage(own + ".*..").should()
        .dependOnClassesThat(resideInAPackage(CORE + ".app.."))
        .because("collectors and clients see the core's collector, backend and metrics API; "
            + "the exporter's root package wires the process")
        .check(classes());
  }
}
