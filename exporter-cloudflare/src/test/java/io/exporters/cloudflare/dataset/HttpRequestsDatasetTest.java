package io.exporters.cloudflare.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import io.exporters.cloudflare.settings.LabelToggles;
import org.junit.jupiter.api.Test;

/** httpRequests1mGroups, on the two minutes of Cloudflare's own migration-guide answer. */
class HttpRequestsDatasetTest {
  // From cloudflare-docs migration-guides/zone-analytics.mdx (reference §3.8 c), compacted.
  static final String DOCS = """
      {"http_requests": [
        {"dimensions": {"datetimeMinute": "2019-09-08T20:00:00Z"},
         "sum": {"browserMap": [{"pageViews": 1, "uaBrowserFamily": "PingdomBot"}],
           "bytes": 312740, "cachedBytes": 309930, "cachedRequests": 12,
           "clientSSLMap": [{"clientSSLProtocol": "none", "requests": 2},
             {"clientSSLProtocol": "TLSv1.2", "requests": 13}],
           "contentTypeMap": [{"bytes": 280590, "edgeResponseContentTypeName": "png", "requests": 3},
             {"bytes": 32150, "edgeResponseContentTypeName": "html", "requests": 12}],
           "countryMap": [{"bytes": 10797, "clientCountryName": "CN", "requests": 6, "threats": 6},
             {"bytes": 98224, "clientCountryName": "IE", "requests": 1, "threats": 0},
             {"bytes": 185176, "clientCountryName": "US", "requests": 3, "threats": 0},
             {"bytes": 18543, "clientCountryName": "VN", "requests": 5, "threats": 0}],
           "encryptedBytes": 309276, "encryptedRequests": 13,
           "ipClassMap": [{"ipType": "monitoringService", "requests": 4},
             {"ipType": "noRecord", "requests": 11}],
           "pageViews": 1, "requests": 15,
           "responseStatusMap": [{"edgeResponseStatus": 200, "requests": 4},
             {"edgeResponseStatus": 403, "requests": 11}],
           "threatPathingMap": [{"requests": 6, "threatPathingName": "user.ban.ctry"}],
           "threats": 6},
         "uniq": {"uniques": 11}},
        {"dimensions": {"datetimeMinute": "2019-09-08T20:01:00Z"},
         "sum": {"browserMap": [{"pageViews": 1, "uaBrowserFamily": "PingdomBot"}],
           "bytes": 283399, "cachedBytes": 280590, "cachedRequests": 1,
           "clientSSLMap": [{"clientSSLProtocol": "TLSv1.2", "requests": 4}],
           "contentTypeMap": [{"bytes": 280590, "edgeResponseContentTypeName": "png", "requests": 3},
             {"bytes": 2809, "edgeResponseContentTypeName": "html", "requests": 1}],
           "countryMap": [{"bytes": 101033, "clientCountryName": "CA", "requests": 2, "threats": 0},
             {"bytes": 182366, "clientCountryName": "US", "requests": 2, "threats": 0}],
           "encryptedBytes": 283399, "encryptedRequests": 4,
           "ipClassMap": [{"ipType": "monitoringService", "requests": 4}],
           "pageViews": 1, "requests": 4,
           "responseStatusMap": [{"edgeResponseStatus": 200, "requests": 4}],
           "threatPathingMap": [], "threats": 0},
         "uniq": {"uniques": 4}}]}""";

  @Test
  void sumsTheMinutesIntoLablabsFamilies() throws Exception {
    DatasetRun run = new DatasetRun().parse(new HttpRequestsDataset(), DatasetRun.ZONE, DOCS);
    String z = "example-account/example.com=";
    assertThat(run.series(HttpRequestsDataset.REQUESTS)).containsExactly(z + 19);
    assertThat(run.series(HttpRequestsDataset.CACHED)).containsExactly(z + 13);
    assertThat(run.series(HttpRequestsDataset.SSL)).containsExactly(z + 17);
    assertThat(run.series(HttpRequestsDataset.BYTES)).containsExactly(z + 596139);
    assertThat(run.series(HttpRequestsDataset.CACHED_BYTES)).containsExactly(z + 590520);
    assertThat(run.series(HttpRequestsDataset.THREATS)).containsExactly(z + 6);
    assertThat(run.series(HttpRequestsDataset.PAGE_VIEWS)).containsExactly(z + 2);
    assertThat(run.series(HttpRequestsDataset.UNIQUES)).containsExactly(z + 15);
    assertThat(run.series(HttpRequestsDataset.BY_STATUS)).containsExactly(
        "example-account/200/example.com=8", "example-account/403/example.com=11");
    assertThat(run.series(HttpRequestsDataset.BY_COUNTRY)).containsExactly(
        "example-account/CA/Americas/example.com=2", "example-account/CN/Asia/example.com=6",
        "example-account/IE/Europe/example.com=1", "example-account/US/Americas/example.com=5",
        "example-account/VN/Asia/example.com=5");
    assertThat(run.series(HttpRequestsDataset.THREATS_BY_COUNTRY)).contains(
        "example-account/CN/Asia/example.com=6");
    assertThat(run.series(HttpRequestsDataset.BYTES_BY_CONTENT_TYPE)).containsExactly(
        "example-account/html/example.com=34959", "example-account/png/example.com=561180");
    assertThat(run.series(HttpRequestsDataset.PAGE_VIEWS_BY_BROWSER)).containsExactly(
        "example-account/PingdomBot/example.com=2");
    assertThat(run.series(HttpRequestsDataset.THREATS_BY_TYPE)).containsExactly(
        "example-account/user.ban.ctry/example.com=6");
    assertThat(run.rows).containsEntry("http_requests", 2);
  }

  @Test
  void theCountryLabelSwitchedOffLeavesCountryMapOutOfTheQuery() {
    LabelToggles noCountry = new LabelToggles(null, false, null, null);
    String q = new HttpRequestsDataset().selection(new NodeContext("$s0", "$e0", "\"d\"",
        "$limit", noCountry, false));
    assertThat(q).doesNotContain("countryMap").contains("responseStatusMap", "uniq { uniques }");
  }
}
