-- Domain events, webhooks and the change feed (docs/events.md). assessment-service is the platform's event hub.
--
-- 1. The outbox: assessment-service writes its own events here in the same transaction as the change; the other
--    services' relays put theirs here through POST /internal/v1/events. One row per event id, whoever sends it how
--    often. The sequencer moves rows into event_log.
create table event_outbox (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    body        text        not null,
    received_at timestamptz not null
);

-- 2. The event log: the change feed and the source of every delivery. Positions are given by the one sequencer
--    under an advisory lock, in the transaction that inserts the rows, so they become visible in position order
--    (a reader never sees position n+1 before n: no gaps to skip over).
create table event_log (
    position       bigint      primary key,
    event_id       uuid        not null unique,
    type           varchar(60) not null,
    occurred_at    timestamptz not null,
    recorded_at    timestamptz not null,
    ordering_key   text        not null,
    provider_ukprn varchar(8),
    employer_id    text,
    epao_id        varchar(7),
    uln            varchar(10),
    -- only the owner of a subscription sees the notices about it (webhook.disabled)
    owner_subject  text,
    body           text        not null
);
create index event_log_recorded_idx on event_log (recorded_at);
create index event_log_type_idx on event_log (type, position);
create index event_log_provider_idx on event_log (provider_ukprn, position);
create index event_log_employer_idx on event_log (employer_id, position);
create index event_log_epao_idx on event_log (epao_id, position);

-- What retention removed: a feed cursor before this position can no longer be served completely.
create table event_log_pruned (
    id              int    primary key check (id = 1),
    pruned_through  bigint not null
);
insert into event_log_pruned values (1, 0);

-- 3. Subscriptions: one client's URL, its event types and secret, and the audience (tenant keys) taken from its
--    token when it subscribed.
create table webhook_subscription (
    id               uuid        primary key,
    owner_subject    text        not null,
    owner_name       text,
    url              text        not null,
    event_types      text        not null,
    description      text,
    secret           text        not null,
    audience_all     boolean     not null,
    provider_ukprn   varchar(8),
    employer_id      text,
    epao_id          varchar(7),
    uln              varchar(10),
    status           varchar(10) not null check (status in ('active', 'disabled')),
    disabled_reason  text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);
create index webhook_subscription_owner_idx on webhook_subscription (owner_subject, created_at);

-- 4. Deliveries: one per (subscription, event), and one more per manual redelivery.
create table webhook_delivery (
    id               uuid        primary key,
    subscription_id  uuid        not null references webhook_subscription (id) on delete cascade,
    position         bigint      not null references event_log (position) on delete cascade,
    ordering_key     text        not null,
    status           varchar(10) not null check (status in ('pending', 'sending', 'delivered', 'failed')),
    attempts         int         not null default 0,
    next_attempt_at  timestamptz not null,
    lease_until      timestamptz,
    last_attempt_at  timestamptz,
    last_status_code int,
    last_error       text,
    last_latency_ms  int,
    manual           boolean     not null default false,
    created_at       timestamptz not null
);
create index webhook_delivery_due_idx on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_order_idx on webhook_delivery (subscription_id, ordering_key, position);
create index webhook_delivery_log_idx on webhook_delivery (subscription_id, created_at);

create table webhook_attempt (
    id           bigint generated always as identity primary key,
    delivery_id  uuid        not null references webhook_delivery (id) on delete cascade,
    attempt      int         not null,
    started_at   timestamptz not null,
    status_code  int,
    error        text,
    latency_ms   int         not null
);
create index webhook_attempt_delivery_idx on webhook_attempt (delivery_id, attempt);
