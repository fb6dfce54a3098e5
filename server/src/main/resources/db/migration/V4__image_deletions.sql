-- A registry's delete webhook (or, later, enumeration) marks an image as gone from its registry;
-- cleanup removes it. A later push of the same reference clears the mark.
alter table images add column deleted_at timestamp with time zone;
