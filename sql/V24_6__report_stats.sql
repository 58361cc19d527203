-- The report module's daily facts for the cockpit (ReportStatistics): the reports of a community resolved on a
-- day, whenever filed (the reports filed on a day range V22's idx_report_community by status).
ALTER TABLE report ADD KEY idx_report_community_resolved (community_id, resolved_at);
