package io.exporters.common;

import io.exporters.testkit.ArchitectureContract;

/** The layering rules, on the core's classes (the core cannot depend on the test kit). */
class ArchitectureTest extends ArchitectureContract {}
