-- Rewards (积分兑实物、积分兑服务): the catalogue per community and station, redemptions and their 核销.
-- MySQL is the truth for stock (DESIGN §4): `UPDATE reward SET stock = stock - ? WHERE id = ? AND stock >= ?`;
-- Redis (reward:{id}:stock) is only a gate in front of it.

CREATE TABLE reward (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    community_id    BIGINT        NOT NULL,
    -- where it is collected (goods) or given (services); a station of community_id
    station_id      BIGINT        NOT NULL,
    -- GOODS, SERVICE
    kind            VARCHAR(16)   NOT NULL,
    name            VARCHAR(64)   NOT NULL,
    description     VARCHAR(500)  NULL,
    points_price    INT           NOT NULL,
    -- what is left to redeem; changed only by guarded updates (redeem, cancel, expiry, restock)
    stock           INT           NOT NULL,
    -- units one user may hold in live redemptions (not cancelled or expired); null: no limit
    per_user_limit  INT           NULL,
    available_from  DATETIME(3)   NULL,
    available_until DATETIME(3)   NULL,
    -- JSON array of URLs under the media host
    photos          VARCHAR(4000) NULL,
    -- ACTIVE, WITHDRAWN
    status          VARCHAR(16)   NOT NULL,
    created_by      BIGINT        NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_reward_community (community_id, status, id),
    KEY idx_reward_station (station_id, status, id),
    CONSTRAINT ck_reward_stock CHECK (stock >= 0),
    CONSTRAINT ck_reward_price CHECK (points_price > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Stock that came in: the initial stock and every restock (append-only). With the live redemptions
-- it must add up to reward.stock: the consistency report's check, which catches a double refund.
CREATE TABLE reward_stock_in (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    reward_id   BIGINT      NOT NULL,
    quantity    INT         NOT NULL,
    -- INITIAL, RESTOCK
    reason      VARCHAR(16) NOT NULL,
    -- the admin's Idempotency-Key of a restock ('initial' for the first): a retried restock adds once
    ref         VARCHAR(80) NOT NULL,
    operator_id BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_reward_stock_in_ref (reward_id, ref),
    CONSTRAINT ck_reward_stock_in_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE redemption (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    reward_id      BIGINT      NOT NULL,
    user_id        BIGINT      NOT NULL,
    -- where to collect: the reward's station when it was redeemed
    station_id     BIGINT      NOT NULL,
    community_id   BIGINT      NOT NULL,
    quantity       INT         NOT NULL,
    points         BIGINT      NOT NULL,
    -- short, random (SecureRandom), what staff scan; unique
    code           VARCHAR(16) NOT NULL,
    -- the client's Idempotency-Key: a retry that outlived Redis's memory of it still redeems once
    request_key    VARCHAR(64) NOT NULL,
    -- PENDING (to collect), REDEEMED (核销 done), CANCELLED (by the user), EXPIRED (not collected in time)
    status         VARCHAR(16) NOT NULL,
    collect_by     DATETIME(3) NOT NULL,
    redeemed_by    BIGINT      NULL,
    redeemed_at    DATETIME(3) NULL,
    closed_at      DATETIME(3) NULL,
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_redemption_code (code),
    UNIQUE KEY uk_redemption_request (user_id, request_key),
    KEY idx_redemption_user (user_id, id),
    KEY idx_redemption_reward (reward_id, status),
    KEY idx_redemption_due (status, collect_by),
    CONSTRAINT ck_redemption_quantity CHECK (quantity > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Units each user holds of a reward in live redemptions: the per-user limit is a conditional update
-- on this row (`units + ? <= limit`), so parallel redemptions by one user cannot pass it together.
CREATE TABLE reward_holder (
    reward_id BIGINT NOT NULL,
    user_id   BIGINT NOT NULL,
    units     INT    NOT NULL DEFAULT 0,
    PRIMARY KEY (reward_id, user_id),
    CONSTRAINT ck_reward_holder_units CHECK (units >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
