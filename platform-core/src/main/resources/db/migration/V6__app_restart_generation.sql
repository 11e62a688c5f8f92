-- The generation of the last restart a developer asked for: the runtimes replace every instance
-- when it changes, although nothing else in the app did (0: never restarted).
alter table app add column restart_generation bigint not null default 0;
