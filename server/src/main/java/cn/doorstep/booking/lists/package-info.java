/** The bookings of an admin's communities with filters, on screen and as a 台账 spreadsheet. */
package cn.doorstep.booking.lists;
