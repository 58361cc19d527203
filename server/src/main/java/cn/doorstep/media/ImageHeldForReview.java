package cn.doorstep.media;

/**
 * An image needs a person: WeChat said review, or no verdict came after the retries (label
 * {@link ImageCheck#NO_VERDICT}, or REFUSED_&lt;errcode&gt; when WeChat would not check it). It stays hidden
 * from all but its uploader and admins until an admin decides ({@link MediaService#review}).
 */
public record ImageHeldForReview(long imageId, String url, long ownerId, String label) {
}
