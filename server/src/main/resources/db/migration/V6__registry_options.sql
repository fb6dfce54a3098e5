-- Provider options of a registry integration (region, namespace, project, repository, ...), one
-- "key=value" per line: the keys each provider reads are listed in docs/registry-providers.md.
alter table registries add column provider_options varchar(4000);
