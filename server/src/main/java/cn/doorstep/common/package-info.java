/**
 * What every feature shares: the reply envelope, the error catalogue and its handler, paging,
 * the signed-in user, the clock and Redis rate limits (keys {@code rate:<rule>:<who>}; a limit counted
 * inside another feature's script carries that script's hash tag, e.g. {@code rate:{map}:<client>}),
 * idempotency keys ({@code idem:<user>:<key>}) and versioned copies (each caller's two keys share a hash tag).
 */
package cn.doorstep.common;
