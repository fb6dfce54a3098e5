-- The digest the registry last reported for the image's tag (a push event or a pull listing). It is
-- what tells a moved tag from an unchanged one: the scanned digest differs from it for a
-- multi-platform tag (the registry reports the index, the scan reads one platform's manifest) and
-- is unknown until the first scan finishes.
alter table images add column reported_digest varchar(200);
