/**
 * What every feature shares: the reply envelope, the error catalogue and its handler, paging,
 * the signed-in user, the clock and Redis rate limits (keys {@code rate:{rule}:{who}}).
 */
package cn.doorstep.common;
