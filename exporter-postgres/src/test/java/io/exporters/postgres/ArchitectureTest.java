package io.exporters.postgres;

import io.exporters.testkit.ArchitectureContract;

/** The layering rules, on this module's classes. */
class ArchitectureTest extends ArchitectureContract {}
