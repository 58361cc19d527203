/**
 * Reports' follow-up: each category's deadlines (table {@code report_category_rule}, read by
 * {@link cn.doorstep.report.ReportDeadlines}), the jobs that escalate overdue reports (grid, street, district)
 * and close resolved ones left unrated, and duplicates: open reports near a point ("the same?"), following
 * one instead of filing, a worker's merge. No Redis keys of its own.
 */
package cn.doorstep.report.followup;
