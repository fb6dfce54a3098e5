-- When a control of a policy started failing for an image, for policies with enforceAfterDays: the
-- failure only warns until that many days have passed. A row is the current streak of failures; it
-- is removed when the control passes again.
create table control_failures (
  image_id        uuid         not null references images (id) on delete cascade,
  policy          varchar(200) not null,
  control_id      varchar(300) not null,
  first_failed_at timestamp with time zone not null,
  primary key (image_id, policy, control_id)
);
