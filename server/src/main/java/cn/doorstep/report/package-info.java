/**
 * 诉求 and 随手拍: reports that a resident, a rider (流动网格员) or a grid head files with a category, text,
 * photos and a location, or that a community worker files for a hotline caller; the grid's worker accepts,
 * resolves or routes them to departments; a street admin summons several departments at once (吹哨); the
 * reporter rates the outcome. Every change of a report is a version-checked update (of two workers acting at
 * once one lands, the other gets 409) with a timeline step, an audit row for workers' and departments'
 * actions, and an inbox notice to the people following it. Publishes {@link cn.doorstep.report.ReportFiled},
 * {@link cn.doorstep.report.ReportResolved}, {@link cn.doorstep.report.ReportClosed} and, with every save,
 * {@link cn.doorstep.report.ReportChanged} (whose figures {@link cn.doorstep.report.ReportStatistics} reads).
 * Owns tables {@code report}, {@code report_step}, {@code report_photo}, {@code report_assignment},
 * {@code report_follower}, {@code department}, {@code department_street}, {@code grid_rider}.
 */
package cn.doorstep.report;
