/**
 * Notifications: every notice lands in the user's in-app inbox and, for kinds with a WeChat template,
 * goes out as a subscribe message (订阅消息) through WxJava, both written in the transaction of the
 * fact they announce (the message to an outbox sent by a job with retries, so a WeChat outage never
 * fails the feature that notifies). Counts each user's one-time consents per kind. Owns tables
 * {@code inbox_item}, {@code inbox_counter}, {@code notify_outbox} and {@code notify_consent}; no Redis keys.
 */
package cn.doorstep.notify;
