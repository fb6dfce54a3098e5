-- Local users, API tokens and the audit log.
-- Written in the SQL subset that PostgreSQL and H2 (MODE=PostgreSQL) both accept: see docs/operations.md.
create table users (
  id            uuid primary key,
  username      varchar(100) not null,
  password_hash varchar(500) not null,
  role          varchar(20)  not null,
  enabled       boolean      not null,
  created_at    timestamp with time zone not null,
  constraint users_username_unique unique (username)
);

-- Only the SHA-256 of a token is stored; the prefix lets a person recognise a token in lists.
create table api_tokens (
  id           uuid primary key,
  name         varchar(100) not null,
  token_hash   varchar(64)  not null,
  token_prefix varchar(20)  not null,
  role         varchar(20)  not null,
  owner_id     uuid         not null references users (id) on delete cascade,
  created_at   timestamp with time zone not null,
  expires_at   timestamp with time zone,
  last_used_at timestamp with time zone,
  revoked_at   timestamp with time zone,
  constraint api_tokens_hash_unique unique (token_hash)
);

create table audit_log (
  id          uuid primary key,
  at          timestamp with time zone not null,
  actor       varchar(200) not null,
  action      varchar(100) not null,
  target_type varchar(50)  not null,
  target_id   varchar(200),
  detail      varchar(2000)
);
create index audit_log_at on audit_log (at);

-- One-time work done at the first start (administrator, default registry), recorded so it is not
-- redone after an administrator deliberately deletes what it created, and done once across replicas.
create table first_start_steps (
  name    varchar(100) primary key,
  done_at timestamp with time zone not null
);
