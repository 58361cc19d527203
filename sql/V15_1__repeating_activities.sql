-- Issue 16 §5: an activity may be an occurrence of a repeating rule (the monthly 义剪: 2nd Saturday
-- 09:00-11:00, or every Wednesday). The rules' job makes the occurrences for each rule's horizon;
-- uk_booking_activity_rule_start makes that idempotent (a second run, or a second instance, inserts nothing).

ALTER TABLE booking_activity
    -- the rule this activity is an occurrence of, or NULL for a one-off
    ADD COLUMN rule_id BIGINT NULL AFTER station_id,
    ADD UNIQUE KEY uk_booking_activity_rule_start (rule_id, starts_at);

CREATE TABLE booking_activity_rule (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    station_id    BIGINT       NOT NULL,
    title         VARCHAR(40)  NOT NULL,
    kind          VARCHAR(12)  NOT NULL,
    place         VARCHAR(64)  NOT NULL,
    description   VARCHAR(500) NULL,
    audience      VARCHAR(10)  NOT NULL,
    points        INT          NOT NULL,
    capacity      INT          NOT NULL,
    -- WEEKLY (every week on day_of_week) | MONTHLY (the week_of_month-th day_of_week of each month;
    -- week_of_month -1: the last)
    frequency     VARCHAR(8)   NOT NULL,
    -- ISO day, 1 = Monday … 7 = Sunday
    day_of_week   INT          NOT NULL,
    week_of_month INT          NULL,
    -- station-local times of day, HH:mm; ends_at before starts_at runs past midnight
    starts_at     CHAR(5)      NOT NULL,
    ends_at       CHAR(5)      NOT NULL,
    -- occurrences are made from first_date (China date) up to the horizon, never after last_date
    first_date    DATE         NOT NULL,
    last_date     DATE         NULL,
    horizon_days  INT          NOT NULL,
    -- ACTIVE | ENDED (no more occurrences are made; those made stay until closed one by one)
    status        VARCHAR(8)   NOT NULL,
    created_by    BIGINT       NOT NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_booking_activity_rule_station (station_id, status),
    KEY idx_booking_activity_rule_status (status, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
