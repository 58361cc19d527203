-- The PC console's sign-in (README "Console", console-auth.md): a worker's login name, bcrypt password
-- hash and TOTP secret. Only users holding a worker role get a row; residents and riders never do.
-- Failed attempts and lockouts are counted in Redis (auth:console:{name}:fails), never here, so a wrong
-- password writes no row.
CREATE TABLE console_credential (
    user_id        BIGINT       NOT NULL,
    login_name     VARCHAR(32)  NOT NULL,
    password_hash  VARCHAR(100) NOT NULL,
    -- set by a platform admin: the worker is asked to choose their own at the next sign-in
    must_change    TINYINT(1)   NOT NULL DEFAULT 1,
    -- Base32 (RFC 4648) TOTP secrets: the confirmed one, and one enrolled but not yet confirmed by a code
    totp_secret    VARCHAR(64)  NULL,
    totp_pending   VARCHAR(64)  NULL,
    created_at     DATETIME(3)  NOT NULL,
    updated_at     DATETIME(3)  NOT NULL,
    PRIMARY KEY (user_id),
    UNIQUE KEY uk_console_login_name (login_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
