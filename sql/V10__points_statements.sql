-- 双积分 statements: what a rider or volunteer hands to their employer. Issued once from the ledger
-- (a snapshot: later corrections do not change a statement already handed over), read by anyone who
-- holds its unguessable code until it expires or its owner revokes it. No phone, no address.

CREATE TABLE points_statement (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    code           CHAR(12)    NOT NULL,
    user_id        BIGINT      NOT NULL,
    period_from    DATE        NOT NULL,
    period_to      DATE        NOT NULL,
    -- the name as registered (a verified rider's or a confirmed party member's), else the nickname
    holder_name    VARCHAR(64) NOT NULL,
    -- true when holder_name comes from a verified or confirmed registration, not the nickname
    name_verified  BOOLEAN     NOT NULL,
    community_id   BIGINT      NULL,
    community_name VARCHAR(64) NULL,
    total_points   BIGINT      NOT NULL,
    issued_at      DATETIME(3) NOT NULL,
    expires_at     DATETIME(3) NOT NULL,
    revoked_at     DATETIME(3) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_statement_code (code),
    KEY idx_points_statement_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One line per earning kind with entries in the period.
CREATE TABLE points_statement_line (
    statement_id BIGINT        NOT NULL,
    kind         VARCHAR(24)   NOT NULL,
    entries      INT           NOT NULL,
    points       BIGINT        NOT NULL,
    hours        DECIMAL(8, 2) NULL,
    PRIMARY KEY (statement_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
