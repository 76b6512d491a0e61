"""Benchmark client for bench/scraper-e2e.sh: times HTTP GETs over kept-alive connections.

  client.py probe  EXPORTER TARGETS_FILE ROUNDS          one /probe per target, one at a time
  client.py sweep  EXPORTER TARGETS_FILE ROUNDS WORKERS  all targets' /probe, WORKERS at once
  client.py scrape EXPORTER PATH ROUNDS                  one GET of PATH per round

Prints one latency in seconds per line (per request, per sweep or per scrape); exits non-zero
if an answer is not 200 or a probe did not succeed.
"""
import http.client
import sys
import threading
import time
import urllib.parse


def connection(exporter):
    host, port = exporter.split(":")
    return http.client.HTTPConnection(host, int(port), timeout=60)


def get(conn, path):
    conn.request("GET", path, headers={"X-Prometheus-Scrape-Timeout-Seconds": "10"})
    response = conn.getresponse()
    body = response.read()
    if response.status != 200:
        sys.exit("%s answered %d: %s" % (path, response.status, body[:200]))
    return body


def probe_path(target):
    return "/probe?module=http_2xx&target=" + urllib.parse.quote(target, safe="")


def check(body, path):
    if b"\nprobe_success 1" not in body:
        sys.exit("probe failed: %s" % path)


def main():
    mode, exporter = sys.argv[1], sys.argv[2]
    if mode == "scrape":
        conn = connection(exporter)
        for _ in range(int(sys.argv[4])):
            started = time.perf_counter()
            get(conn, sys.argv[3])
            print(time.perf_counter() - started)
        return
    targets = [t.strip() for t in open(sys.argv[3]) if t.strip()]
    rounds = int(sys.argv[4])
    if mode == "probe":
        conn = connection(exporter)
        for _ in range(rounds):
            for t in targets:
                path = probe_path(t)
                started = time.perf_counter()
                body = get(conn, path)
                print(time.perf_counter() - started)
                check(body, path)
        return
    workers = int(sys.argv[5])
    conns = [connection(exporter) for _ in range(workers)]
    for _ in range(rounds):
        queue = list(targets)
        lock = threading.Lock()

        def work(conn):
            while True:
                with lock:
                    if not queue:
                        return
                    t = queue.pop()
                path = probe_path(t)
                check(get(conn, path), path)

        started = time.perf_counter()
        threads = [threading.Thread(target=work, args=(c,)) for c in conns]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        print(time.perf_counter() - started)


if __name__ == "__main__":
    main()
