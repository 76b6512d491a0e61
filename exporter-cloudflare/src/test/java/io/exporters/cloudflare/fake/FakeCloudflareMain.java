package io.exporters.cloudflare.fake;

/**
 * The fake API as a process, for bench/cloudflare-e2e.sh:
 * {@code FakeCloudflareMain <port> <zones> <workers> <token>}: one account holding the zones
 * and Worker scripts. Prints its base URL, then every 10 s how many GraphQL and REST requests
 * it has answered, until killed.
 */
public final class FakeCloudflareMain {
  private FakeCloudflareMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int zones = Integer.parseInt(args[1]);
    int workers = Integer.parseInt(args[2]);
    String token = args[3];
    try (FakeCloudflare fake = new FakeCloudflare(new FakeAccounts(1, zones, workers, token),
        port)) {
      System.out.println("fake Cloudflare API at " + fake.baseUrl() + " with " + zones
          + " zones and " + workers + " Worker scripts");
      System.out.flush();
      while (true) {
        Thread.sleep(10_000);
        long graphql = fake.graphqlRequests();
        System.out.println(System.currentTimeMillis() / 1000 + " graphql_requests_total "
            + graphql + " rest_requests_total " + (fake.requests().size() - graphql));
        System.out.flush();
      }
    }
  }
}
