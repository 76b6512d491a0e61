package io.exporters.cloudflare.dataset;

import static io.exporters.cloudflare.store.FamilySpec.counter;

import com.fasterxml.jackson.databind.JsonNode;
import io.exporters.cloudflare.inventory.Scope;
import io.exporters.cloudflare.store.FamilySpec;
import io.exporters.cloudflare.store.StoreUpdate;
import java.util.List;

/**
 * httpRequests1mGroups: a zone's requests, bytes, threats, page views and unique visitors per
 * minute, with breakdowns by country, status, content type, browser and threat type; exact (a
 * roll-up, not sampled). Rows come one per minute and are summed, as lablabs sums them.
 */
public final class HttpRequestsDataset implements GraphQlDataset {
  static final String NAME = "http_requests";
  static final FamilySpec REQUESTS = zoneCounter("cloudflare_zone_requests_total",
      "Number of requests for zone");
  static final FamilySpec CACHED = zoneCounter("cloudflare_zone_requests_cached",
      "Number of cached requests for zone");
  static final FamilySpec SSL = zoneCounter("cloudflare_zone_requests_ssl_encrypted",
      "Number of encrypted requests for zone");
  static final FamilySpec BY_CONTENT_TYPE = counter(NAME,
      "cloudflare_zone_requests_content_type", "Number of request for zone per content type",
      "account", "content_type", "zone");
  static final FamilySpec BY_COUNTRY = counter(NAME, "cloudflare_zone_requests_country",
      "Number of request for zone per country", "account", "country", "region", "zone");
  static final FamilySpec BY_STATUS = counter(NAME, "cloudflare_zone_requests_status",
      "Number of request for zone per HTTP status", "account", "status", "zone");
  static final FamilySpec PAGE_VIEWS_BY_BROWSER = counter(NAME,
      "cloudflare_zone_requests_browser_map_page_views_count",
      "Number of successful requests for HTML pages per zone", "account", "family", "zone");
  static final FamilySpec BYTES = zoneCounter("cloudflare_zone_bandwidth_total",
      "Number of bytes returned for zone");
  static final FamilySpec CACHED_BYTES = zoneCounter("cloudflare_zone_bandwidth_cached",
      "Number of cached bytes returned for zone");
  static final FamilySpec SSL_BYTES = zoneCounter("cloudflare_zone_bandwidth_ssl_encrypted",
      "Number of encrypted bytes returned for zone");
  static final FamilySpec BYTES_BY_CONTENT_TYPE = counter(NAME,
      "cloudflare_zone_bandwidth_content_type",
      "Number of bytes returned for zone per content type", "account", "content_type", "zone");
  static final FamilySpec BYTES_BY_COUNTRY = counter(NAME, "cloudflare_zone_bandwidth_country",
      "Number of bytes returned for zone per country", "account", "country", "region", "zone");
  static final FamilySpec THREATS = zoneCounter("cloudflare_zone_threats_total",
      "Number of threats for zone");
  static final FamilySpec THREATS_BY_COUNTRY = counter(NAME, "cloudflare_zone_threats_country",
      "Threats per zone per country", "account", "country", "region", "zone");
  static final FamilySpec THREATS_BY_TYPE = counter(NAME, "cloudflare_zone_threats_type",
      "Threats per zone per type", "account", "type", "zone");
  static final FamilySpec PAGE_VIEWS = zoneCounter("cloudflare_zone_pageviews_total",
      "Number of pageviews for zone");
  static final FamilySpec UNIQUES = zoneCounter("cloudflare_zone_uniques_total",
      "Number of unique visitors for zone (summed per minute, as lablabs does)");

  private static final List<FamilySpec> FAMILIES = List.of(REQUESTS, CACHED, SSL,
      BY_CONTENT_TYPE, BY_COUNTRY, BY_STATUS, PAGE_VIEWS_BY_BROWSER, BYTES, CACHED_BYTES,
      SSL_BYTES, BYTES_BY_CONTENT_TYPE, BYTES_BY_COUNTRY, THREATS, THREATS_BY_COUNTRY,
      THREATS_BY_TYPE, PAGE_VIEWS, UNIQUES);

