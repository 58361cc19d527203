-- Foundation schema: users, roles, the organisation chain and the audit trail.
-- Times are UTC DATETIME(3); text is utf8mb4. Dialect: MySQL 8 / MariaDB 10.11+.

CREATE TABLE district (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(32)  NOT NULL,
    adcode     VARCHAR(12)  NOT NULL,
    sort_order INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    UNIQUE KEY uk_district_adcode (adcode)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE street (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    district_id BIGINT      NOT NULL,
    name        VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_street_name (district_id, name),
    CONSTRAINT fk_street_district FOREIGN KEY (district_id) REFERENCES district (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE community (
    id        BIGINT      NOT NULL AUTO_INCREMENT,
    street_id BIGINT      NOT NULL,
    name      VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_community_name (street_id, name),
    CONSTRAINT fk_community_street FOREIGN KEY (street_id) REFERENCES street (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE grid (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    community_id BIGINT      NOT NULL,
    name         VARCHAR(32) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_grid_name (community_id, name),
    CONSTRAINT fk_grid_community FOREIGN KEY (community_id) REFERENCES community (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE app_user (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    openid       VARCHAR(64)  NOT NULL,
    unionid      VARCHAR(64)  NULL,
    nickname     VARCHAR(32)  NULL,
    avatar_url   VARCHAR(512) NULL,
    phone        VARCHAR(20)  NULL,
    community_id BIGINT       NULL,
    grid_id      BIGINT       NULL,
    created_at   DATETIME(3)  NOT NULL,
    updated_at   DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_app_user_openid (openid),
    KEY idx_app_user_unionid (unionid),
    KEY idx_app_user_community (community_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- scope_id: station id for STAFF, community id for ADMIN, 0 for unscoped roles.
CREATE TABLE user_role (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    role       VARCHAR(16) NOT NULL,
    scope_id   BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_user_role (user_id, role, scope_id),
    KEY idx_user_role_scope (role, scope_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_log (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    actor_id    BIGINT        NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target_type VARCHAR(32)   NOT NULL,
    target_id   VARCHAR(64)   NOT NULL,
    detail      VARCHAR(1000) NULL,
    created_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    KEY idx_audit_target (target_type, target_id),
    KEY idx_audit_actor (actor_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
