-- Notification subscriptions: where to send (channel), what (events) and for which images (scope).
create table notification_subscriptions (
  id            uuid primary key,
  name          varchar(200)  not null unique,
  channel       varchar(20)   not null,
  target        varchar(2000) not null,
  secret_enc    varchar(1000),
  events        varchar(500)  not null,
  registry_id   uuid references registries (id) on delete cascade,
  repositories  varchar(2000) not null,
  enabled       boolean       not null,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null
);

-- The outbox: one row per notification per subscription, delivered by any replica (lease), retried
-- with backoff, FAILED after the last attempt with the error kept for the API.
create table notification_deliveries (
  id              uuid primary key,
  subscription_id uuid          not null references notification_subscriptions (id) on delete cascade,
  event           varchar(50)   not null,
  title           varchar(500)  not null,
  payload         text          not null,
  state           varchar(20)   not null,
  attempts        integer       not null,
  run_after       timestamp with time zone not null,
  lease_owner     varchar(200),
  lease_until     timestamp with time zone,
  last_error      varchar(2000),
  last_status     integer,
  created_at      timestamp with time zone not null,
  delivered_at    timestamp with time zone
);
create index notification_deliveries_claim on notification_deliveries (state, run_after);
create index notification_deliveries_subscription on notification_deliveries (subscription_id, created_at);
