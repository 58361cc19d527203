package cn.doorstep.wish;

/**
 * The whole contact, for the poster and the current claimer only (each reveal is audited).
 *
 * @param phone       the number given with the wish, else the poster's bound one (for a wish a grid
 *                    head posted, the grid head's: the resident has none)
 * @param viaGridHead the wish was posted by a grid head for this resident (敲门行动)
 * @param claimer     for the poster while a claimer works on the wish (claimed, fulfilled, disputed): who,
 *                    and their phone; null before and after (confirmed, cancelled)
 */
public record WishContact(String name, String phone, String address, boolean viaGridHead, Volunteer claimer) {

    public record Volunteer(long userId, String nickname, String phone) {
    }
}
