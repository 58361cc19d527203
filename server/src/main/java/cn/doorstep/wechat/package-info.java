/**
 * Every call to WeChat goes through WxJava's {@code WxMaService}, configured here; {@link WeChatClient}
 * maps WeChat's answers to our error codes. The shared access token lives in Redis under {@code wx:}.
 */
package cn.doorstep.wechat;
