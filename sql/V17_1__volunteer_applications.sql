-- 志愿者注册 (issue 16 §1): a resident applies to a community; its admin approves (granting VOLUNTEER for
-- that community) or rejects with a reason; a volunteer may leave and an admin may revoke.

CREATE TABLE volunteer_application (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    user_id        BIGINT       NOT NULL,
    community_id   BIGINT       NOT NULL,
    real_name      VARCHAR(32)  NOT NULL,
    -- names of VolunteerSkill, comma-separated, in the enum's order
    skills         VARCHAR(255) NOT NULL,
    availability   VARCHAR(100) NOT NULL,
    -- a contact number the applicant gave; NULL: the phone bound to the account (stored once, in app_user)
    contact_phone  VARCHAR(20)  NULL,
    -- PENDING | APPROVED | REJECTED | LEFT (the volunteer left) | REVOKED (an admin ended it)
    status         VARCHAR(12)  NOT NULL,
    -- why it was rejected or revoked (the applicant reads it)
    reason         VARCHAR(128) NULL,
    reviewed_by    BIGINT       NULL,
    reviewed_at    DATETIME(3)  NULL,
    -- who ended an approved application (the volunteer or an admin), and when
    ended_by       BIGINT       NULL,
    ended_at       DATETIME(3)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    -- the community while the application is open (PENDING or APPROVED), else NULL: the unique key below
    -- lets a user hold one open application per community however many requests race, and any number
    -- of closed ones (NULLs never collide)
    open_community BIGINT GENERATED ALWAYS AS
        (CASE WHEN status IN ('PENDING', 'APPROVED') THEN community_id END) STORED,
    PRIMARY KEY (id),
    UNIQUE KEY uk_volunteer_application_open (user_id, open_community),
    KEY idx_volunteer_application_queue (community_id, status, id),
    KEY idx_volunteer_application_user (user_id, id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
