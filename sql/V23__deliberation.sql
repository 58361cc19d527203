-- 议事 (issue 17 §7): a topic (proposed by a resident, or made by an admin from a wish, a report or
-- directly) is accepted onto the agenda or declined, discussed at meetings held at a station (each an
-- activity of the schedule, booked through the booking machinery), minuted with decisions, and followed
-- up by tasks with an owner and a deadline until every one is done.

CREATE TABLE deliberation_topic (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    community_id   BIGINT        NOT NULL,
    title          VARCHAR(40)   NOT NULL,
    body           VARCHAR(1000) NOT NULL,
    -- RESIDENT (proposed) | WISH | REPORT | DIRECT (an admin's); source_id the wish's or report's id
    source_type    VARCHAR(12)   NOT NULL,
    source_id      BIGINT        NULL,
    -- the resident who proposed it, or the admin who made it
    created_by     BIGINT        NOT NULL,
    -- PROPOSED | ACCEPTED | SCHEDULED | DISCUSSED | DONE | DECLINED
    status         VARCHAR(12)   NOT NULL,
    -- WeChat's verdict on a resident's text: PASS | REVIEW | UNAVAILABLE (a risky one is never stored);
    -- NULL for an admin's topic
    check_result   VARCHAR(12)   NULL,
    supporters     INT           NOT NULL DEFAULT 0,
    decided_by     BIGINT        NULL,
    decided_at     DATETIME(3)   NULL,
    decline_reason VARCHAR(128)  NULL,
    created_at     DATETIME(3)   NOT NULL,
    updated_at     DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_deliberation_topic_list (community_id, status, id),
    KEY idx_deliberation_topic_source (source_type, source_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- one second per user and topic, however many requests race
CREATE TABLE deliberation_support (
    topic_id   BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (topic_id, user_id),
    KEY idx_deliberation_support_user (user_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE deliberation_meeting (
    id           BIGINT         NOT NULL AUTO_INCREMENT,
    topic_id     BIGINT         NOT NULL,
    community_id BIGINT         NOT NULL,
    station_id   BIGINT         NOT NULL,
    -- the schedule's activity residents (or riders) sign up for
    activity_id  BIGINT         NOT NULL,
    -- RESIDENTS | RIDERS (a 恳谈会 with riders) | ALL
    audience     VARCHAR(12)    NOT NULL,
    starts_at    DATETIME(3)    NOT NULL,
    ends_at      DATETIME(3)    NOT NULL,
    -- SCHEDULED | RECORDED (minutes recorded, once)
    status       VARCHAR(12)    NOT NULL,
    minutes      VARCHAR(4000)  NULL,
    attendance   INT            NULL,
    recorded_by  BIGINT         NULL,
    recorded_at  DATETIME(3)    NULL,
    created_by   BIGINT         NOT NULL,
    created_at   DATETIME(3)    NOT NULL,
    updated_at   DATETIME(3)    NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_deliberation_meeting_activity (activity_id),
    KEY idx_deliberation_meeting_topic (topic_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE deliberation_decision (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    meeting_id BIGINT       NOT NULL,
    sort_order INT          NOT NULL,
    text       VARCHAR(500) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_deliberation_decision_order (meeting_id, sort_order)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE deliberation_task (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    topic_id      BIGINT       NOT NULL,
    meeting_id    BIGINT       NOT NULL,
    community_id  BIGINT       NOT NULL,
    title         VARCHAR(100) NOT NULL,
    -- the owner: a user of the system, or a named party (物业, 街道城管科) as text; exactly one is set
    owner_user_id BIGINT       NULL,
    owner_name    VARCHAR(32)  NULL,
    -- the deadline, a China date
    due_date      DATE         NOT NULL,
    -- OPEN | DONE
    status        VARCHAR(8)   NOT NULL,
    done_note     VARCHAR(200) NULL,
    done_by       BIGINT       NULL,
    done_at       DATETIME(3)  NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    KEY idx_deliberation_task_topic (topic_id, id),
    KEY idx_deliberation_task_list (community_id, status, due_date, id),
    KEY idx_deliberation_task_owner (owner_user_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
