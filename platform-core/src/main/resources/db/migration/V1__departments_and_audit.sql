-- Departments: the tenants. Limits mirror DepartmentRules so a bypassed check still fails here.
create table department (
    id             bigint generated always as identity primary key,
    code           varchar(40)  not null unique
                   check (code ~ '^[a-z]([-a-z0-9]*[a-z0-9])?$'),
    name_zh        varchar(100) not null check (length(btrim(name_zh)) > 0),
    name_en        varchar(100) not null check (length(btrim(name_en)) > 0),
    max_apps       integer      not null check (max_apps between 0 and 1000),
    max_instances  integer      not null check (max_instances between 0 and 10000),
    max_memory_mib integer      not null check (max_memory_mib between 0 and 4194304),
    -- Money is numeric, never floating point: CNY to the fen.
    monthly_budget numeric(14, 2) not null check (monthly_budget >= 0),
    created_at     timestamptz  not null default now(),
    updated_at     timestamptz  not null default now()
);

-- The audit log. department_id is null only for platform-wide actions (a platform admin signing
-- in); everything done to a department carries it.
create table audit_event (
    id            bigint generated always as identity primary key,
    occurred_at   timestamptz  not null default now(),
    actor         varchar(255) not null,
    action        varchar(64)  not null,
    department_id bigint       references department (id),
    detail        text
);
create index audit_event_department on audit_event (department_id, id desc);

-- Append-only, enforced by the database rather than by good intentions.
create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_append_only
    before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
