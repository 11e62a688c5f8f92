-- Chargeback (issue 6): dated rate cards, statements closed by the IT office, their review.
-- Money is numeric, never floating point.

-- A rate card applies from the 1st of its month until the next card begins. Prices in CNY.
create table rate_card (
    id                    bigint generated always as identity primary key,
    valid_from            date           not null unique check (extract(day from valid_from) = 1),
    vcpu_hour             numeric(12, 4) not null check (vcpu_hour >= 0),
    memory_gib_hour       numeric(12, 4) not null check (memory_gib_hour >= 0),
    storage_gib_month     numeric(12, 4) not null check (storage_gib_month >= 0),
    thousand_requests     numeric(12, 4) not null check (thousand_requests >= 0),
    tax_rate              numeric(6, 4)  not null check (tax_rate >= 0 and tax_rate < 1),
    currency              char(3)        not null default 'CNY' check (currency = 'CNY'),
    created_by            varchar(255)   not null,
    created_at            timestamptz    not null default now()
);

-- The multiplier of compute prices (vCPU, memory) per isolation tier, e.g. 1.5 for hypervisor.
create table rate_card_tier (
    rate_card_id bigint       not null references rate_card (id),
    tier         varchar(32)  not null,
    multiplier   numeric(6, 3) not null check (multiplier > 0),
    primary key (rate_card_id, tier)
);

-- Rate cards are never edited: a price change is a new card from a later month.
create function chargeback_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '% is append-only (% refused)', tg_table_name, tg_op;
end;
$$;
create trigger rate_card_append_only before update or delete on rate_card
    for each row execute function chargeback_is_append_only();
create trigger rate_card_tier_append_only before update or delete on rate_card_tier
    for each row execute function chargeback_is_append_only();

-- A month the IT office closed; the row makes a second close a no-op.
create table closed_month (
    period    char(7)      primary key check (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    closed_by varchar(255) not null,
    closed_at timestamptz  not null default now()
);

-- One statement per department and closed month, with the figures as issued. Immutable.
create table statement (
    id            bigint generated always as identity primary key,
    department_id bigint         not null references department (id),
    period        char(7)        not null references closed_month (period),
    rate_card_id  bigint         references rate_card (id),
    tax_rate      numeric(6, 4)  not null check (tax_rate >= 0),
    subtotal      numeric(14, 2) not null check (subtotal >= 0),
    tax           numeric(14, 2) not null check (tax >= 0),
    total         numeric(14, 2) not null check (total = subtotal + tax),
    issued_by     varchar(255)   not null,
    issued_at     timestamptz    not null default now(),
    unique (department_id, period)
);

-- Lines: one per app, isolation tier and component; adjustments (the IT office's answer to a
-- dispute) are further lines, never edits. Amounts are rounded once, per line.
create table statement_line (
    id            bigint generated always as identity primary key,
    statement_id  bigint         not null references statement (id),
    department_id bigint         not null references department (id),
    app_id        bigint,
    app_name      varchar(40),
    isolation     varchar(32),
    component     varchar(16)    not null check (component in ('VCPU', 'MEMORY', 'STORAGE', 'REQUESTS', 'ADJUSTMENT')),
    quantity      numeric(20, 6) not null check (quantity >= 0),
    unit          varchar(24)    not null,
    rate          numeric(12, 4) not null check (rate >= 0),
    multiplier    numeric(6, 3)  not null check (multiplier > 0),
    amount        numeric(14, 2) not null check (component = 'ADJUSTMENT' or amount >= 0),
    used_quantity numeric(20, 6),
    note          text
);
create index statement_line_statement on statement_line (department_id, statement_id);

-- The department's answer and the IT office's resolution, in order. The status of a statement
-- is its latest review (none: ISSUED): APPROVED and RESOLVED make it FINAL.
create table statement_review (
    id            bigint generated always as identity primary key,
    statement_id  bigint       not null references statement (id),
    department_id bigint       not null references department (id),
    action        varchar(16)  not null check (action in ('APPROVED', 'DISPUTED', 'RESOLVED')),
    actor         varchar(255) not null,
    comment       text         not null default '',
    occurred_at   timestamptz  not null default now()
);
create index statement_review_statement on statement_review (statement_id, id);

create trigger statement_immutable before update or delete on statement
    for each row execute function chargeback_is_append_only();
create trigger statement_line_immutable before update or delete on statement_line
    for each row execute function chargeback_is_append_only();
create trigger statement_review_append_only before update or delete on statement_review
    for each row execute function chargeback_is_append_only();
create trigger closed_month_append_only before update or delete on closed_month
    for each row execute function chargeback_is_append_only();
create trigger statement_no_truncate before truncate on statement
    for each statement execute function chargeback_is_append_only();
create trigger statement_line_no_truncate before truncate on statement_line
    for each statement execute function chargeback_is_append_only();

create function statement_status(p_statement bigint) returns varchar language sql stable as $$
    select coalesce((select case action when 'DISPUTED' then 'DISPUTED' else 'FINAL' end
                       from statement_review where statement_id = p_statement order by id desc limit 1), 'ISSUED');
$$;

-- Once issued, a statement gains no usage line: those are written only in the transaction that
-- issued it. An adjustment line only while the statement is disputed.
create function statement_line_check() returns trigger language plpgsql as $$
declare
    issued_now boolean;
begin
    select s.xmin::text::bigint = txid_current() % 4294967296 into issued_now from statement s where s.id = new.statement_id;
    if new.component = 'ADJUSTMENT' then
        if statement_status(new.statement_id) <> 'DISPUTED' then
            raise exception 'an adjustment needs a disputed statement';
        end if;
    elsif not coalesce(issued_now, false) then
        raise exception 'statement % is issued: lines cannot be added', new.statement_id;
    end if;
    return new;
end;
$$;
create trigger statement_line_insert before insert on statement_line
    for each row execute function statement_line_check();

-- The review follows ISSUED -> APPROVED | DISPUTED -> RESOLVED, whoever writes it.
create function statement_review_check() returns trigger language plpgsql as $$
declare
    current varchar := statement_status(new.statement_id);
begin
    if (new.action in ('APPROVED', 'DISPUTED') and current <> 'ISSUED')
       or (new.action = 'RESOLVED' and current <> 'DISPUTED') then
        raise exception 'statement % is %: % refused', new.statement_id, current, new.action;
    end if;
    return new;
end;
$$;
create trigger statement_review_insert before insert on statement_review
    for each row execute function statement_review_check();
