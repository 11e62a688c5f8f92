-- Usage samples: one row per app per minute, the raw material of chargeback (issue 6).
-- Idempotent by its primary key (a retried or duplicated sample is dropped by
-- "on conflict do nothing") and append-only (triggers below): a minute the platform was down
-- simply has no row, nothing is invented afterwards. No foreign key on app_id: samples outlive
-- the app, its bill must still be explainable after it is deleted.
create table usage_sample (
    app_id            bigint       not null,
    minute            timestamptz  not null check (date_trunc('minute', minute) = minute),
    department_id     bigint       not null references department (id),
    app_name          varchar(40)  not null,
    isolation         varchar(32)  not null,
    instances         integer      not null check (instances >= 0),
    -- Allocated (what the department reserved, and what is billed).
    vcpu_millis       integer      not null check (vcpu_millis >= 0),
    memory_mib        integer      not null check (memory_mib >= 0),
    -- Used (showback). CPU seconds consumed during this minute; null when unknown (the first
    -- minute the platform sees an app after a start has no earlier reading to subtract).
    cpu_seconds_used  numeric(12, 3) check (cpu_seconds_used >= 0),
    memory_used_bytes bigint       check (memory_used_bytes >= 0),
    storage_bytes     bigint       not null check (storage_bytes >= 0),
    -- Requests the gateway forwarded to the app during this minute.
    requests          integer      not null check (requests >= 0),
    primary key (app_id, minute)
);
create index usage_sample_department_minute on usage_sample (department_id, minute);

create function usage_sample_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'usage_sample is append-only (% refused)', tg_op;
end;
$$;
create trigger usage_sample_append_only
    before update or delete on usage_sample
    for each row execute function usage_sample_is_append_only();
create trigger usage_sample_no_truncate
    before truncate on usage_sample
    for each statement execute function usage_sample_is_append_only();
