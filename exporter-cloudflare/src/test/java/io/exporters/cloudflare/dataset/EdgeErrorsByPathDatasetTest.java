package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Edge errors by normalised path: ids folded so paths do not make a series each. */
class EdgeErrorsByPathDatasetTest {
  @Test
  void pathsAreNormalisedAndTheirCountsSummed() throws Exception {
    DatasetRun run = new DatasetRun().parse(new EdgeErrorsByPathDataset(), DatasetRun.ZONE, """
        {"edge_errors_by_path": [
          {"count": 2, "dimensions": {"edgeResponseStatus": 404,
            "clientRequestHTTPHost": "api.example.com", "clientRequestPath": "/users/123"}},
          {"count": 3, "dimensions": {"edgeResponseStatus": 404,
            "clientRequestHTTPHost": "api.example.com", "clientRequestPath": "/users/456?x=1"}}]}
        """);
    assertThat(run.series(EdgeErrorsByPathDataset.ERRORS)).containsExactly(
        "example-account/api.example.com//users/:id/404/example.com=5");
    assertThat(new EdgeErrorsByPathDataset().enabledByDefault()).isFalse();
  }

  @Test
  void normalisesAsLablabsDoes() {
    assertThat(PathNormalizer.normalize("/a/123/b")).isEqualTo("/a/:id/b");
    assertThat(PathNormalizer.normalize("/o/550e8400-e29b-41d4-a716-446655440000"))
        .isEqualTo("/o/:uuid");
    assertThat(PathNormalizer.normalize("/blob/deadbeef00/x?y=1")).isEqualTo("/blob/:id/x");
    assertThat(PathNormalizer.normalize("/static/app.js")).isEqualTo("/static/app.js");
    assertThat(PathNormalizer.normalize("/")).isEqualTo("/");
  }
}
