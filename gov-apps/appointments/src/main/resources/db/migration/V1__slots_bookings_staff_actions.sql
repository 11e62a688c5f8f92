-- One row per bookable slot of one hall. The capacity is enforced HERE: a booking takes a seat
-- with a conditional update (booked < capacity), and the check below refuses any write that
-- would overbook, whatever the application does.
create table slot (
    id         bigserial   primary key,
    hall       text        not null,
    starts_at  timestamptz not null,
    ends_at    timestamptz not null,
    capacity   integer     not null,
    booked     integer     not null default 0,
    constraint slot_hall_start_unique unique (hall, starts_at),
    constraint slot_ends_after_start check (ends_at > starts_at),
    constraint slot_capacity_not_negative check (capacity >= 0),
    constraint slot_booked_not_negative check (booked >= 0),
    constraint slot_not_overbooked check (booked <= capacity)
);

create table booking (
    id                bigserial   primary key,
    code              text        not null,
    slot_id           bigint      not null references slot (id),
    service           text        not null,
    citizen_subject   text        not null,
    citizen_name      text        not null,
    status            text        not null default 'BOOKED',
    created_at        timestamptz not null default now(),
    cancelled_at      timestamptz,
    checked_in_at     timestamptz,
    constraint booking_code_unique unique (code),
    constraint booking_status_known check (status in ('BOOKED', 'CANCELLED', 'CHECKED_IN'))
);

-- A citizen holds at most one live booking per slot; cancelled ones do not count.
create unique index booking_one_per_citizen_and_slot on booking (slot_id, citizen_subject)
    where status <> 'CANCELLED';
create index booking_by_citizen on booking (citizen_subject, created_at desc);

-- What staff did (who, when, what, to which booking), shown to staff in the back office.
create table staff_action (
    id            bigserial   primary key,
    at            timestamptz not null default now(),
    staff_subject text        not null,
    staff_name    text        not null,
    action        text        not null,
    booking_code  text,
    detail        text        not null default ''
);
create index staff_action_by_time on staff_action (at desc);
