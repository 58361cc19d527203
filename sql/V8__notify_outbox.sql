-- Notifications (WeChat subscribe messages) leave through an outbox written in the transaction of
-- the fact they announce, and are sent later with retries: a WeChat outage never fails a booking or
-- a wish. One-time subscriptions are counted per user and template (每次授权可发一条).

CREATE TABLE notify_outbox (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    user_id         BIGINT        NOT NULL,
    kind            VARCHAR(32)   NOT NULL,
    -- the template's fields, JSON: {"thing1": "...", "time2": "..."}
    data            VARCHAR(2000) NOT NULL,
    -- the mini-program page the message opens
    page            VARCHAR(255)  NULL,
    -- one notice per fact: e.g. wish-claimed:42
    dedupe_key      VARCHAR(96)   NOT NULL,
    -- PENDING | SENDING | SENT | SKIPPED (no consent) | FAILED (gave up)
    status          VARCHAR(12)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    -- which sender run holds a SENDING row (until next_attempt_at, then anyone may retry it)
    claim           VARCHAR(36)   NULL,
    next_attempt_at DATETIME(3)   NOT NULL,
    last_error      VARCHAR(64)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    sent_at         DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_notify_dedupe (user_id, dedupe_key),
    KEY idx_notify_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE notify_consent (
    user_id    BIGINT      NOT NULL,
    kind       VARCHAR(32) NOT NULL,
    remaining  INT         NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT ck_notify_consent CHECK (remaining >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
