#!/usr/bin/env python3
"""Writes the Grafana dashboards of deploy/grafana/dashboards from the panel lists below.

Run it after changing a panel (python3 deploy/grafana/src/build_dashboards.py); the JSON it
writes is what is committed and provisioned. Every panel's data source is the `datasource`
template variable, so the dashboards import by hand into any Grafana too. A panel whose
description says "needs: ..." shows data only where the backend has that (a replica, a token).
"""
import json
import os

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'dashboards')
DS = {'type': 'prometheus', 'uid': '${datasource}'}


def variables(job_default, instance_metric, extra=()):
    v = [
        {'name': 'datasource', 'label': 'Data source', 'type': 'datasource', 'query': 'prometheus',
         'current': {}, 'hide': 0},
        {'name': 'job', 'label': 'Job', 'type': 'query', 'datasource': DS,
         'query': {'query': f'label_values({instance_metric}, job)', 'refId': 'job'},
         'definition': f'label_values({instance_metric}, job)', 'regex': '', 'refresh': 2,
         'includeAll': True, 'multi': True, 'allValue': '.+',
         'current': {'text': job_default, 'value': job_default}, 'hide': 0},
        {'name': 'instance', 'label': 'Instance', 'type': 'query', 'datasource': DS,
         'query': {'query': f'label_values({instance_metric}{{job=~"$job"}}, instance)',
                   'refId': 'instance'},
         'definition': f'label_values({instance_metric}{{job=~"$job"}}, instance)', 'refresh': 2,
         'includeAll': True, 'multi': True, 'allValue': '.+',
         'current': {'text': 'All', 'value': '$__all'}, 'hide': 0},
    ]
    for name, query in extra:
        v.append({'name': name, 'label': name, 'type': 'query', 'datasource': DS,
                  'query': {'query': query, 'refId': name}, 'definition': query, 'refresh': 2,
                  'includeAll': True, 'multi': True, 'allValue': '.+',
                  'current': {'text': 'All', 'value': '$__all'}, 'hide': 0})
    return v


def panel(kind, title, exprs, unit='short', description='', legend=None, w=12, h=8):
    targets = []
    for i, e in enumerate(exprs if isinstance(exprs, list) else [exprs]):
        expr, fmt = (e if isinstance(e, tuple) else (e, legend or ''))
        targets.append({'refId': chr(65 + i), 'datasource': DS, 'expr': expr,
                        'legendFormat': fmt, 'range': kind == 'timeseries',
                        'instant': kind != 'timeseries'})
    return {'type': kind, 'title': title, 'description': description, 'datasource': DS,
            'targets': targets, 'gridPos': {'w': w, 'h': h},
            'fieldConfig': {'defaults': {'unit': unit}, 'overrides': []}, 'options': {}}


def ts(title, exprs, unit='short', **kw):
    return panel('timeseries', title, exprs, unit, **kw)


def stat(title, exprs, unit='short', **kw):
    return panel('stat', title, exprs, unit, w=kw.pop('w', 6), h=kw.pop('h', 4), **kw)


def dashboard(uid, title, tags, variables_, panels, description):
    x = y = 0
    for i, p in enumerate(panels):
        p['id'] = i + 1
        if x + p['gridPos']['w'] > 24:
            x, y = 0, y + max(q['gridPos']['h'] for q in panels[:i] if q['gridPos']['y'] == y)
        p['gridPos'].update({'x': x, 'y': y})
        x += p['gridPos']['w']
    return {'uid': uid, 'title': title, 'description': description, 'tags': tags,
            'editable': True, 'schemaVersion': 39, 'version': 1, 'refresh': '30s',
            'time': {'from': 'now-1h', 'to': 'now'}, 'timezone': '',
            'templating': {'list': variables_}, 'panels': panels,
            'annotations': {'list': []}, 'links': []}


SEL = 'job=~"$job",instance=~"$instance"'

