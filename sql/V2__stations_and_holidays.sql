-- Stations (party-and-people service stations and warm stations), their opening-hour exceptions,
-- and China's public-holiday calendar with make-up working days (调休).

CREATE TABLE station (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    community_id    BIGINT        NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    -- 'SERVICE', 'WARM' or 'SERVICE,WARM'
    kinds           VARCHAR(32)   NOT NULL,
    -- DISTRICT | STREET | COMMUNITY | GRID, for service stations
    service_level   VARCHAR(16)   NULL,
    address         VARCHAR(255)  NOT NULL,
    -- GCJ-02, as wx.getLocation({type:'gcj02'}) and <map> use
    lat             DECIMAL(10, 7) NOT NULL,
    lng             DECIMAL(10, 7) NOT NULL,
    phone           VARCHAR(20)   NULL,
    intro           VARCHAR(1000) NULL,
    photos          JSON          NOT NULL,
    -- comma-separated Amenity names
    amenities       VARCHAR(255)  NOT NULL DEFAULT '',
    audience        VARCHAR(16)   NOT NULL DEFAULT 'PUBLIC',
    -- [{"day":1,"opens":"08:00","closes":"20:00"}, ...], local time of the station
    weekly_hours    JSON          NOT NULL,
    holiday_policy  VARCHAR(24)   NOT NULL DEFAULT 'FOLLOW_CALENDAR',
    live_status     VARCHAR(16)   NOT NULL DEFAULT 'OPEN',
    live_note       VARCHAR(64)   NULL,
    live_updated_at DATETIME(3)   NULL,
    -- what a rider scans to check in; secret to the station's staff
    checkin_code    VARCHAR(32)   NOT NULL,
    -- ACTIVE | CLOSED (shut for good: off the map) | DELETED
    status          VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE',
    version         INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_station_checkin_code (checkin_code),
    KEY idx_station_community (community_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A dated change to a station's hours: closed all day, or open at other times that day.
CREATE TABLE station_hours_exception (
    station_id BIGINT      NOT NULL,
    on_date    DATE        NOT NULL,
    closed     BOOLEAN     NOT NULL,
    opens      CHAR(5)     NULL,
    closes     CHAR(5)     NULL,
    note       VARCHAR(64) NULL,
    PRIMARY KEY (station_id, on_date),
    CONSTRAINT fk_hours_exception_station FOREIGN KEY (station_id) REFERENCES station (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- HOLIDAY: a day off by the State Council's notice; WORKDAY: a weekend day worked instead (调休).
CREATE TABLE public_holiday (
    day        DATE        NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    name       VARCHAR(32) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025-11-04)
INSERT INTO public_holiday (day, kind, name, updated_at) VALUES
    ('2026-01-01', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)),
    ('2026-01-02', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)),
    ('2026-01-03', 'HOLIDAY', '元旦', UTC_TIMESTAMP(3)),
    ('2026-01-04', 'WORKDAY', '元旦调休', UTC_TIMESTAMP(3)),
    ('2026-02-14', 'WORKDAY', '春节调休', UTC_TIMESTAMP(3)),
    ('2026-02-15', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-16', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-17', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-18', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-19', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-20', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-21', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-22', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-23', 'HOLIDAY', '春节', UTC_TIMESTAMP(3)),
    ('2026-02-28', 'WORKDAY', '春节调休', UTC_TIMESTAMP(3)),
    ('2026-04-04', 'HOLIDAY', '清明节', UTC_TIMESTAMP(3)),
    ('2026-04-05', 'HOLIDAY', '清明节', UTC_TIMESTAMP(3)),
    ('2026-04-06', 'HOLIDAY', '清明节', UTC_TIMESTAMP(3)),
    ('2026-05-01', 'HOLIDAY', '劳动节', UTC_TIMESTAMP(3)),
    ('2026-05-02', 'HOLIDAY', '劳动节', UTC_TIMESTAMP(3)),
    ('2026-05-03', 'HOLIDAY', '劳动节', UTC_TIMESTAMP(3)),
    ('2026-05-04', 'HOLIDAY', '劳动节', UTC_TIMESTAMP(3)),
    ('2026-05-05', 'HOLIDAY', '劳动节', UTC_TIMESTAMP(3)),
    ('2026-05-09', 'WORKDAY', '劳动节调休', UTC_TIMESTAMP(3)),
    ('2026-06-19', 'HOLIDAY', '端午节', UTC_TIMESTAMP(3)),
    ('2026-06-20', 'HOLIDAY', '端午节', UTC_TIMESTAMP(3)),
    ('2026-06-21', 'HOLIDAY', '端午节', UTC_TIMESTAMP(3)),
    ('2026-09-20', 'WORKDAY', '国庆节调休', UTC_TIMESTAMP(3)),
    ('2026-09-25', 'HOLIDAY', '中秋节', UTC_TIMESTAMP(3)),
    ('2026-09-26', 'HOLIDAY', '中秋节', UTC_TIMESTAMP(3)),
    ('2026-09-27', 'HOLIDAY', '中秋节', UTC_TIMESTAMP(3)),
    ('2026-10-01', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-02', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-03', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-04', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-05', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-06', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-07', 'HOLIDAY', '国庆节', UTC_TIMESTAMP(3)),
    ('2026-10-10', 'WORKDAY', '国庆节调休', UTC_TIMESTAMP(3));
