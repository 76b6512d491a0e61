package io.exporters.testkit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * The layering every module keeps, checked on its compiled classes (tests excluded): no package
 * cycles, the core never depends on an exporter, and no exporter depends on another. Each module
 * runs it through a one-line {@code ArchitectureTest extends ArchitectureContract}.
 */
public abstract class ArchitectureContract {
  private static final String ROOT = "io.exporters";
  private static final String CORE = "io.exporters.common..";

  /** Production classes only: no test-classes folder, no test-jar. */
  private static final ImportOption PRODUCTION = (Location location) ->
      !location.contains("/test-classes/") && !location.contains("-tests.jar");

  private static JavaClasses classes() {
    return new ClassFileImporter().withImportOption(PRODUCTION).importPackages(ROOT);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes());
  }

  @Test
  void theCoreNeverDependsOnAnExporter() {
    noClasses().that().resideInAPackage(CORE).should()
        .dependOnClassesThat(resideInAPackage(ROOT + "..").and(not(resideInAPackage(CORE))))
        .check(classes());
  }

  @Test
  void noExporterDependsOnAnother() {
    slices().matching(ROOT + ".(*)..").should().notDependOnEachOther()
        .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
            resideInAPackage(CORE))
        .check(classes());
  }
}
