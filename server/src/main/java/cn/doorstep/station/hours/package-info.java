/**
 * When a station is open: weekly windows (past midnight too), dated exceptions, the national
 * holiday calendar with 调休 days, and the rules that check them. Tables {@code station_hours_exception}
 * and {@code public_holiday}; Redis hash {@code station:{map}:holidays} (the calendar's mirror).
 */
package cn.doorstep.station.hours;
