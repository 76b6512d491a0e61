package io.exporters.common;

import io.exporters.testkit.ArchitectureContract;

/** The layering rules, on this module's classes. */
class CoreArchitectureTest extends ArchitectureContract {}
