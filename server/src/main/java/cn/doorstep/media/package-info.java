/**
 * Image uploads: checked by content (JPEG, PNG, WebP), size and pixel count, stripped of EXIF, XMP and
 * text metadata (a phone photo's GPS position never leaves the server), stored under an unguessable
 * name through {@code internal.ImageStore}: a local folder served by nginx (the app itself only in the
 * local profile), or an S3-compatible bucket every instance reads, streamed by the app at /media/
 * ({@code doorstep.media.storage=s3}, {@link cn.doorstep.media.MediaFiles}). {@link cn.doorstep.media.MediaUrl}
 * lets other features accept only URLs of these images. Every image goes through WeChat's media check
 * ({@link cn.doorstep.media.MediaChecks}): shown to others ({@link cn.doorstep.media.MediaService#shownTo})
 * only once WeChat passed it; publishes {@link cn.doorstep.media.ImageWithdrawn} and
 * {@link cn.doorstep.media.ImageHeldForReview}; hears wechat's {@code WeChatMediaChecked}; asks
 * {@link cn.doorstep.media.UploaderOpenids} (implemented by user) whose openid to check as. Owns table
 * {@code media_image}; its only Redis key is the upload rate limit {@code rate:media-upload:user:{id}}.
 */
package cn.doorstep.media;