postgres = dashboard('exporters-postgres', 'PostgreSQL', ['postgres', 'exporters'],
    variables('postgres', 'pg_up', [('datname', 'label_values(pg_stat_database_xact_commit{job=~"$job",instance=~"$instance"}, datname)')]),
    [stat('Up', f'pg_up{{{SEL}}}', legend='{{instance}} {{server}}'),
     stat('Version', f'pg_static{{{SEL}}}', legend='{{short_version}}'),
     stat('Max connections', f'pg_settings_max_connections{{{SEL}}}'),
     stat('Connections used', f'sum by (instance) (pg_stat_activity_count{{{SEL}}}) / max by (instance) (pg_settings_max_connections{{{SEL}}})', 'percentunit'),
     ts('Sessions by state', f'sum by (state) (pg_stat_activity_count{{{SEL},datname=~"$datname"}})', legend='{{state}}'),
     ts('Locks by mode', f'sum by (mode) (pg_locks_count{{{SEL},datname=~"$datname"}})', legend='{{mode}}'),
     ts('Transactions', [(f'sum by (datname) (rate(pg_stat_database_xact_commit{{{SEL},datname=~"$datname"}}[$__rate_interval]))', '{{datname}} commit'),
                         (f'sum by (datname) (rate(pg_stat_database_xact_rollback{{{SEL},datname=~"$datname"}}[$__rate_interval]))', '{{datname}} rollback')], 'ops'),
     ts('Rows', [(f'sum(rate(pg_stat_database_tup_{k}{{{SEL},datname=~"$datname"}}[$__rate_interval]))', k) for k in ('fetched', 'returned', 'inserted', 'updated', 'deleted')], 'rowsps' if False else 'ops'),
     ts('Cache hit ratio', f'sum by (datname) (rate(pg_stat_database_blks_hit{{{SEL},datname=~"$datname"}}[$__rate_interval])) / (sum by (datname) (rate(pg_stat_database_blks_hit{{{SEL},datname=~"$datname"}}[$__rate_interval])) + sum by (datname) (rate(pg_stat_database_blks_read{{{SEL},datname=~"$datname"}}[$__rate_interval])))', 'percentunit', legend='{{datname}}'),
     ts('Conflicts and deadlocks', [(f'sum by (datname) (rate(pg_stat_database_conflicts{{{SEL},datname=~"$datname"}}[$__rate_interval]))', '{{datname}} conflicts'),
                                    (f'sum by (datname) (rate(pg_stat_database_deadlocks{{{SEL},datname=~"$datname"}}[$__rate_interval]))', '{{datname}} deadlocks')], 'ops'),
     ts('Temporary files', f'sum by (datname) (rate(pg_stat_database_temp_bytes{{{SEL},datname=~"$datname"}}[$__rate_interval]))', 'Bps', legend='{{datname}}'),
     ts('Database size', f'pg_database_size_bytes{{{SEL},datname=~"$datname"}}', 'bytes', legend='{{datname}}'),
     ts('Background writer buffers', [(f'rate(pg_stat_bgwriter_buffers_{k}_total{{{SEL}}}[$__rate_interval])', k) for k in ('alloc', 'backend', 'clean', 'checkpoint')], 'ops'),
     ts('Longest transaction', f'max by (datname, state) (pg_stat_activity_max_tx_duration{{{SEL},datname=~"$datname"}})', 's', legend='{{datname}} {{state}}'),
     ts('Replication lag', f'pg_replication_lag_seconds{{{SEL}}}', 's', legend='{{instance}}', description='needs: a replica'),
     ts('Transaction ID age', f'pg_database_wraparound_age_datfrozenxid_seconds{{{SEL},datname=~"$datname"}}', legend='{{datname}}', description='Transactions since the oldest unfrozen one (collector database_wraparound); writes stop near 2.1 billion.'),
     ts('Exporter: collector success', f'pg_scrape_collector_success{{{SEL}}}', legend='{{collector}}'),
     ts('Exporter: memory and CPU', [(f'process_resident_memory_bytes{{{SEL}}}', 'RSS'), (f'rate(process_cpu_seconds_total{{{SEL}}}[$__rate_interval])', 'CPU s/s')], 'bytes')],
    'PostgreSQL through exporter-postgres: the panels of dashboard 9628 (postgres_exporter) with its metric names.')

