/**
 * The grid's side of a report and the reporter's answers: the workers' list in scope, accept, resolve in
 * the grid, a question to the reporter (the clock pauses) and their reply, the reporter's rating (not
 * satisfied reopens it once, one level up), hotline filing for a caller, and 流动网格员 (a verified rider
 * paired with a grid). Internal to the reports feature.
 */
package cn.doorstep.report.grid;
