-- Per-category deadlines of reports (issue 17 §3), set by the platform admin: the minutes the grid has to
-- accept a new report and the working days (holiday calendar) to resolve an accepted one. A category
-- without a row uses doorstep.report.accept-within and doorstep.report.resolve-working-days.
CREATE TABLE report_category_rule (
    category             VARCHAR(16) NOT NULL,
    accept_minutes       INT         NOT NULL,
    resolve_working_days INT         NOT NULL,
    updated_by           BIGINT      NOT NULL,
    updated_at           DATETIME(3) NOT NULL,
    PRIMARY KEY (category),
    CONSTRAINT ck_report_category_rule CHECK (accept_minutes > 0 AND resolve_working_days > 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
