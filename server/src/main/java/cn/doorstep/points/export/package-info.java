/** The points ledger of an admin's communities as a 台账 spreadsheet. */
package cn.doorstep.points.export;