redis = dashboard('exporters-redis', 'Redis', ['redis', 'exporters'],
    variables('redis', 'redis_up', [('db', 'label_values(redis_db_keys{job=~"$job",instance=~"$instance"}, db)')]),
    [stat('Up', f'redis_up{{{SEL}}}', legend='{{instance}}'),
     stat('Uptime', f'redis_uptime_in_seconds{{{SEL}}}', 's'),
     stat('Clients', f'redis_connected_clients{{{SEL}}}'),
     stat('Memory used of max', f'redis_memory_used_bytes{{{SEL}}} / (redis_memory_max_bytes{{{SEL}}} > 0)', 'percentunit', description='needs: maxmemory set'),
     ts('Commands per second', f'sum by (cmd) (rate(redis_commands_total{{{SEL}}}[$__rate_interval]))', 'ops', legend='{{cmd}}'),
     ts('Command time', f'sum by (cmd) (rate(redis_commands_duration_seconds_total{{{SEL}}}[$__rate_interval])) / sum by (cmd) (rate(redis_commands_total{{{SEL}}}[$__rate_interval]))', 's', legend='{{cmd}}'),
     ts('Hits and misses', [(f'rate(redis_keyspace_hits_total{{{SEL}}}[$__rate_interval])', 'hits'), (f'rate(redis_keyspace_misses_total{{{SEL}}}[$__rate_interval])', 'misses')], 'ops'),
     ts('Memory', [(f'redis_memory_used_bytes{{{SEL}}}', 'used'), (f'redis_memory_max_bytes{{{SEL}}}', 'max'), (f'redis_memory_used_rss_bytes{{{SEL}}}', 'rss')], 'bytes'),
     ts('Network', [(f'rate(redis_net_input_bytes_total{{{SEL}}}[$__rate_interval])', 'in'), (f'rate(redis_net_output_bytes_total{{{SEL}}}[$__rate_interval])', 'out')], 'Bps'),
     ts('Keys per database', [(f'sum by (db) (redis_db_keys{{{SEL},db=~"$db"}})', '{{db}}'), (f'sum by (db) (redis_db_keys_expiring{{{SEL},db=~"$db"}})', '{{db}} expiring')]),
     ts('Expired and evicted keys', [(f'rate(redis_expired_keys_total{{{SEL}}}[$__rate_interval])', 'expired'), (f'rate(redis_evicted_keys_total{{{SEL}}}[$__rate_interval])', 'evicted')], 'ops'),
     ts('Replication', [(f'redis_connected_slaves{{{SEL}}}', 'replicas'), (f'redis_master_link_up{{{SEL}}}', 'link up')], description='needs: a replica'),
     ts('Exporter: collector success', f'redis_scrape_collector_success{{{SEL}}}', legend='{{collector}}')],
    'Redis through exporter-redis: the panels of dashboard 763 (redis_exporter) with its metric names.')

