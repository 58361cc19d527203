-- 诉求 / 随手拍 (issue 17): residents, riders and grid heads report a problem with a location; the grid's
-- worker accepts it, resolves it or routes it to departments (物业, 供热, 城管, 派出所 ...); a street admin
-- can summon several departments at once (吹哨) and each responds (报到); the reporter rates the outcome.
-- Times UTC DATETIME(3); coordinates GCJ-02.

-- A department that resolves reports, serving the streets listed in department_street. Its people hold
-- the role DEPARTMENT scoped to its id.
CREATE TABLE department (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    name       VARCHAR(64) NOT NULL,
    kind       VARCHAR(24) NOT NULL,
    phone      VARCHAR(20) NULL,
    active     BOOLEAN     NOT NULL DEFAULT TRUE,
    created_by BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_department_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE department_street (
    department_id BIGINT NOT NULL,
    street_id     BIGINT NOT NULL,
    PRIMARY KEY (department_id, street_id),
    KEY idx_department_street_street (street_id),
    CONSTRAINT fk_department_street_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT fk_department_street_street FOREIGN KEY (street_id) REFERENCES street (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One report. Inserted once; every later change is a version-checked update (@Version), so of two
-- workers acting on it at once exactly one lands. district/street/community are copied from the chain at
-- filing so lists by scope and escalation read one table.
CREATE TABLE report (
    id                     BIGINT        NOT NULL AUTO_INCREMENT,
    -- the account that filed it: the resident or rider, the grid head, or the worker taking a hotline call
    reporter_id            BIGINT        NOT NULL,
    channel                VARCHAR(16)   NOT NULL,
    -- a hotline (8890) caller, written down by the worker; shown to workers only
    caller_name            VARCHAR(32)   NULL,
    caller_phone           VARCHAR(20)   NULL,
    district_id            BIGINT        NOT NULL,
    street_id              BIGINT        NOT NULL,
    community_id           BIGINT        NOT NULL,
    grid_id                BIGINT        NULL,
    category               VARCHAR(16)   NOT NULL,
    body                   VARCHAR(1000) NOT NULL,
    lat                    DECIMAL(10,7) NOT NULL,
    lng                    DECIMAL(10,7) NOT NULL,
    address                VARCHAR(128)  NULL,
    status                 VARCHAR(20)   NOT NULL,
    -- who answers for it now: GRID, then STREET, then DISTRICT as it escalates
    level                  VARCHAR(10)   NOT NULL DEFAULT 'GRID',
    check_result           VARCHAR(16)   NULL,
    flag_reason            VARCHAR(32)   NULL,
    accept_due             DATETIME(3)   NOT NULL,
    resolve_due            DATETIME(3)   NULL,
    accepted_by            BIGINT        NULL,
    accepted_at            DATETIME(3)   NULL,
    routed_at              DATETIME(3)   NULL,
    summoned_at            DATETIME(3)   NULL,
    resolved_by            BIGINT        NULL,
    resolved_department_id BIGINT        NULL,
    resolved_at            DATETIME(3)   NULL,
    resolution             VARCHAR(1000) NULL,
    -- waiting for the reporter (a question asked): the deadlines' clock stands still meanwhile
    question               VARCHAR(500)  NULL,
    paused_at              DATETIME(3)   NULL,
    paused_from            VARCHAR(20)   NULL,
    escalated_at           DATETIME(3)   NULL,
    reopened               BOOLEAN       NOT NULL DEFAULT FALSE,
    satisfied              BOOLEAN       NULL,
    rating_comment         VARCHAR(500)  NULL,
    rated_at               DATETIME(3)   NULL,
    closed_at              DATETIME(3)   NULL,
    merged_into            BIGINT        NULL,
    version                INT           NOT NULL DEFAULT 0,
    created_at             DATETIME(3)   NOT NULL,
    updated_at             DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_report_community (community_id, status, created_at),
    KEY idx_report_street (street_id, status, created_at),
    KEY idx_report_district (district_id, status, created_at),
    KEY idx_report_grid (grid_id, status, created_at),
    KEY idx_report_reporter (reporter_id, created_at),
    KEY idx_report_accept_due (status, accept_due),
    KEY idx_report_resolve_due (status, resolve_due),
    KEY idx_report_nearby (category, status, lat, lng),
    KEY idx_report_merged (merged_into)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Photos: filed with the report (step_id NULL) or evidence of a step (a resolution, a reply).
CREATE TABLE report_photo (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    report_id  BIGINT       NOT NULL,
    step_id    BIGINT       NULL,
    url        VARCHAR(512) NOT NULL,
    sort_order INT          NOT NULL,
    PRIMARY KEY (id),
    KEY idx_report_photo_report (report_id, step_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The timeline: one row per step, with the status it left the report in.
CREATE TABLE report_step (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    report_id     BIGINT        NOT NULL,
    step          VARCHAR(20)   NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    actor_id      BIGINT        NULL,
    actor         VARCHAR(12)   NOT NULL,
    department_id BIGINT        NULL,
    note          VARCHAR(1000) NULL,
    created_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_report_step_report (report_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A department's part in a report: ROUTED to it by the grid, or SUMMONED (吹哨) by the street.
-- One row per (report, department); routing again after a return reuses it.
CREATE TABLE report_assignment (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    report_id     BIGINT       NOT NULL,
    department_id BIGINT       NOT NULL,
    kind          VARCHAR(10)  NOT NULL,
    status        VARCHAR(12)  NOT NULL,
    assigned_by   BIGINT       NOT NULL,
    assigned_at   DATETIME(3)  NOT NULL,
    accepted_at   DATETIME(3)  NULL,
    responded_at  DATETIME(3)  NULL,
    resolve_due   DATETIME(3)  NULL,
    extended_days INT          NOT NULL DEFAULT 0,
    resolved_at   DATETIME(3)  NULL,
    returned_at   DATETIME(3)  NULL,
    note          VARCHAR(500) NULL,
    version       INT          NOT NULL DEFAULT 0,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_report_assignment (report_id, department_id),
    KEY idx_report_assignment_department (department_id, status, assigned_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Who follows a report: its reporter, and the reporters of reports merged into it (or who said "the same").
CREATE TABLE report_follower (
    report_id  BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    via        VARCHAR(10) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (report_id, user_id),
    KEY idx_report_follower_user (user_id, report_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- 流动网格员: a verified rider paired with a grid by its community's admin; their reports go straight to it.
CREATE TABLE grid_rider (
    user_id      BIGINT      NOT NULL,
    grid_id      BIGINT      NOT NULL,
    community_id BIGINT      NOT NULL,
    paired_by    BIGINT      NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    PRIMARY KEY (user_id),
    KEY idx_grid_rider_grid (grid_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
