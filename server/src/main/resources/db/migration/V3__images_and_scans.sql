-- Registered images, the scan queue, scan results and the shared layer cache.
create table images (
  id            uuid primary key,
  registry_id   uuid references registries (id) on delete set null,
  reference     varchar(1000) not null,
  registry_host varchar(255)  not null,
  repository    varchar(500)  not null,
  tag           varchar(200),
  digest        varchar(200),
  platform      varchar(100)  not null,
  source        varchar(20)   not null,
  created_at    timestamp with time zone not null,
  constraint images_reference_platform_unique unique (reference, platform)
);
create index images_repository on images (registry_host, repository);

-- The queue. A job is QUEUED until a worker claims it (RUNNING, with a lease it renews by heartbeat);
-- an expired lease puts it back. Failures retry with backoff until max_attempts, then DEAD.
create table scan_jobs (
  id           uuid primary key,
  image_id     uuid         not null references images (id) on delete cascade,
  state        varchar(20)  not null,
  attempts     integer      not null,
  max_attempts integer      not null,
  run_after    timestamp with time zone not null,
  lease_owner  varchar(200),
  lease_until  timestamp with time zone,
  heartbeat_at timestamp with time zone,
  digest       varchar(200),
  last_error   varchar(4000),
  created_at   timestamp with time zone not null,
  started_at   timestamp with time zone,
  finished_at  timestamp with time zone
);
create index scan_jobs_claim on scan_jobs (state, run_after);
create index scan_jobs_image on scan_jobs (image_id, created_at);

-- At most one running scan per manifest digest, across every replica.
create table scan_digest_locks (
  digest      varchar(200) primary key,
  job_id      uuid         not null,
  lease_until timestamp with time zone not null
);

-- Inventory documents (gzip-compressed inventory JSON, schema in docs/formats/inventory-json.md).
create table scan_results (
  job_id        uuid primary key references scan_jobs (id) on delete cascade,
  image_id      uuid    not null references images (id) on delete cascade,
  digest        varchar(200) not null,
  package_count integer not null,
  problem_count integer not null,
  inventory     bytea   not null,
  created_at    timestamp with time zone not null
);

-- Layer analysis results shared by all replicas (core LayerCache), gzip-compressed JSON.
create table layer_cache (
  diff_id       varchar(200) not null,
  analyzers_key varchar(200) not null,
  content       bytea        not null,
  created_at    timestamp with time zone not null,
  primary key (diff_id, analyzers_key)
);
