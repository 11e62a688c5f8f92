-- The hotline's own schema: tickets, their photos, their history, and the staff who work them.
-- Codes (category, district, team) are the deploy parameters' codes; names come from the
-- parameters at display time, so renaming a category relabels old tickets instead of losing them.

-- Ticket numbers count per day in the city's time zone: 12345-20261127-0042.
create table ticket_day_counter (
    day         date primary key,
    last_number integer not null check (last_number > 0)
);

create table ticket (
    id              bigint generated always as identity primary key,
    number          varchar(32)   not null unique,
    citizen_subject varchar(255)  not null,
    citizen_name    varchar(255)  not null,
    category        varchar(40)   not null,
    district        varchar(40),
    address         varchar(200)  not null,
    description     varchar(2000) not null,
    status          varchar(16)   not null
        check (status in ('NEW', 'TRIAGED', 'ASSIGNED', 'RESOLVED', 'CLOSED')),
    priority        varchar(8) check (priority in ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    assigned_team   varchar(40),
    assigned_staff  varchar(255),
    resolution_note varchar(2000),
    reported_at     timestamptz   not null,
    resolved_at     timestamptz,
    closed_at       timestamptz,
    -- a ticket is resolved exactly when it carries a resolution time
    check ((status in ('RESOLVED', 'CLOSED')) = (resolved_at is not null)),
    check (resolved_at is null or resolved_at >= reported_at)
);
create index ticket_by_citizen on ticket (citizen_subject, id desc);
create index ticket_by_status on ticket (status, id);
create index ticket_by_reported on ticket (reported_at);
create index ticket_by_resolved on ticket (resolved_at) where resolved_at is not null;

-- Photos live in the database so every instance sees them and they survive restarts.
create table ticket_photo (
    ticket_id    bigint primary key references ticket (id) on delete cascade,
    content_type varchar(20) not null check (content_type in ('image/jpeg', 'image/png')),
    size_bytes   integer     not null check (size_bytes > 0),
    bytes        bytea       not null
);

-- Every transition with who and when: the ticket's history for the citizen and staff, and the
-- staff audit trail (the rows whose actor is STAFF).
create table ticket_event (
    id            bigint generated always as identity primary key,
    ticket_id     bigint       not null references ticket (id) on delete cascade,
    at            timestamptz  not null,
    actor_kind    varchar(8)   not null check (actor_kind in ('CITIZEN', 'STAFF')),
    actor_subject varchar(255) not null,
    actor_name    varchar(255) not null,
    action        varchar(16)  not null
        check (action in ('REPORTED', 'TRIAGED', 'ASSIGNED', 'RESOLVED', 'CONFIRMED', 'REOPENED')),
    from_status   varchar(16),
    to_status     varchar(16)  not null,
    category      varchar(40),
    priority      varchar(8),
    team          varchar(40),
    staff_name    varchar(255),
    note          varchar(2000)
);
create index ticket_event_by_ticket on ticket_event (ticket_id, id);
create index ticket_event_by_actor_kind on ticket_event (actor_kind, id desc);

-- Staff who have opened the back office: the people a ticket can be assigned to.
create table staff_member (
    subject      varchar(255) primary key,
    username     varchar(255) not null,
    display_name varchar(255) not null,
    last_seen    timestamptz  not null
);
