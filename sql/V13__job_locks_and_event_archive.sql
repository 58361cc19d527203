-- Scheduled jobs run on one instance at a time (DESIGN §4): ShedLock's lock rows, one per job name,
-- in the table its JDBC provider uses. The database's clock decides (it writes UTC_TIMESTAMP(3)), so
-- instances whose clocks drift still agree who holds a lock. DATETIME, not TIMESTAMP: MariaDB without
-- explicit_defaults_for_timestamp would give a TIMESTAMP column ON UPDATE CURRENT_TIMESTAMP.
CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until DATETIME(3)  NOT NULL,
    locked_at  DATETIME(3)  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Spring Modulith's completion mode ARCHIVE: a publication whose listener succeeded moves here, so
-- EVENT_PUBLICATION holds only what still has to be delivered (the redelivery job reads it every
-- minute); archived ones are deleted after their retention (the schema its jar ships for MariaDB).
CREATE TABLE EVENT_PUBLICATION_ARCHIVE
(
    ID               VARCHAR(36)   NOT NULL,
    LISTENER_ID      VARCHAR(512)  NOT NULL,
    EVENT_TYPE       VARCHAR(512)  NOT NULL,
    SERIALIZED_EVENT VARCHAR(4000) NOT NULL,
    PUBLICATION_DATE TIMESTAMP(6)  NOT NULL,
    COMPLETION_DATE  TIMESTAMP(6)  DEFAULT NULL NULL,
    PRIMARY KEY (ID),
    INDEX EVENT_PUBLICATION_ARCHIVE_BY_COMPLETION_DATE_IDX (COMPLETION_DATE)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What was completed before archiving began moves there too, so the live table starts small.
INSERT INTO EVENT_PUBLICATION_ARCHIVE SELECT * FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NOT NULL;
DELETE FROM EVENT_PUBLICATION WHERE COMPLETION_DATE IS NOT NULL;
