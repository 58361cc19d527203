/**
 * Notifications: WeChat subscribe messages (订阅消息) through WxJava, written to an outbox in the
 * transaction of the fact they announce and sent by a job with retries, so a WeChat outage never
 * fails the feature that notifies. Counts each user's one-time consents per kind. Owns tables
 * {@code notify_outbox} and {@code notify_consent}; no Redis keys.
 */
package cn.doorstep.notify;
