-- Booking at service stations: bookable services with a weekly schedule, their slots (generated
-- ahead), activities (one slot each), bookings, waitlists and the no-show pause (DESIGN §4: a seat
-- is taken only by `UPDATE booking_slot SET booked = booked + 1 WHERE id = ? AND booked + held <
-- capacity`; one active booking per slot and user by uk_booking_active).

CREATE TABLE booking_service (
    id                      BIGINT        NOT NULL AUTO_INCREMENT,
    station_id              BIGINT        NOT NULL,
    name                    VARCHAR(40)   NOT NULL,
    -- ROOM (党员活动室, 议事室) | SERVICE (haircuts, knife sharpening, legal advice)
    kind                    VARCHAR(8)    NOT NULL,
    description             VARCHAR(500)  NULL,
    capacity                INT           NOT NULL,
    slot_minutes            INT           NOT NULL,
    -- JSON [{"day":1,"opens":"09:00","closes":"12:00"}, ...], station local time
    weekly                  VARCHAR(2000) NOT NULL,
    horizon_days            INT           NOT NULL,
    min_notice_minutes      INT           NOT NULL,
    cancel_deadline_minutes INT           NOT NULL,
    -- active bookings one user may hold per service and (China) week
    weekly_limit            INT           NOT NULL,
    -- RESIDENTS | RIDERS | ALL
    audience                VARCHAR(10)   NOT NULL,
    -- ACTIVE | ARCHIVED
    status                  VARCHAR(8)    NOT NULL,
    created_at              DATETIME(3)   NOT NULL,
    updated_at              DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_booking_service_station (station_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A dated change of a service's schedule: closed that day, or other hours.
CREATE TABLE booking_service_exception (
    service_id BIGINT     NOT NULL,
    on_date    DATE       NOT NULL,
    closed     TINYINT(1) NOT NULL,
    opens      CHAR(5)    NULL,
    closes     CHAR(5)    NULL,
    PRIMARY KEY (service_id, on_date)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_activity (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    station_id  BIGINT       NOT NULL,
    title       VARCHAR(40)  NOT NULL,
    place       VARCHAR(64)  NOT NULL,
    description VARCHAR(500) NULL,
    starts_at   DATETIME(3)  NOT NULL,
    ends_at     DATETIME(3)  NOT NULL,
    audience    VARCHAR(10)  NOT NULL,
    -- points a checked-in attendance earns (within the community's ACTIVITY_ATTENDED caps)
    points      INT          NOT NULL,
    created_by  BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_booking_activity_station (station_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What is booked: a service's slot, or an activity (its one slot). booked counts active bookings,
-- held the seats offered to the waitlist and not yet answered.
CREATE TABLE booking_slot (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    station_id  BIGINT      NOT NULL,
    service_id  BIGINT      NULL,
    activity_id BIGINT      NULL,
    starts_at   DATETIME(3) NOT NULL,
    ends_at     DATETIME(3) NOT NULL,
    capacity    INT         NOT NULL,
    booked      INT         NOT NULL DEFAULT 0,
    held        INT         NOT NULL DEFAULT 0,
    -- OPEN | CLOSED
    status      VARCHAR(8)  NOT NULL,
    -- added by staff rather than generated from the schedule
    manual      TINYINT(1)  NOT NULL DEFAULT 0,
    -- bumped by every change of booked, held, capacity or status: the Redis gate's reload checks it
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_slot_service_start (service_id, starts_at),
    UNIQUE KEY uk_booking_slot_activity (activity_id),
    KEY idx_booking_slot_station (station_id, starts_at),
    CONSTRAINT ck_booking_slot_seats CHECK (booked >= 0 AND held >= 0 AND booked + held <= capacity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking (
    id            BIGINT      NOT NULL AUTO_INCREMENT,
    slot_id       BIGINT      NOT NULL,
    user_id       BIGINT      NOT NULL,
    station_id    BIGINT      NOT NULL,
    service_id    BIGINT      NULL,
    activity_id   BIGINT      NULL,
    -- what the resident shows and staff scan: 10 characters, SecureRandom, unique
    code          VARCHAR(16) NOT NULL,
    -- BOOKED | CANCELLED | CHECKED_IN | NO_SHOW
    status        VARCHAR(12) NOT NULL,
    -- 1 while the booking holds its seat or its record (not cancelled), NULL once cancelled:
    -- uk_booking_active allows one such booking per slot and user, any number of cancelled ones
    active_key    TINYINT     NULL,
    starts_at     DATETIME(3) NOT NULL,
    ends_at       DATETIME(3) NOT NULL,
    -- the Monday (China time) of the slot's week, for the per-user weekly limit
    week_start    DATE        NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    cancelled_at  DATETIME(3) NULL,
    -- the user who cancelled (the resident, or staff closing the slot)
    cancelled_by  BIGINT      NULL,
    checked_in_at DATETIME(3) NULL,
    checked_in_by BIGINT      NULL,
    reminded_at   DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_active (slot_id, user_id, active_key),
    UNIQUE KEY uk_booking_code (code),
    KEY idx_booking_user (user_id, starts_at),
    KEY idx_booking_user_week (user_id, service_id, week_start),
    KEY idx_booking_status_start (status, starts_at),
    KEY idx_booking_status_end (status, ends_at),
    KEY idx_booking_station (station_id, starts_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE booking_waitlist (
    id               BIGINT      NOT NULL AUTO_INCREMENT,
    slot_id          BIGINT      NOT NULL,
    user_id          BIGINT      NOT NULL,
    -- WAITING | OFFERED | ACCEPTED | EXPIRED | LEFT | CLOSED
    status           VARCHAR(8)  NOT NULL,
    -- 1 while WAITING or OFFERED, NULL after: one live entry per slot and user
    active_key       TINYINT     NULL,
    offered_at       DATETIME(3) NULL,
    offer_expires_at DATETIME(3) NULL,
    booking_id       BIGINT      NULL,
    created_at       DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_booking_waitlist_active (slot_id, user_id, active_key),
    KEY idx_booking_waitlist_line (slot_id, status, id),
    KEY idx_booking_waitlist_offers (status, offer_expires_at),
    KEY idx_booking_waitlist_user (user_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per user who booked: locked by each of their bookings (so the weekly limit holds under
-- parallel requests), and the pause three no-shows bring.
CREATE TABLE booking_member (
    user_id      BIGINT       NOT NULL,
    paused_from  DATETIME(3)  NULL,
    paused_until DATETIME(3)  NULL,
    pause_reason VARCHAR(200) NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
