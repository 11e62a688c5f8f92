-- One row per permit application. The department is not stored: this database belongs to one
-- deployed app, which belongs to one department (GOVPAAS_DEPARTMENT).
create table permit_application (
    id              bigint generated always as identity primary key,
    -- What citizens and staff see and what URLs carry: random, so it cannot be guessed or counted.
    reference       varchar(24)  not null unique,
    -- The citizen's stable Keycloak subject; every citizen query filters on it.
    citizen_subject varchar(255) not null,
    citizen_name    varchar(255) not null,
    status          varchar(30)  not null
        check (status in ('SUBMITTED', 'IN_REVIEW', 'INFORMATION_REQUESTED', 'APPROVED', 'REJECTED')),
    -- Field name -> answer, as the form defined at the time of submission asked for them.
    answers         jsonb        not null,
    -- The staff member working on it (subject and name at the time of the claim).
    claimed_by      varchar(255),
    claimed_by_name varchar(255),
    submitted_at    timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    check ((status = 'SUBMITTED') = (claimed_by is null))
);
create index permit_application_citizen on permit_application (citizen_subject, submitted_at desc);
create index permit_application_status on permit_application (status, updated_at);

-- Every transition, with who and when: the application's history for the citizen and the staff
-- audit trail (staff actions are never deleted or changed; the app has no statement that would).
create table status_change (
    id             bigint generated always as identity primary key,
    application_id bigint       not null references permit_application (id),
    action         varchar(30)  not null,
    from_status    varchar(30),
    to_status      varchar(30)  not null,
    actor_kind     varchar(10)  not null check (actor_kind in ('CITIZEN', 'STAFF')),
    actor_subject  varchar(255) not null,
    actor_name     varchar(255) not null,
    comment        varchar(2000),
    occurred_at    timestamptz  not null default now()
);
create index status_change_application on status_change (application_id, id);

-- Attachments live in this database, not in files beside the app: a second instance and a
-- restarted or moved instance see them, they are backed up and retained with the application
-- they belong to, and an application and its documents are written in one transaction.
create table attachment (
    id             bigint generated always as identity primary key,
    application_id bigint       not null references permit_application (id),
    -- In download URLs; random so that one citizen's link reveals nothing about another's.
    public_id      uuid         not null unique,
    file_name      varchar(255) not null,
    -- Sniffed from the content, never taken from the browser.
    content_type   varchar(100) not null,
    size_bytes     bigint       not null check (size_bytes > 0),
    content        bytea        not null,
    uploaded_at    timestamptz  not null default now()
);
create index attachment_application on attachment (application_id);
