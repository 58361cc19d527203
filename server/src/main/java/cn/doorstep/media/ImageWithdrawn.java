package cn.doorstep.media;

/**
 * WeChat's media check found an image risky (or an admin withdrew it): its file left the served folder.
 * Whatever shows the image ({@code url}) should flag itself for its admins.
 *
 * @param label WeChat's label (e.g. 20002), or {@link #BY_ADMIN} when an admin withdrew it (having looked already)
 */
public record ImageWithdrawn(long imageId, String url, long ownerId, String label) {

    public static final String BY_ADMIN = "ADMIN";

    public boolean byAdmin() {
        return BY_ADMIN.equals(label);
    }
}
