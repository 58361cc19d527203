-- Riders and couriers: registration (骑手备案) with their community, verification and pass number
-- (小区通行证), and check-ins at warm stations (one per station per China-time day counts).

CREATE TABLE rider (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    user_id           BIGINT       NOT NULL,
    platform          VARCHAR(16)  NOT NULL,
    real_name         VARCHAR(32)  NOT NULL,
    home_community_id BIGINT       NOT NULL,
    -- PENDING | VERIFIED | REJECTED
    status            VARCHAR(16)  NOT NULL,
    pass_no           VARCHAR(32)  NULL,
    reject_reason     VARCHAR(128) NULL,
    reviewed_by       BIGINT       NULL,
    reviewed_at       DATETIME(3)  NULL,
    created_at        DATETIME(3)  NOT NULL,
    updated_at        DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_rider_user (user_id),
    UNIQUE KEY uk_rider_pass_no (pass_no),
    KEY idx_rider_community (home_community_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE rider_checkin (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    rider_id     BIGINT      NOT NULL,
    station_id   BIGINT      NOT NULL,
    -- the China-time date the check-in counts for
    checkin_date DATE        NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_rider_checkin_day (rider_id, station_id, checkin_date),
    KEY idx_rider_checkin_time (rider_id, created_at),
    CONSTRAINT fk_rider_checkin_rider FOREIGN KEY (rider_id) REFERENCES rider (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
