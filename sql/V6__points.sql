-- Volunteer points: one account per user, an append-only ledger, the lots that expire, per-community
-- earning rules and the tallies that enforce their caps (DESIGN §4: every award and spend is
-- idempotent by the ledger's unique key; the balance is guarded by a conditional update).

CREATE TABLE points_account (
    user_id     BIGINT      NOT NULL,
    balance     BIGINT      NOT NULL DEFAULT 0,
    earned      BIGINT      NOT NULL DEFAULT 0,
    spent       BIGINT      NOT NULL DEFAULT 0,
    expired     BIGINT      NOT NULL DEFAULT 0,
    -- what staff scan to award volunteer service (shown on GET /me); random, unique
    member_code VARCHAR(16) NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY uk_points_member_code (member_code),
    CONSTRAINT ck_points_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Never updated or deleted: corrections are new entries.
CREATE TABLE points_ledger (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    delta         BIGINT       NOT NULL,
    balance_after BIGINT       NOT NULL,
    -- RIDER_CHECKIN, VOLUNTEER_SERVICE, WISH_FULFILLED, ACTIVITY_ATTENDED, ADJUSTMENT, REDEEM,
    -- REDEEM_REFUND, EXPIRE
    reason        VARCHAR(24)  NOT NULL,
    ref_type      VARCHAR(24)  NOT NULL,
    ref_id        VARCHAR(64)  NOT NULL,
    -- the community whose rules applied (earning) or where it happened; for the leaderboard
    community_id  BIGINT       NULL,
    -- who did it for the user (staff, admin); null for the user's own actions and the system's
    operator_id   BIGINT       NULL,
    -- service hours this entry rewards (volunteer service), for statements and stars
    hours         DECIMAL(6, 2) NULL,
    -- what the user reads beside the entry: the activity served, the reason of an adjustment
    memo          VARCHAR(64)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_points_ledger_ref (user_id, reason, ref_type, ref_id),
    KEY idx_points_ledger_user (user_id, id),
    KEY idx_points_ledger_rank (community_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Points that expire together: each earning (or refund) is a lot; spending takes the oldest first.
CREATE TABLE points_lot (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    ledger_id  BIGINT      NOT NULL,
    amount     BIGINT      NOT NULL,
    remaining  BIGINT      NOT NULL,
    expires_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY idx_points_lot_user (user_id, expires_at, id),
    KEY idx_points_lot_due (expires_at, remaining),
    CONSTRAINT ck_points_lot_remaining CHECK (remaining >= 0 AND remaining <= amount)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Which lots a spend took from, so a refund gives back no more validity than was spent.
CREATE TABLE points_lot_use (
    ledger_id BIGINT NOT NULL,
    lot_id    BIGINT NOT NULL,
    amount    BIGINT NOT NULL,
    PRIMARY KEY (ledger_id, lot_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A community's earning rules; a kind without a row uses the defaults in configuration.
CREATE TABLE points_rule (
    community_id    BIGINT      NOT NULL,
    kind            VARCHAR(24) NOT NULL,
    points_per_unit INT         NOT NULL,
    daily_cap       INT         NULL,
    lifetime_cap    INT         NULL,
    updated_by      BIGINT      NOT NULL,
    updated_at      DATETIME(3) NOT NULL,
    PRIMARY KEY (community_id, kind)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Points earned per user and kind per China day (and, with day 1970-01-01, for ever): the rows the
-- caps are checked against under a row lock, so parallel awards cannot pass a cap together.
CREATE TABLE points_tally (
    user_id BIGINT      NOT NULL,
    kind    VARCHAR(24) NOT NULL,
    day     DATE        NOT NULL,
    points  BIGINT      NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id, kind, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
