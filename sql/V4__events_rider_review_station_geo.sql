-- Hardening of the foundation, the map and riders.

-- Spring Modulith's JDBC event publication registry (the schema its jar ships for MySQL/MariaDB):
-- an event another feature acts on is stored in the transaction that made it true, and marked
-- complete once its listener succeeded, so a crash in between loses nothing (DESIGN §4).
CREATE TABLE EVENT_PUBLICATION
(
    ID               VARCHAR(36)  NOT NULL,
    LISTENER_ID      VARCHAR(512) NOT NULL,
    EVENT_TYPE       VARCHAR(512) NOT NULL,
    SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE TIMESTAMP(6) NOT NULL,
    COMPLETION_DATE  TIMESTAMP(6) DEFAULT NULL NULL,
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A reviewer decides the registration they saw: every change of it bumps the version.
ALTER TABLE rider ADD COLUMN version INT NOT NULL DEFAULT 0 AFTER reviewed_at;

-- The map's SQL fallback narrows to a bounding box on these before computing any distance.
ALTER TABLE station ADD KEY idx_station_geo (status, lat, lng);