probes = dashboard('exporters-probes', 'Probes', ['probes', 'blackbox', 'exporters'],
    variables('probe-health', 'probe_success'),
    [stat('Success', f'probe_success{{{SEL}}}', legend='{{instance}} {{target}}', w=8),
     stat('Availability (24 h)', f'avg_over_time(probe_success{{{SEL}}}[24h])', 'percentunit', w=8),
     stat('Certificate expires in', f'probe_ssl_earliest_cert_expiry{{{SEL}}} - time()', 's', w=8, description='needs: an https target'),
     ts('Probe duration', f'probe_duration_seconds{{{SEL}}}', 's', legend='{{instance}} {{target}}'),
     ts('HTTP phases', f'sum by (phase) (probe_http_duration_seconds{{{SEL}}})', 's', legend='{{phase}}'),
     ts('HTTP status code', f'probe_http_status_code{{{SEL}}}', legend='{{instance}} {{target}}'),
     ts('Content length', f'probe_http_content_length{{{SEL}}}', 'bytes', legend='{{instance}} {{target}}'),
     ts('Redirects', f'probe_http_redirects{{{SEL}}}', legend='{{instance}} {{target}}'),
     ts('DNS lookup', f'probe_dns_lookup_time_seconds{{{SEL}}}', 's', legend='{{instance}} {{target}}'),
     ts('HTTP version and TLS', [(f'probe_http_version{{{SEL}}}', 'HTTP {{instance}}'), (f'probe_http_ssl{{{SEL}}}', 'TLS {{instance}}')]),
     ts('Health components', f'health_up{{{SEL}}}', legend='{{instance}} {{component}}', description='Each component a health endpoint reports: 1 healthy, 0.5 degraded, 0 unhealthy (module health).'),
     stat('Components not healthy', f'sum by (instance) (health_up{{{SEL}}} < bool 1)', legend='{{instance}}', w=8),
     stat('Health format', f'health_format_info{{{SEL}}}', legend='{{instance}}: {{format}}', w=8),
     stat('Failure reasons', f'probe_failure_info{{{SEL}}}', legend='{{instance}}: {{reason}}', w=8, description='needs: a failing probe')],
    'HTTP and TCP probes through exporter-scraper: the panels of dashboard 7587 (blackbox_exporter) with its metric names.')

overview = dashboard('exporters-overview', 'Exporters overview', ['exporters'],
    variables('.+', 'up'),
    [ts('Targets up', 'sum by (job) (up{job=~"$job"}) / count by (job) (up{job=~"$job"})', 'percentunit', legend='{{job}}'),
     ts('Backends up', [('min by (job) (pg_up{job=~"$job"})', 'postgres'), ('min by (job) (redis_up{job=~"$job"})', 'redis'), ('min by (job) (cloudflare_up{job=~"$job"})', 'cloudflare')]),
     ts('Probe availability against the 99.9% SLO', ['1 - probe:error:ratio_rate1h', ('0.999', 'SLO')], 'percentunit', legend='{{instance}}'),
     ts('Error budget left (30 days)', 'probe:error_budget:remaining_ratio30d', 'percentunit', legend='{{instance}}'),
     ts('Failing collectors', 'sum by (job) ({__name__=~"(pg|redis|cloudflare|probe)_scrape_collector_success", job=~"$job"} == bool 0)', legend='{{job}}', description='0 when every collector succeeds'),
     ts('Exporter memory', 'process_resident_memory_bytes{job=~"$job"}', 'bytes', legend='{{job}} {{instance}}')],
    'Every exporter of the collection at a glance: targets and backends up, probe availability against its SLO and the error budget left.')

ZSEL = 'job=~"$job",instance=~"$instance",zone=~"$zone"'
WSEL = 'job=~"$job",instance=~"$instance",script_name=~"$script"'

