-- Assurance policies (documents in the CLI's format, validated by the same loader), the server's
-- vulnerability exceptions, and what each scan was judged: findings and the assessment.
-- Written in the SQL subset that PostgreSQL and H2 (MODE=PostgreSQL) both accept.

-- builtin: the shipped policy the row was created from (baseline, strict), null for one written here.
create table policies (
  id          uuid primary key,
  name        varchar(200)    not null,
  description varchar(2000)   not null,
  document    varchar(200000) not null,
  enabled     boolean         not null,
  builtin     varchar(50),
  created_at  timestamp with time zone not null,
  updated_at  timestamp with time zone not null,
  constraint policies_name_unique unique (name)
);

-- Exceptions apply to every enabled policy; the optional columns narrow them. expires is the last
-- day an exception applies.
create table policy_exceptions (
  id            uuid primary key,
  vulnerability varchar(200)  not null,
  registry      varchar(255),
  repository    varchar(500),
  digest        varchar(200),
  package_name  varchar(500),
  justification varchar(4000) not null,
  author        varchar(200)  not null,
  expires       date,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null
);

-- What matching found in one scan's inventory. Replaced when the inventory is matched again on new
-- vulnerability data; kept as they are when only policies change.
create table findings (
  job_id            uuid          not null references scan_jobs (id) on delete cascade,
  image_id          uuid          not null references images (id) on delete cascade,
  vulnerability_id  varchar(200)  not null,
  aliases           varchar(4000) not null,
  package_name      varchar(500)  not null,
  ecosystem         varchar(20)   not null,
  installed_version varchar(500)  not null,
  purl              varchar(2000),
  fixed_versions    varchar(2000) not null,
  status            varchar(20)   not null,
  severity          varchar(20)   not null,
  cvss_v3           double precision,
  cvss_v4           double precision,
  kev               boolean       not null,
  epss              double precision,
  published         date,
  layer_diff_id     varchar(200),
  title             varchar(1000) not null
);
create index findings_job on findings (job_id);
create index findings_vulnerability on findings (vulnerability_id);

-- The judgement of one scan, replaced when it is judged again. verdict: compliant, non_compliant, or
-- unknown (no vulnerability data was loaded: the scan was inventoried, not matched).
-- assessment: gzip-compressed JSON of core's assessment. vuln_data_sha256 and policy_revision say
-- what it was judged with, so re-judging skips what is already current (and replicas agree).
create table scan_assessments (
  job_id              uuid         primary key references scan_jobs (id) on delete cascade,
  image_id            uuid         not null references images (id) on delete cascade,
  verdict             varchar(20)  not null,
  assessment          bytea,
  vuln_data_sha256    varchar(64),
  vuln_data_built_at  timestamp with time zone,
  distro_covered      boolean,
  match_problems      varchar(100000) not null,
  policy_revision     varchar(64)  not null,
  judged_at           timestamp with time zone not null
);

-- Each image's current judgement: the latest successful scan and its verdict, what lists filter on.
create table image_verdicts (
  image_id   uuid         primary key references images (id) on delete cascade,
  job_id     uuid         not null references scan_jobs (id) on delete cascade,
  scanned_at timestamp with time zone not null,
  verdict    varchar(20)  not null,
  judged_at  timestamp with time zone not null
);
create index image_verdicts_verdict on image_verdicts (verdict);
