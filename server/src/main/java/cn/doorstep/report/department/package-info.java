/**
 * The departments reports go to (物业, 供热, 城管, 派出所 ...) and their people (role DEPARTMENT scoped to the
 * department); 流转 by the grid's worker and 吹哨 by the street; the department side: accept, 报到, ask for
 * time, resolve with evidence, send back. Internal to the report feature; tables department,
 * department_street and report_assignment.
 */
package cn.doorstep.report.department;
