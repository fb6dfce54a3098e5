-- When an image was last known to exist in its registry (registered, pushed, or listed by a pull);
-- cleanup's "not seen for N days" rule reads it (null: the registration time).
alter table images add column last_seen_at timestamp with time zone;
-- A pull run's count of registered images its listing showed were deleted in the registry.
alter table registry_pulls add column images_gone integer default 0 not null;

-- Server-wide maintenance settings, one row: the global rescan schedule and the cleanup rules.
create table maintenance_settings (
  id                     varchar(20) primary key,
  global_rescan_cron     varchar(100),
  cleanup_cron           varchar(100),
  cleanup_remove_deleted boolean not null,
  cleanup_not_seen_days  integer,
  cleanup_keep_tags      integer
);
insert into maintenance_settings (id, global_rescan_cron, cleanup_cron, cleanup_remove_deleted, cleanup_not_seen_days,
  cleanup_keep_tags) values ('default', null, null, true, null, null);

-- When each scheduled task runs next, and a lease so that one replica runs it. Tasks:
-- 'rescan:global', 'rescan:registry:<id>', 'cleanup'.
create table maintenance_schedules (
  task        varchar(100) primary key,
  next_run_at timestamp with time zone,
  lease_owner varchar(200),
  lease_until timestamp with time zone
);

-- One row per rescan or cleanup run: what it did (or, dry, would do).
create table maintenance_runs (
  id           uuid primary key,
  task         varchar(100) not null,
  trigger_kind varchar(20)  not null,
  dry_run      boolean      not null,
  started_at   timestamp with time zone not null,
  finished_at  timestamp with time zone not null,
  affected     integer      not null,
  skipped      integer      not null,
  details      text         not null
);
create index maintenance_runs_started on maintenance_runs (started_at);
