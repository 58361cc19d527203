/**
 * Image uploads: checked by content (JPEG, PNG, WebP), size and pixel count, stripped of EXIF, XMP and
 * text metadata (a phone photo's GPS position never leaves the server), stored under an unguessable
 * name and served by nginx (the app itself only in the local profile). {@link cn.doorstep.media.MediaUrl}
 * lets other features accept only URLs of these images. Owns table {@code media_image}; its only Redis
 * key is the upload rate limit {@code rate:media-upload:user:{id}}.
 */
package cn.doorstep.media;
