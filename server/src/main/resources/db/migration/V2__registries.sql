-- Registry integrations. Secret columns hold AES-GCM ciphertext (SecretCipher), never plaintext.
create table registries (
  id                 uuid primary key,
  name               varchar(100)  not null,
  type               varchar(20)   not null,
  url                varchar(500)  not null,
  auth_kind          varchar(20)   not null,
  username           varchar(200),
  secret_enc         varchar(20000),
  ca_pem             varchar(100000),
  insecure           boolean       not null,
  rescan_cron        varchar(100),
  webhook_secret_enc varchar(2000),
  connector          varchar(100),
  created_at         timestamp with time zone not null,
  updated_at         timestamp with time zone not null,
  constraint registries_name_unique unique (name)
);
