/**
 * For people without a phone: a grid head (三长) books a slot or an activity for a resident of their
 * grid, as they post wishes for them (敲门行动); audited in the booking's transaction.
 */
package cn.doorstep.booking.behalf;
