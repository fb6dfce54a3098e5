-- Nightly pull per registry: its settings, the resume cursor of a registry walked over several
-- runs, and a lease so that only one replica pulls a registry at a time.
create table registry_pull_settings (
  registry_id             uuid primary key references registries (id) on delete cascade,
  cron                    varchar(100)  not null,
  include_repositories    varchar(2000) not null,
  exclude_repositories    varchar(2000) not null,
  include_tags            varchar(2000) not null,
  exclude_tags            varchar(2000) not null,
  max_tags_per_repository integer       not null,
  max_repositories        integer       not null,
  max_age_days            integer,
  resume_cursor           varchar(500),
  next_run_at             timestamp with time zone,
  lease_owner             varchar(200),
  lease_until             timestamp with time zone
);

-- One row per pull run: its report.
create table registry_pulls (
  id                uuid primary key,
  registry_id       uuid         not null references registries (id) on delete cascade,
  trigger_kind      varchar(20)  not null,
  started_at        timestamp with time zone not null,
  finished_at       timestamp with time zone not null,
  repositories_seen integer      not null,
  images_new        integer      not null,
  images_changed    integer      not null,
  images_unchanged  integer      not null,
  images_failed     integer      not null,
  resume_cursor     varchar(500),
  failures          varchar(8000)
);
create index registry_pulls_registry on registry_pulls (registry_id, started_at);