  private static FamilySpec zoneCounter(String name, String help) {
    return counter(NAME, name, help, "account", "zone");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "zone requests, bandwidth, threats, page views and uniques with their breakdowns "
        + "(httpRequests1mGroups)";
  }

  @Override
  public List<FamilySpec> families() {
    return FAMILIES;
  }

  @Override
  public String permission() {
    return "Zone > Analytics > Read";
  }

  @Override
  public Scope.Kind scope() {
    return Scope.Kind.ZONE;
  }

  @Override
  public String node() {
    return "httpRequests1mGroups";
  }

  @Override
  public boolean onFreePlan() {
    return false;
  }

  @Override
  public String selection(NodeContext q) {
    String countries = q.labels().country()
        ? "countryMap { bytes clientCountryName requests threats } " : "";
    return q.node(NAME, node(), q.window(), "datetime_ASC",
        "dimensions { datetime } uniq { uniques } sum { browserMap { pageViews uaBrowserFamily } "
            + "bytes cachedBytes cachedRequests "
            + "contentTypeMap { bytes requests edgeResponseContentTypeName } " + countries
            + "encryptedBytes encryptedRequests pageViews requests "
            + "responseStatusMap { edgeResponseStatus requests } "
            + "threatPathingMap { requests threatPathingName } threats }");
  }

  @Override
  public void parse(JsonNode scopeNode, Scope scope, ParseContext ctx, StoreUpdate out) {
    String z = scope.name();
    String a = scope.accountLabel();
    String id = scope.id();
    for (JsonNode row : Rows.of(scopeNode, NAME, ctx)) {
      JsonNode sum = row.path("sum");
      out.count(REQUESTS, id, sum.path("requests").asDouble(), a, z);
      out.count(CACHED, id, sum.path("cachedRequests").asDouble(), a, z);
      out.count(SSL, id, sum.path("encryptedRequests").asDouble(), a, z);
      out.count(BYTES, id, sum.path("bytes").asDouble(), a, z);
      out.count(CACHED_BYTES, id, sum.path("cachedBytes").asDouble(), a, z);
      out.count(SSL_BYTES, id, sum.path("encryptedBytes").asDouble(), a, z);
      out.count(THREATS, id, sum.path("threats").asDouble(), a, z);
      out.count(PAGE_VIEWS, id, sum.path("pageViews").asDouble(), a, z);
      out.count(UNIQUES, id, row.path("uniq").path("uniques").asDouble(), a, z);
      for (JsonNode c : sum.path("contentTypeMap")) {
        String type = c.path("edgeResponseContentTypeName").asText("");
        out.count(BY_CONTENT_TYPE, id, c.path("requests").asDouble(), a, type, z);
        out.count(BYTES_BY_CONTENT_TYPE, id, c.path("bytes").asDouble(), a, type, z);
      }
      for (JsonNode c : sum.path("countryMap")) {
        String country = c.path("clientCountryName").asText("");
        String region = Countries.region(country);
        out.count(BY_COUNTRY, id, c.path("requests").asDouble(), a, country, region, z);
        out.count(BYTES_BY_COUNTRY, id, c.path("bytes").asDouble(), a, country, region, z);
        out.count(THREATS_BY_COUNTRY, id, c.path("threats").asDouble(), a, country, region, z);
      }
      for (JsonNode s : sum.path("responseStatusMap")) {
        out.count(BY_STATUS, id, s.path("requests").asDouble(), a,
            s.path("edgeResponseStatus").asText(""), z);
      }
      for (JsonNode b : sum.path("browserMap")) {
        out.count(PAGE_VIEWS_BY_BROWSER, id, b.path("pageViews").asDouble(), a,
            b.path("uaBrowserFamily").asText(""), z);
      }
      for (JsonNode t : sum.path("threatPathingMap")) {
        out.count(THREATS_BY_TYPE, id, t.path("requests").asDouble(), a,
            t.path("threatPathingName").asText(""), z);
      }
    }
  }
}