cloudflare = dashboard('exporters-cloudflare', 'Cloudflare', ['cloudflare', 'exporters'],
    variables('cloudflare', 'cloudflare_up', [
        ('zone', 'label_values(cloudflare_zone_requests_cache_status{job=~"$job",instance=~"$instance"}, zone)'),
        ('script', 'label_values(cloudflare_worker_requests_count{job=~"$job",instance=~"$instance"}, script_name)')]),
    [stat('API reachable', f'cloudflare_up{{{SEL}}}', legend='{{instance}}', w=4),
     stat('Data age', f'time() - min(cloudflare_exporter_last_window_end_timestamp_seconds{{{SEL}}})', 's', w=4, description='Analytics are read scrape_delay (5 min) late; this is how far behind the slowest dataset is.'),
     stat('Requests', f'sum(increase(cloudflare_zone_requests_total{{{ZSEL}}}[$__range]))', w=4),
     stat('Cache hit ratio', 'avg(cloudflare:zone_cache_hit:ratio_rate30m{job=~"$job",instance=~"$instance",zone=~"$zone"})', 'percentunit', w=4),
     stat('Bandwidth', f'sum(increase(cloudflare_zone_bandwidth_total{{{ZSEL}}}[$__range]))', 'bytes', w=4),
     stat('Threats', f'sum(increase(cloudflare_zone_threats_total{{{ZSEL}}}[$__range]))', w=4),
     ts('Requests: all, cached, encrypted', [(f'sum by (zone) (rate(cloudflare_zone_requests_total{{{ZSEL}}}[$__rate_interval]))', '{{zone}} all'),
                                           (f'sum by (zone) (rate(cloudflare_zone_requests_cached{{{ZSEL}}}[$__rate_interval]))', '{{zone}} cached'),
                                           (f'sum by (zone) (rate(cloudflare_zone_requests_ssl_encrypted{{{ZSEL}}}[$__rate_interval]))', '{{zone}} encrypted')], 'reqps'),
     ts('Bandwidth: all, cached, encrypted', [(f'sum by (zone) (rate(cloudflare_zone_bandwidth_total{{{ZSEL}}}[$__rate_interval]))', '{{zone}} all'),
                                             (f'sum by (zone) (rate(cloudflare_zone_bandwidth_cached{{{ZSEL}}}[$__rate_interval]))', '{{zone}} cached'),
                                             (f'sum by (zone) (rate(cloudflare_zone_bandwidth_ssl_encrypted{{{ZSEL}}}[$__rate_interval]))', '{{zone}} encrypted')], 'Bps'),
     ts('Page views and visitors', [(f'sum by (zone) (rate(cloudflare_zone_pageviews_total{{{ZSEL}}}[$__rate_interval]))', '{{zone}} page views'),
                                   (f'sum by (zone) (rate(cloudflare_zone_uniques_total{{{ZSEL}}}[$__rate_interval]))', '{{zone}} uniques')]),
     ts('Requests by status', f'sum by (status) (rate(cloudflare_zone_requests_status{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{status}}'),
     ts('Requests by country (top 10)', f'topk(10, sum by (country) (rate(cloudflare_zone_requests_country{{{ZSEL}}}[$__rate_interval])))', 'reqps', legend='{{country}}'),
     ts('Bandwidth by country (top 10)', f'topk(10, sum by (country) (rate(cloudflare_zone_bandwidth_country{{{ZSEL}}}[$__rate_interval])))', 'Bps', legend='{{country}}'),
     ts('Requests by content type', f'sum by (content_type) (rate(cloudflare_zone_requests_content_type{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{content_type}}'),
     ts('Requests by browser', f'sum by (family) (rate(cloudflare_zone_requests_browser_map_page_views_count{{{ZSEL}}}[$__rate_interval]))', legend='{{family}}'),
     ts('Cache status', f'sum by (cache_status) (rate(cloudflare_zone_requests_cache_status{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{cache_status}}', description='Every plan has this breakdown; the cache hit ratio of Free zones comes from it.'),
     ts('Edge time to first byte', [(f'max by (host) (cloudflare_zone_edge_time_to_first_byte_{q}_seconds{{{ZSEL}}})', '{{host}} ' + q) for q in ('p50', 'p95', 'p99')], 's'),
     ts('Origin response time', [(f'max by (host) (cloudflare_zone_requests_origin_status_country_host_{q}_ms{{{ZSEL}}})', '{{host}} ' + q) for q in ('p50', 'p95', 'p99')], 'ms'),
     ts('Edge status by host', f'sum by (host, status) (rate(cloudflare_zone_requests_status_country_host{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{host}} {{status}}'),
     ts('Origin status by host', f'sum by (host, status) (rate(cloudflare_zone_requests_origin_status_country_host{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{host}} {{status}}'),
     ts('Requests by colocation (top 10)', f'topk(10, sum by (colocation) (rate(cloudflare_zone_colocation_requests_total{{{ZSEL}}}[$__rate_interval])))', 'reqps', legend='{{colocation}}'),
     ts('Threats by type and country', [(f'sum by (type) (rate(cloudflare_zone_threats_type{{{ZSEL}}}[$__rate_interval]))', '{{type}}'),
                                       (f'topk(5, sum by (country) (rate(cloudflare_zone_threats_country{{{ZSEL}}}[$__rate_interval])))', '{{country}}')]),
     ts('Firewall events', f'sum by (action, source) (rate(cloudflare_zone_firewall_events_count{{{ZSEL}}}[$__rate_interval]))', legend='{{action}} {{source}}'),
     ts('Worker requests by status (zone)', f'sum by (zone, status) (rate(cloudflare_zone_worker_requests_status{{{ZSEL}}}[$__rate_interval]))', 'reqps', legend='{{zone}} {{status}}'),
     ts('Worker 5xx ratio', 'cloudflare:zone_worker_5xx:ratio_rate10m{job=~"$job",instance=~"$instance",zone=~"$zone"}', 'percentunit', legend='{{zone}}', description='The CloudflareWorker5xxRatioHigh alert fires over 5%.'),
     ts('Worker requests and errors', [(f'sum by (script_name) (rate(cloudflare_worker_requests_count{{{WSEL}}}[$__rate_interval]))', '{{script_name}} requests'),
                                      (f'sum by (script_name) (rate(cloudflare_worker_errors_count{{{WSEL}}}[$__rate_interval]))', '{{script_name}} errors')], 'reqps'),
     ts('Worker CPU time', f'max by (script_name, quantile) (cloudflare_worker_cpu_time{{{WSEL}}})', 'µs', legend='{{script_name}} {{quantile}}'),
     ts('Worker wall time', f'max by (script_name, quantile) (cloudflare_worker_wall_time{{{WSEL}}})', 'µs', legend='{{script_name}} {{quantile}}'),
     ts('Worker duration', f'max by (script_name, quantile) (cloudflare_worker_duration{{{WSEL}}})', legend='{{script_name}} {{quantile}} GB-s', description='needs: Workers with duration quantiles (Unbound usage)'),
     ts('Load balancer pools', [(f'min by (load_balancer_name, pool_name) (cloudflare_zone_pool_health_status{{{ZSEL}}})', '{{load_balancer_name}} {{pool_name}}'),
                                (f'min by (pool_name, origin_name) (cloudflare_pool_origin_health_status{{{SEL}}})', '{{pool_name}} {{origin_name}}')], description='1 healthy, 0 unhealthy.'),
     ts('Health check events', f'sum by (fqdn, health_status) (rate(cloudflare_zone_health_check_events_origin_count{{{ZSEL}}}[$__rate_interval]))', legend='{{fqdn}} {{health_status}}'),
     ts('Tunnels', f'cloudflare_tunnel_health_status{{{SEL}}}', legend='{{tunnel_name}}'),
     ts('R2 storage', f'sum by (bucket) (cloudflare_r2_storage_bytes{{{SEL}}})', 'bytes', legend='{{bucket}}'),
     ts('Logpush failures', [(f'sum by (job_id) (rate(cloudflare_logpush_failed_jobs_zone_count{{{SEL}}}[$__rate_interval]))', 'zone job {{job_id}}'),
                             (f'sum by (job_id) (rate(cloudflare_logpush_failed_jobs_account_count{{{SEL}}}[$__rate_interval]))', 'account job {{job_id}}')], description='needs: failing Logpush jobs'),
     ts('Exporter: API requests by outcome', f'sum by (endpoint, error_class) (rate(cloudflare_exporter_api_requests_total{{{SEL}}}[$__rate_interval]))', legend='{{endpoint}} {{error_class}}'),
     ts('Exporter: API budget', [(f'cloudflare_exporter_api_budget_used{{{SEL}}}', '{{api}} used'), (f'cloudflare_exporter_api_budget_limit{{{SEL}}}', '{{api}} limit')]),
     ts('Exporter: collector success', f'cloudflare_scrape_collector_success{{{SEL}}}', legend='{{collector}}')],
    'Cloudflare zones, Workers and account resources through exporter-cloudflare: the panels of dashboard 13133 (lablabs/cloudflare-exporter) with its metric names. Analytics lag 5-6 minutes behind real time.')

for name, d in [('postgres', postgres), ('redis', redis), ('probes', probes), ('cloudflare', cloudflare), ('overview', overview)]:
    with open(os.path.join(OUT, name + '.json'), 'w') as f:
        json.dump(d, f, indent=2)
        f.write('\n')
print('wrote', OUT)
