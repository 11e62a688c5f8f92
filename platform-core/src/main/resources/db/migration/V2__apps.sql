-- Deployed apps: desired state (what the developer asked for) and observed state (what the
-- runtime reports), Kubernetes-style, with a generation number bumped by every change.
create table app (
    id                  bigint generated always as identity primary key,
    department_id       bigint       not null references department (id),
    name                varchar(40)  not null check (name ~ '^[a-z]([-a-z0-9]*[a-z0-9])?$'),
    template_id         varchar(63)  not null,
    template_version    varchar(40)  not null,
    instances           integer      not null check (instances between 0 and 20),
    memory_mb           integer      not null check (memory_mb between 64 and 16384),
    isolation           varchar(32)  not null,
    parameters          jsonb        not null default '{}'::jsonb,
    -- RUNNING (serve), STOPPED (keep, run nothing), DELETING (remove, then the row goes)
    desired             varchar(16)  not null default 'RUNNING'
                        check (desired in ('RUNNING', 'STOPPED', 'DELETING')),
    purge_data          boolean      not null default false,
    generation          bigint       not null default 1 check (generation >= 1),
    observed_generation bigint       not null default 0,
    state               varchar(16)  not null default 'PENDING'
                        check (state in ('PENDING', 'DEPLOYING', 'RUNNING', 'DEGRADED', 'FAILED', 'STOPPED', 'DELETING')),
    ready_instances     integer      not null default 0,
    isolation_applied   varchar(32),
    message             text,
    created_by          varchar(255) not null,
    created_at          timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    unique (department_id, name)
);

-- What happened to an app, newest last. Kept after the app is deleted (no foreign key on
-- app_id), so a department can still read why an app went away.
create table app_event (
    id            bigint generated always as identity primary key,
    department_id bigint       not null references department (id),
    app_id        bigint       not null,
    app_name      varchar(40)  not null,
    occurred_at   timestamptz  not null default now(),
    type          varchar(32)  not null,
    message       text         not null
);
create index app_event_app on app_event (department_id, app_id, id desc);

-- The database service: one PostgreSQL database and role per app that asks for one. The row
-- outlives the app (citizen data is never dropped silently); purged_at is set only when a
-- developer explicitly purged it. The password is encrypted with the platform's secret key.
create table app_database (
    id                 bigint generated always as identity primary key,
    department_id      bigint       not null references department (id),
    app_id             bigint       not null,
    app_name           varchar(40)  not null,
    database_name      varchar(63)  not null unique,
    role_name          varchar(63)  not null unique,
    password_encrypted text         not null,
    created_at         timestamptz  not null default now(),
    released_at        timestamptz,
    purged_at          timestamptz
);

-- Platform admins can take a template or one of its versions out of the catalog.
create table catalog_setting (
    template_id varchar(63) not null,
    version     varchar(40) not null default '',
    enabled     boolean     not null,
    changed_by  varchar(255) not null,
    changed_at  timestamptz not null default now(),
    primary key (template_id, version)
);
