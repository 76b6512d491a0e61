"""Summarises bench/scraper-e2e.sh's timings: p50/p99 of a file of seconds, one per line.

  summary.py NAME FILE [PER]   PER: also print p50/PER (per-probe share of a sweep or scrape)
"""
import sys

name, path = sys.argv[1], sys.argv[2]
per = int(sys.argv[3]) if len(sys.argv) > 3 else 0
t = sorted(float(x) for x in open(path) if x.strip())
p = lambda q: t[min(len(t) - 1, int(q * len(t)))] * 1000
line = "%-34s n=%-5d p50=%8.2fms p99=%8.2fms" % (name, len(t), p(0.50), p(0.99))
if per:
    line += "  per probe=%6.3fms" % (p(0.50) / per)
print(line)
