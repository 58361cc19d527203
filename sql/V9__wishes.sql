-- Micro-wishes (微心愿) and what they need: uploaded images, the wish loop with its history,
-- per-community review policy, and 双报到 (units, party members' registrations, their service).

-- Every uploaded image, after its content was checked and its metadata stripped. The file lives
-- under doorstep.media.dir at `path`; its URL is doorstep.media.base-url + '/' + path.
CREATE TABLE media_image (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    owner_id     BIGINT      NOT NULL,
    -- e.g. 202612/3q2-7wBfT0m8Vb1xQyZc0w.jpg (month folder, 128 random bits)
    path         VARCHAR(64) NOT NULL,
    content_type VARCHAR(16) NOT NULL,
    bytes        INT         NOT NULL,
    width        INT         NOT NULL,
    height       INT         NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_media_image_path (path),
    KEY idx_media_image_owner (owner_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE wish (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    -- the account that posted: the resident, or the grid head who posted for them (on_behalf)
    poster_id       BIGINT        NOT NULL,
    community_id    BIGINT        NOT NULL,
    grid_id         BIGINT        NULL,
    title           VARCHAR(40)   NOT NULL,
    body            VARCHAR(1000) NOT NULL,
    -- DAILY_HELP | REPAIRS | COMPANY | ELDERLY_CARE | STUDY_HELP | OTHER
    category        VARCHAR(16)   NOT NULL,
    -- LOW | NORMAL | HIGH
    urgency         VARCHAR(8)    NOT NULL,
    -- contact details: shown whole only to the poster and the current claimer (each reveal audited)
    contact_name    VARCHAR(32)   NOT NULL,
    -- only when the poster gave one; otherwise the poster's bound phone (stored once, in app_user)
    contact_phone   VARCHAR(20)   NULL,
    address         VARCHAR(128)  NOT NULL,
    -- 敲门行动: a grid head posted for a resident without a phone (contact_name, address are theirs)
    on_behalf       TINYINT(1)    NOT NULL DEFAULT 0,
    -- PENDING_REVIEW | REJECTED | OPEN | DISPATCHED | CLAIMED | FULFILLED | DISPUTED | CONFIRMED | CANCELLED
    status          VARCHAR(16)   NOT NULL,
    -- what WeChat's msgSecCheck said: PASS | REVIEW | UNAVAILABLE (RISKY is refused, never stored)
    check_result    VARCHAR(12)   NOT NULL,
    check_trace_id  VARCHAR(64)   NULL,
    review_reason   VARCHAR(128)  NULL,
    reviewed_by     BIGINT        NULL,
    reviewed_at     DATETIME(3)   NULL,
    published_at    DATETIME(3)   NULL,
    -- 派单: the volunteer an admin assigned it to, until they accept or decline
    assignee_id     BIGINT        NULL,
    dispatched_at   DATETIME(3)   NULL,
    claimer_id      BIGINT        NULL,
    claimed_at      DATETIME(3)   NULL,
    -- a claim (or an unanswered dispatch) not fulfilled by then returns to the wall
    claim_deadline  DATETIME(3)   NULL,
    fulfil_note     VARCHAR(500)  NULL,
    fulfil_hours    DECIMAL(4, 1) NULL,
    fulfilled_at    DATETIME(3)   NULL,
    -- confirmed automatically from then on
    confirm_due     DATETIME(3)   NULL,
    rating          TINYINT       NULL,
    confirm_comment VARCHAR(200)  NULL,
    -- NULL when confirmed automatically
    confirmed_by    BIGINT        NULL,
    confirmed_at    DATETIME(3)   NULL,
    dispute_reason  VARCHAR(200)  NULL,
    cancel_reason   VARCHAR(200)  NULL,
    cancelled_at    DATETIME(3)   NULL,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_wall (status, community_id, published_at),
    KEY idx_wish_poster (poster_id, id),
    KEY idx_wish_claimer (claimer_id, status),
    KEY idx_wish_assignee (assignee_id, status),
    KEY idx_wish_deadline (status, claim_deadline),
    KEY idx_wish_confirm_due (status, confirm_due),
    CONSTRAINT ck_wish_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The status timeline: one row per transition, never changed.
CREATE TABLE wish_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    wish_id     BIGINT       NOT NULL,
    -- POSTED | HELD | PUBLISHED | REJECTED | CLAIMED | RELEASED | EXPIRED | DISPATCHED | ACCEPTED |
    -- DECLINED | FULFILLED | CONFIRMED | AUTO_CONFIRMED | DISPUTED | REOPENED | CANCELLED
    step        VARCHAR(16)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    -- NULL for the system (deadlines, automatic confirmation)
    actor_id    BIGINT       NULL,
    -- POSTER | CLAIMER | VOLUNTEER | ADMIN | GRID_HEAD | SYSTEM
    actor_role  VARCHAR(12)  NOT NULL,
    note        VARCHAR(500) NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_event_wish (wish_id, id),
    CONSTRAINT fk_wish_event_wish FOREIGN KEY (wish_id) REFERENCES wish (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Photos of the wish (event_id NULL) and of each fulfilment (纪实: event_id is its FULFILLED event,
-- created_at the server's time of the upload's use).
CREATE TABLE wish_photo (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    wish_id    BIGINT       NOT NULL,
    event_id   BIGINT       NULL,
    sort_order INT          NOT NULL,
    url        VARCHAR(255) NOT NULL,
    created_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_wish_photo_wish (wish_id, event_id, sort_order),
    CONSTRAINT fk_wish_photo_wish FOREIGN KEY (wish_id) REFERENCES wish (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per volunteer who ever claimed: claims by one volunteer lock it, so the cap on open
-- claims holds however many they fire at once.
CREATE TABLE wish_claimer (
    user_id    BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A community whose admins review every wish, not only those WeChat's check held.
CREATE TABLE wish_policy (
    community_id BIGINT      NOT NULL,
    review_all   TINYINT(1)  NOT NULL,
    updated_by   BIGINT      NOT NULL,
    updated_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (community_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 双报到: units (机关企事业单位) and the communities they 包联.
CREATE TABLE party_unit (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(64) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_party_unit_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE party_unit_community (
    unit_id      BIGINT NOT NULL,
    community_id BIGINT NOT NULL,
    PRIMARY KEY (unit_id, community_id),
    KEY idx_party_unit_community (community_id),
    CONSTRAINT fk_party_unit_community_unit FOREIGN KEY (unit_id) REFERENCES party_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- An in-service party member reporting to their home community (社区报到), naming their unit.
CREATE TABLE party_registration (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    user_id       BIGINT       NOT NULL,
    community_id  BIGINT       NOT NULL,
    unit_id       BIGINT       NOT NULL,
    real_name     VARCHAR(32)  NOT NULL,
    -- PENDING | CONFIRMED | REJECTED
    status        VARCHAR(12)  NOT NULL,
    reject_reason VARCHAR(128) NULL,
    reviewed_by   BIGINT       NULL,
    reviewed_at   DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_party_registration_user (user_id),
    KEY idx_party_registration_review (community_id, status),
    KEY idx_party_registration_unit (unit_id, status),
    CONSTRAINT fk_party_registration_unit FOREIGN KEY (unit_id) REFERENCES party_unit (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Each confirmed wish a registered party member fulfilled, credited to their unit at that time
-- (written once per wish from the WishConfirmed event), for the unit's 考核评价 by month.
CREATE TABLE party_service (
    wish_id      BIGINT        NOT NULL,
    user_id      BIGINT        NOT NULL,
    unit_id      BIGINT        NOT NULL,
    community_id BIGINT        NOT NULL,
    -- the China-time month of the confirmation, e.g. 2026-12
    month        CHAR(7)       NOT NULL,
    hours        DECIMAL(4, 1) NULL,
    rating       TINYINT       NULL,
    confirmed_at DATETIME(3)   NOT NULL,
    PRIMARY KEY (wish_id),
    KEY idx_party_service_unit (unit_id, month, user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
