-- Cluster-wide leases for work that one replica at a time does (feed sync, the staleness notice),
-- with the next scheduled run. Rows are created on first use.
create table cluster_leases (
  name        varchar(100) primary key,
  lease_owner varchar(200),
  lease_until timestamp with time zone,
  next_run_at timestamp with time zone
);

-- One row per feed sync run, and one per feed of the run.
create table feed_sync_runs (
  id            uuid primary key,
  trigger_kind  varchar(20)  not null,
  replica       varchar(200) not null,
  started_at    timestamp with time zone not null,
  finished_at   timestamp with time zone,
  outcome       varchar(20)  not null,
  bundle_sha256 varchar(64),
  error         varchar(4000)
);
create index feed_sync_runs_started on feed_sync_runs (started_at);

create table feed_sync_feeds (
  run_id      uuid          not null references feed_sync_runs (id) on delete cascade,
  position    integer       not null,
  kind        varchar(50)   not null,
  location    varchar(2000) not null,
  outcome     varchar(20)   not null,
  http_status integer,
  bytes       bigint,
  records     bigint,
  malformed   bigint,
  error       varchar(4000),
  primary key (run_id, position)
);
