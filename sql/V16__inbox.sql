-- The in-app inbox (issue 16 §4): every notice a user is sent lands here, in the transaction of the
-- fact it announces, whether or not a WeChat subscribe message also goes out. One item per
-- (user, fact): the same dedupe key as the outbox.

CREATE TABLE inbox_item (
    id         BIGINT        NOT NULL AUTO_INCREMENT,
    user_id    BIGINT        NOT NULL,
    kind       VARCHAR(32)   NOT NULL,
    -- rendered from the kind and its fields when written: what the user reads, as it was then
    title      VARCHAR(64)   NOT NULL,
    body       VARCHAR(500)  NOT NULL,
    -- the mini-program page it opens
    page       VARCHAR(255)  NULL,
    dedupe_key VARCHAR(96)   NOT NULL,
    created_at DATETIME(3)   NOT NULL,
    read_at    DATETIME(3)   NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_inbox_dedupe (user_id, dedupe_key),
    -- the inbox, newest first: WHERE user_id = ? ORDER BY id DESC LIMIT ?, ?; also read-all's range
    KEY idx_inbox_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each user's inbox totals, kept exact in the transactions that change the items (so the app start
-- reads them by primary key instead of counting 10,000 rows): +1 per new item, -n per item read.
CREATE TABLE inbox_counter (
    user_id BIGINT NOT NULL,
    total   BIGINT NOT NULL DEFAULT 0,
    unread  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
